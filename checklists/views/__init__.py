"""Checklist pages. Each subject's module keeps its own `urlpatterns`."""

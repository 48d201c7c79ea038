"""Views for dashboard (being built)."""

urlpatterns: list = []

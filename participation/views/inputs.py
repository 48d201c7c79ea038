"""Views for inputs (being built)."""

urlpatterns: list = []

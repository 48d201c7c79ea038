"""Views for meetings (being built)."""

urlpatterns: list = []

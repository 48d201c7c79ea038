"""PDF views for resourcegroup (being built)."""

urlpatterns: list = []

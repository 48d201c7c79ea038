"""PDF views for surveys (being built)."""

urlpatterns: list = []

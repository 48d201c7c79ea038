"""PDF views for steering (being built)."""

urlpatterns: list = []

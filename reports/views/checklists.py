"""PDF views for checklists (being built)."""

urlpatterns: list = []

"""Views for calendars (being built)."""

urlpatterns: list = []

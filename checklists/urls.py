"""URLs of checklists; its pages arrive with the issue that builds the app."""

app_name = "checklists"
urlpatterns: list = []

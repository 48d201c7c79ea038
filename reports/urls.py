"""URLs of reports; its pages arrive with the issue that builds the app."""

app_name = "reports"
urlpatterns: list = []

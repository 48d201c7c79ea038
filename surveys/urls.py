"""URLs of surveys; its pages arrive with the issue that builds the app."""

app_name = "surveys"
urlpatterns: list = []

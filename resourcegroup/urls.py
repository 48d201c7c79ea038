"""URLs of resourcegroup; its pages arrive with the issue that builds the app."""

app_name = "resourcegroup"
urlpatterns: list = []

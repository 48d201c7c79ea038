"""reports' URLs: each subject's PDF views module keeps its own `urlpatterns`."""

from .views import checklists, minutes, offers, offices, resourcegroup, steering, surveys

app_name = "reports"
urlpatterns = (
    steering.urlpatterns
    + checklists.urlpatterns
    + surveys.urlpatterns
    + resourcegroup.urlpatterns
    + minutes.urlpatterns
    + offers.urlpatterns
    + offices.urlpatterns
)

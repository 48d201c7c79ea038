"""reports' URLs: each subject's PDF views module keeps its own `urlpatterns`."""

from .views import (
    checklists,
    goals,
    minutes,
    offers,
    offices,
    resourcegroup,
    steering,
    surveys,
)

app_name = "reports"
urlpatterns = (
    steering.urlpatterns
    + checklists.urlpatterns
    + surveys.urlpatterns
    + resourcegroup.urlpatterns
    + minutes.urlpatterns
    + offers.urlpatterns
    + goals.urlpatterns
    + offices.urlpatterns
)

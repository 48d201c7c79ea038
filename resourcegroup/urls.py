"""URLs of resourcegroup: programme pages under p/<slug>/resource-group/, and the public
application form at apply/<posting slug>/ (stable for the life of a posting)."""

from .views import (
    budget,
    contracts,
    followup,
    honoraria,
    hours,
    index,
    onboarding,
    recruitment,
    stories,
    timesheets,
)

app_name = "resourcegroup"
urlpatterns = [
    *index.urlpatterns,
    *hours.urlpatterns,
    *timesheets.urlpatterns,
    *contracts.urlpatterns,
    *followup.urlpatterns,
    *onboarding.urlpatterns,
    *stories.urlpatterns,
    *recruitment.urlpatterns,
    *honoraria.urlpatterns,
    *budget.urlpatterns,
]

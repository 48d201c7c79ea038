"""participation's URLs. Each subject's views module keeps its own `urlpatterns`."""

from .views import calendars, dashboard, inputs, meetings, people

urlpatterns = (
    people.urlpatterns
    + dashboard.urlpatterns
    + meetings.urlpatterns
    + inputs.urlpatterns
    + calendars.urlpatterns
)

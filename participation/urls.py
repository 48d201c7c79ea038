"""participation's URLs. Each subject's views module keeps its own `urlpatterns`."""

from .views import audit, calendars, inputs, meetings, notifications, people, register, setup

urlpatterns = (
    people.urlpatterns
    + meetings.urlpatterns
    + inputs.urlpatterns
    + calendars.urlpatterns
    + notifications.urlpatterns
    + audit.urlpatterns
    + register.urlpatterns
    + setup.urlpatterns
)

"""participation's URLs. Each subject's views module keeps its own `urlpatterns`."""

from .views import (
    audit,
    calendars,
    inputs,
    meetings,
    notifications,
    people,
    personal,
    register,
    setup,
    undo,
)

urlpatterns = (
    people.urlpatterns
    + meetings.urlpatterns
    + inputs.urlpatterns
    + calendars.urlpatterns
    + notifications.urlpatterns
    + audit.urlpatterns
    + register.urlpatterns
    + personal.urlpatterns
    + setup.urlpatterns
    + undo.urlpatterns
)

"""participation's URLs. Each subject's views module keeps its own `urlpatterns`."""

from .views import (
    advisor_time,
    annual_tasks,
    audit,
    calendars,
    inputs,
    meetings,
    notifications,
    people,
    personal,
    register,
    setup,
    training,
    undo,
    where_from,
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
    + where_from.urlpatterns
    + advisor_time.urlpatterns
    + annual_tasks.urlpatterns
    + training.urlpatterns
)

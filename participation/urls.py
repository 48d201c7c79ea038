"""participation's URLs. Each subject's views module keeps its own `urlpatterns`."""

from .views import calendars, inputs, meetings, people

urlpatterns = people.urlpatterns + meetings.urlpatterns + inputs.urlpatterns + calendars.urlpatterns

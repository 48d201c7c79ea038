"""resourcegroup's models, split by subject."""

from .contracts import Contract, PayrollExport, TimeEntry, Timesheet
from .followup import FollowUpContact
from .honoraria import Honorarium, HonorariumRate, TravelClaim
from .onboarding import Onboarding
from .recruitment import Application, ApplicationEvent, Posting
from .stories import Story, StoryTheme

__all__ = [
    "Application",
    "ApplicationEvent",
    "Contract",
    "FollowUpContact",
    "Honorarium",
    "HonorariumRate",
    "Onboarding",
    "PayrollExport",
    "Posting",
    "Story",
    "StoryTheme",
    "TimeEntry",
    "Timesheet",
    "TravelClaim",
]

"""resourcegroup's models, split by subject."""

from .budget import BudgetLine, OtherCost
from .contracts import Contract, PayrollExport, TimeEntry, Timesheet
from .followup import FollowUpContact
from .honoraria import Honorarium, HonorariumRate, TravelClaim
from .onboarding import Onboarding
from .recruitment import Application, ApplicationEvent, Posting
from .stories import Story, StoryTheme

__all__ = [
    "Application",
    "ApplicationEvent",
    "BudgetLine",
    "Contract",
    "FollowUpContact",
    "Honorarium",
    "HonorariumRate",
    "Onboarding",
    "OtherCost",
    "PayrollExport",
    "Posting",
    "Story",
    "StoryTheme",
    "TimeEntry",
    "Timesheet",
    "TravelClaim",
]

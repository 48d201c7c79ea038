"""participation's models, split by subject: people and groups, meetings, inputs, calendars."""

from .calendars import CalendarFeed
from .inputs import Input, InputEvent
from .meetings import ActionItem, AgendaItem, Attendance, Decision, Meeting, MeetingSeries
from .people import (
    Group,
    Invitation,
    Membership,
    MembershipQuerySet,
    Office,
    Programme,
    User,
    UserManager,
)

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Attendance",
    "CalendarFeed",
    "Decision",
    "Group",
    "Input",
    "InputEvent",
    "Invitation",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MembershipQuerySet",
    "Office",
    "Programme",
    "User",
    "UserManager",
]

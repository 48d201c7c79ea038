"""participation's models, split by subject: people and groups, meetings, inputs, calendars."""

from .advisor_time import AdvisorTimeEntry, AdvisorTimePlan
from .annual_tasks import AnnualTask, AnnualTaskDone
from .audit import AuditEvent, AuditEventIsAppendOnly
from .calendars import CalendarFeed
from .inputs import Input, InputEvent, InputOwnerChange
from .meetings import ActionItem, AgendaItem, Attendance, Decision, Meeting, MeetingSeries
from .notifications import (
    GroupReminderSettings,
    NotificationChannel,
    NotificationKind,
    NotificationPreference,
    SentNotification,
)
from .people import (
    Group,
    Invitation,
    MandateVersion,
    Membership,
    MembershipQuerySet,
    Office,
    Programme,
    User,
    UserManager,
    Weekday,
)
from .training import TrainingAudience, TrainingCompletion, TrainingModule

__all__ = [
    "ActionItem",
    "AdvisorTimeEntry",
    "AdvisorTimePlan",
    "AnnualTask",
    "AnnualTaskDone",
    "AgendaItem",
    "Attendance",
    "AuditEvent",
    "AuditEventIsAppendOnly",
    "CalendarFeed",
    "Decision",
    "Group",
    "GroupReminderSettings",
    "Input",
    "InputEvent",
    "InputOwnerChange",
    "Invitation",
    "MandateVersion",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MembershipQuerySet",
    "NotificationChannel",
    "NotificationKind",
    "NotificationPreference",
    "Office",
    "Programme",
    "SentNotification",
    "TrainingAudience",
    "TrainingCompletion",
    "TrainingModule",
    "User",
    "UserManager",
    "Weekday",
]

"""Writes in participation, split by subject. Keyword-only, validated, in a transaction."""

from .inputs import (
    input_assign,
    input_change_status,
    input_create,
    input_give_feedback,
)
from .meetings import (
    action_item_create,
    action_item_set_status,
    agenda_item_add,
    agenda_item_decide,
    agenda_item_propose,
    agenda_send,
    attendance_record,
    decision_add,
    meeting_cancel,
    meeting_create,
    meeting_series_create,
    meeting_update,
    minutes_approve,
    minutes_save,
)
from .people import (
    invitation_accept,
    invitation_resend,
    invitation_send,
    invitation_url,
    person_invite,
    user_set_language,
)

__all__ = [
    "action_item_create",
    "action_item_set_status",
    "agenda_item_add",
    "agenda_item_decide",
    "agenda_item_propose",
    "agenda_send",
    "attendance_record",
    "decision_add",
    "input_assign",
    "input_change_status",
    "input_create",
    "input_give_feedback",
    "invitation_accept",
    "invitation_resend",
    "invitation_send",
    "invitation_url",
    "meeting_cancel",
    "meeting_create",
    "meeting_series_create",
    "meeting_update",
    "minutes_approve",
    "minutes_save",
    "person_invite",
    "user_set_language",
]

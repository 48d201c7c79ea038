"""surveys' writes. Views call these; each validates and raises ValidationError (with a field
dict where a field is to blame) and stores nothing when it refuses."""

from .builder import (
    question_create,
    question_delete,
    question_move,
    question_update,
    survey_create,
    survey_update,
)
from .checkins import check_in_is_open, check_in_submit
from .checklist_link import question_link_checklist_item
from .codes import code_office, codes_make, codes_per_office, normalise_code
from .publishing import round_start, survey_close, survey_publish, survey_reopen
from .releases import results_release, results_release_due
from .responding import AlreadySubmitted, CodeNotValid, response_submit
from .review import (
    review_comment_add,
    review_comment_resolve,
    survey_back_to_draft,
    survey_send_for_review,
)

__all__ = [
    "AlreadySubmitted",
    "CodeNotValid",
    "code_office",
    "codes_make",
    "codes_per_office",
    "normalise_code",
    "check_in_is_open",
    "check_in_submit",
    "question_create",
    "question_delete",
    "question_link_checklist_item",
    "question_move",
    "question_update",
    "response_submit",
    "results_release",
    "results_release_due",
    "review_comment_add",
    "review_comment_resolve",
    "round_start",
    "survey_back_to_draft",
    "survey_close",
    "survey_create",
    "survey_publish",
    "survey_reopen",
    "survey_send_for_review",
    "survey_update",
]

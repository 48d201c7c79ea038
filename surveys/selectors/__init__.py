"""surveys' reads, shared by its views and by the reports' PDF views."""

from .checkins import CheckInRow, check_in_overview, check_in_status, open_check_ins
from .exports import figures_export_rows, response_export_rows
from .results import (
    OfficeRate,
    QuestionResult,
    ResultRow,
    RoundComparison,
    SurveyResults,
    free_text_answers,
    response_rates,
    results_context,
    round_comparison,
    survey_results,
)
from .surveys import (
    access_survey,
    agreement_statements,
    can_see_results,
    card_checklist,
    last_release,
    result_office_ids,
    survey_for_respondent,
    survey_list,
    survey_questions,
    surveys_visible_to,
)

__all__ = [
    "CheckInRow",
    "OfficeRate",
    "QuestionResult",
    "ResultRow",
    "RoundComparison",
    "SurveyResults",
    "access_survey",
    "agreement_statements",
    "can_see_results",
    "card_checklist",
    "check_in_overview",
    "check_in_status",
    "figures_export_rows",
    "response_export_rows",
    "free_text_answers",
    "last_release",
    "open_check_ins",
    "response_rates",
    "results_context",
    "result_office_ids",
    "round_comparison",
    "survey_for_respondent",
    "survey_list",
    "survey_questions",
    "survey_results",
    "surveys_visible_to",
]

"""surveys' URLs: the public pages at /s/<slug>/ (CONTRACT.md: stable, no language prefix) and
the programme pages under p/<slug>/surveys/."""

from django.urls import path

from .views import builder, checkins, codes, respondent, results, review

app_name = "surveys"

SURVEY = "p/<slug:slug>/surveys/<int:survey_id>/"

urlpatterns = [
    # Public, anonymous.
    path("s/<slug:survey_slug>/", respondent.respond, name="respond"),
    path("s/<slug:survey_slug>/thanks/", respondent.thanks, name="thanks"),
    # Programme pages.
    path("p/<slug:slug>/surveys/", builder.survey_index, name="survey_list"),
    path("p/<slug:slug>/surveys/new/", builder.survey_create, name="survey_create"),
    path(
        "p/<slug:slug>/surveys/check-in/<int:meeting_id>/",
        checkins.meeting_check_in,
        name="meeting_check_in",
    ),
    path("p/<slug:slug>/surveys/check-ins/", results.check_in_results, name="check_in_results"),
    path(SURVEY, builder.survey_detail, name="survey_detail"),
    path(SURVEY + "edit/", builder.survey_edit, name="survey_edit"),
    path(SURVEY + "questions/new/", builder.question_create, name="question_create"),
    path(SURVEY + "questions/<int:question_id>/edit/", builder.question_edit, name="question_edit"),
    path(
        SURVEY + "questions/<int:question_id>/delete/",
        builder.question_delete,
        name="question_delete",
    ),
    path(SURVEY + "questions/<int:question_id>/move/", builder.question_move, name="question_move"),
    path(SURVEY + "preview/", builder.survey_preview, name="survey_preview"),
    path(SURVEY + "review/", review.survey_review, name="survey_review"),
    path(SURVEY + "review/send/", builder.survey_send_for_review, name="survey_send_for_review"),
    path(SURVEY + "review/end/", builder.survey_back_to_draft, name="survey_back_to_draft"),
    path(
        SURVEY + "comments/<int:comment_id>/resolve/",
        builder.comment_resolve,
        name="comment_resolve",
    ),
    path(SURVEY + "publish/", builder.survey_publish, name="survey_publish"),
    path(SURVEY + "close/", builder.survey_close, name="survey_close"),
    path(SURVEY + "reopen/", builder.survey_reopen, name="survey_reopen"),
    path(SURVEY + "rounds/new/", builder.round_create, name="round_create"),
    path(SURVEY + "share/", builder.survey_share, name="survey_share"),
    path(
        SURVEY + "share/<slug:office_code>/qr.svg",
        builder.survey_qr,
        {"kind": "svg"},
        name="survey_qr",
    ),
    path(
        SURVEY + "share/<slug:office_code>/qr.png",
        builder.survey_qr,
        {"kind": "png"},
        name="survey_qr_png",
    ),
    path(SURVEY + "codes/", codes.survey_codes, name="survey_codes"),
    path(SURVEY + "results/", results.survey_results_page, name="survey_results"),
    path(SURVEY + "results/export.csv", results.survey_export, name="survey_export"),
    path(
        SURVEY + "checklist-comparison/",
        results.checklist_comparison_page,
        name="checklist_comparison",
    ),
]

"""The coordinators' builder: surveys, questions, preview, review, publishing and rounds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from participation.access import access_programme, require_manage
from participation.forms import add_service_errors
from participation.forms.kept import forget_typed, keep_typed, kept_typed

from .. import access as rules
from .. import services
from ..forms import QuestionForm, RoundForm, SendForReviewForm, SurveyForm
from ..links import base_url, office_links, qr_file, qr_svg, respondent_url
from ..models import Question, ReviewComment
from ..selectors import (
    access_survey,
    can_see_results,
    last_release,
    open_check_ins,
    survey_list,
    survey_questions,
)
from .respondent import preview_flow


def _managed_survey(request, slug, survey_id):
    access, survey = access_survey(request.user, slug, survey_id)
    require_manage(access)
    return access, survey


def _context(access, survey=None, **extra):
    return {"access": access, "programme": access.programme, "survey": survey, **extra}


def _question_errors(form, error: ValidationError) -> None:
    """The services speak of show_if_question/show_if_value; the form has one field."""
    if hasattr(error, "error_dict"):
        renamed = {}
        for key, value in error.error_dict.items():
            key = "show_if" if key in ("show_if_question", "show_if_value") else key
            renamed.setdefault(key, []).extend(value)
        error = ValidationError(renamed)
    add_service_errors(form, error)


@login_required
def survey_index(request, slug):
    """Every survey the user may reach in the programme, with what they may do with it."""
    access = access_programme(request.user, slug)
    return render(
        request,
        "surveys/survey_list.html",
        _context(
            access,
            surveys=survey_list(access=access),
            check_ins=open_check_ins(access=access, person=request.user),
        ),
    )


@login_required
def survey_create(request, slug):
    access = access_programme(request.user, slug)
    require_manage(access)
    form = SurveyForm(request.POST or None, programme=access.programme)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            survey = services.survey_create(programme=access.programme, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey is created. Now add the questions."))
            return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
    return render(request, "surveys/survey_form.html", _context(access, form=form))


@login_required
def survey_edit(request, slug, survey_id):
    access, survey = _managed_survey(request, slug, survey_id)
    form = SurveyForm(
        request.POST or None,
        instance=survey,
        programme=access.programme,
        initial={"languages": survey.languages},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.survey_update(survey=survey, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey is saved."))
            return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
    return render(request, "surveys/survey_form.html", _context(access, survey, form=form))


@login_required
def survey_detail(request, slug, survey_id):
    """The builder for coordinators; others go where they may be (results or comments)."""
    access, survey = access_survey(request.user, slug, survey_id)
    if not rules.can_manage_surveys(access):
        if survey.status == survey.Status.REVIEW:
            return redirect("surveys:survey_review", slug=slug, survey_id=survey.pk)
        if can_see_results(access, survey):
            return redirect("surveys:survey_results", slug=slug, survey_id=survey.pk)
        raise Http404
    questions = survey_questions(survey=survey, with_comments=True)
    open_comments = sum(
        1
        for question in questions
        for comment in question.review_comments.all()
        if not comment.is_resolved
    )
    return render(
        request,
        "surveys/survey_detail.html",
        _context(
            access,
            survey,
            questions=questions,
            open_comments=open_comments,
            rounds=survey.rounds.all(),
            offices=survey.offices.order_by("name"),
            review_form=SendForReviewForm(programme=access.programme),
            round_form=RoundForm(),
            public_url=reverse("surveys:respond", kwargs={"survey_slug": survey.slug}),
            last_release=last_release(survey=survey),
        ),
    )


@login_required
def question_create(request, slug, survey_id):
    access, survey = _managed_survey(request, slug, survey_id)
    if not survey.is_editable:
        raise Http404
    form = QuestionForm(request.POST or None, survey=survey, initial={"kind": "scale"})
    if request.method == "POST" and form.is_valid():
        try:
            services.question_create(survey=survey, **form.service_arguments())
        except ValidationError as error:
            _question_errors(form, error)
        else:
            messages.success(request, _("The question is added."))
            return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
    return render(request, "surveys/question_form.html", _context(access, survey, form=form))


def _question(survey, question_id) -> Question:
    return get_object_or_404(survey.questions, pk=question_id)


@login_required
def question_edit(request, slug, survey_id, question_id):
    access, survey = _managed_survey(request, slug, survey_id)
    question = _question(survey, question_id)
    if not survey.is_editable:
        raise Http404
    form = QuestionForm(request.POST or None, instance=question, survey=survey)
    if request.method == "GET" and (kept := kept_typed(request, page=_question_page(question))):
        # Set after the form has read the question, so the kept text wins over what is saved.
        form.initial.update(kept)
        form.is_kept = True
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, **form.service_arguments())
        except ValidationError as error:
            _question_errors(form, error)
        else:
            forget_typed(request, page=_question_page(question))
            messages.success(request, _("The question is saved."))
            return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
    comments = question.review_comments.select_related("author").order_by("created_at")
    return render(
        request,
        "surveys/question_form.html",
        _context(access, survey, form=form, question=question, comments=comments),
    )


def _question_page(question) -> str:
    return f"question:{question.pk}:edit"


def _keep_question_typed(request, survey, question) -> None:
    """The comments' buttons post the question form too (HTML's form attribute): keep it,
    whole, when it differs from the saved question; as saved, there is nothing to keep."""
    if "text" not in request.POST:
        return  # posted from elsewhere: it says nothing about the form
    typed = QuestionForm(request.POST, instance=question, survey=survey)
    if not typed.has_changed():
        forget_typed(request, page=_question_page(question))
        return
    keep_typed(
        request,
        page=_question_page(question),
        fields=typed.fields,
        text_fields=typed.fields,
    )


@login_required
def question_delete(request, slug, survey_id, question_id):
    access, survey = _managed_survey(request, slug, survey_id)
    question = _question(survey, question_id)
    if request.method == "POST":
        try:
            services.question_delete(question=question)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The question is removed."))
        return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
    return render(
        request, "surveys/question_delete.html", _context(access, survey, question=question)
    )


@login_required
@require_POST
def question_move(request, slug, survey_id, question_id):
    """Up and down buttons: plain forms, no JavaScript needed."""
    access, survey = _managed_survey(request, slug, survey_id)
    question = _question(survey, question_id)
    try:
        services.question_move(question=question, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    url = reverse("surveys:survey_detail", kwargs={"slug": slug, "survey_id": survey.pk})
    return redirect(f"{url}#question-{question.pk}")


@login_required
@xframe_options_sameorigin
def survey_preview(request, slug, survey_id):
    """The survey exactly as a phone shows it; may be framed by the builder page."""
    access, survey = _managed_survey(request, slug, survey_id)
    action = reverse("surveys:survey_preview", kwargs={"slug": slug, "survey_id": survey.pk})
    return preview_flow(request, survey, action=action)


@login_required
@require_POST
def survey_send_for_review(request, slug, survey_id):
    access, survey = _managed_survey(request, slug, survey_id)
    form = SendForReviewForm(request.POST, programme=access.programme)
    if not form.is_valid():
        messages.error(request, _("Choose the group that should comment."))
    else:
        try:
            services.survey_send_for_review(survey=survey, group=form.cleaned_data["group"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(group)s can now read the draft and comment on each question.")
                % {"group": form.cleaned_data["group"].name},
            )
    return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)


def _state_change(service, success_message):
    @login_required
    @require_POST
    def view(request, slug, survey_id):
        access, survey = _managed_survey(request, slug, survey_id)
        try:
            service(survey=survey)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(success_message))
        return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)

    return view


survey_back_to_draft = _state_change(
    services.survey_back_to_draft, _("The survey is a draft again. The comments are kept.")
)


@login_required
def survey_publish(request, slug, survey_id):
    """The check step shows the questions that will be locked and the links that will open;
    only the confirming POST from it publishes."""
    access, survey = _managed_survey(request, slug, survey_id)
    if request.method == "POST" and request.POST.get("confirm") == "publish":
        try:
            services.survey_publish(survey=survey)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The survey is published. Print the posters on the sharing page.")
            )
        return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
    if request.method == "POST" or not survey.is_editable:
        return redirect(
            "surveys:survey_publish" if survey.is_editable else "surveys:survey_detail",
            slug=slug,
            survey_id=survey.pk,
        )
    return render(
        request,
        "surveys/survey_publish_check.html",
        _context(
            access,
            survey,
            questions=survey.questions.order_by("position"),
            links=office_links(survey, base=base_url(request)),
        ),
    )


survey_close = _state_change(
    services.survey_close, _("The survey is closed. The link now shows a “closed” page.")
)
survey_reopen = _state_change(services.survey_reopen, _("The survey takes answers again."))


@login_required
@require_POST
def comment_resolve(request, slug, survey_id, comment_id):
    access, survey = _managed_survey(request, slug, survey_id)
    comment = get_object_or_404(ReviewComment, pk=comment_id, question__survey=survey)
    _keep_question_typed(request, survey, comment.question)
    services.review_comment_resolve(comment=comment)
    messages.success(request, _("The comment is marked as dealt with."))
    return redirect(
        "surveys:question_edit", slug=slug, survey_id=survey.pk, question_id=comment.question_id
    )


@login_required
def round_create(request, slug, survey_id):
    access, survey = _managed_survey(request, slug, survey_id)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_start(survey=survey, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The new round has started."))
            return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
    return render(request, "surveys/round_form.html", _context(access, survey, form=form))


@login_required
def survey_share(request, slug, survey_id):
    """The link and QR code per office, with posters and cards to print."""
    access, survey = _managed_survey(request, slug, survey_id)
    if not survey.is_published:
        raise Http404
    links = [
        (office, url, qr_svg(url)) for office, url in office_links(survey, base=base_url(request))
    ]
    return render(request, "surveys/survey_share.html", _context(access, survey, links=links))


@login_required
def survey_qr(request, slug, survey_id, office_code, kind):
    """A QR code as an SVG or PNG file, for printing elsewhere."""
    access, survey = _managed_survey(request, slug, survey_id)
    office = get_object_or_404(survey.offices, code=office_code)
    url = respondent_url(survey, office, base=base_url(request))
    content_type = "image/svg+xml" if kind == "svg" else "image/png"
    response = HttpResponse(qr_file(url, kind=kind), content_type=content_type)
    filename = f"qr-{survey.slug}-{office.code}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

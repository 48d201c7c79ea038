"""The resource group's review of a draft: read each question as a phone shows it, comment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from participation.forms import add_service_errors

from .. import access as rules
from .. import services
from ..answering import choices_for
from ..forms import ReviewCommentForm
from ..selectors import access_survey, survey_questions


@login_required
def survey_review(request, slug, survey_id):
    access, survey = access_survey(request.user, slug, survey_id)
    if survey.status != survey.Status.REVIEW:
        if rules.can_manage_surveys(access):
            return redirect("surveys:survey_detail", slug=slug, survey_id=survey.pk)
        raise Http404
    questions = survey_questions(survey=survey, with_comments=True)
    posted_id = request.POST.get("question", "") if request.method == "POST" else ""
    forms = {}
    for question in questions:
        bound = str(question.pk) == posted_id
        forms[question.pk] = ReviewCommentForm(
            request.POST if bound else None, prefix=f"q{question.pk}"
        )
    if request.method == "POST":
        question = next((q for q in questions if str(q.pk) == posted_id), None)
        if question is None:
            raise Http404
        form = forms[question.pk]
        if form.is_valid():
            try:
                services.review_comment_add(
                    question=question, author=request.user, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you! Your comment is saved."))
                return redirect(f"{request.path}#question-{question.pk}")
    items = [
        {
            "question": question,
            "choices": [label for _value, label in choices_for(question)],
            "form": forms[question.pk],
            "comments": list(question.review_comments.all()),
        }
        for question in questions
    ]
    return render(
        request,
        "surveys/survey_review.html",
        {"access": access, "programme": access.programme, "survey": survey, "items": items},
    )

"""The resource group's review of a draft: comments per question before anything is published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participation.models import Group, User

from ..models import Question, ReviewComment, Survey

MAX_COMMENT = 2000


@transaction.atomic
def survey_send_for_review(*, survey: Survey, group: Group) -> Survey:
    """Share the draft with a resource group (or user committee) of the programme."""
    if survey.status != Survey.Status.DRAFT:
        raise ValidationError(_("Only a draft can be sent for comments."))
    allowed = survey.programme.groups.filter(
        kind__in=[Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE], pk=group.pk
    )
    if not allowed.exists():
        raise ValidationError({"group": _("Choose a resource group of this programme.")})
    if not survey.questions.exists():
        raise ValidationError(_("Add the questions before asking for comments."))
    survey.status = Survey.Status.REVIEW
    survey.review_group = group
    survey.save(update_fields=["status", "review_group"])
    return survey


@transaction.atomic
def survey_back_to_draft(*, survey: Survey) -> Survey:
    """End the review; the comments stay with the questions."""
    if survey.status != Survey.Status.REVIEW:
        raise ValidationError(_("The survey is not out for comments."))
    survey.status = Survey.Status.DRAFT
    survey.save(update_fields=["status"])
    return survey


@transaction.atomic
def review_comment_add(*, question: Question, author: User, text: str) -> ReviewComment:
    """A member's comment on one question of a survey out for comments."""
    if question.survey.status != Survey.Status.REVIEW:
        raise ValidationError(_("The survey is no longer open for comments."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your comment first.")})
    if len(text) > MAX_COMMENT:
        raise ValidationError(
            {"text": _("Keep the comment under %(limit)s characters.") % {"limit": MAX_COMMENT}}
        )
    return ReviewComment.objects.create(question=question, author=author, text=text)


@transaction.atomic
def review_comment_resolve(*, comment: ReviewComment) -> ReviewComment:
    """Mark a comment as dealt with."""
    comment.is_resolved = True
    comment.save(update_fields=["is_resolved"])
    return comment

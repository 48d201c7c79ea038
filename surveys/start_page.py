"""The surveys' part of the coordinator's task list (participation.selectors.tasks)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from participation.access import ProgrammeAccess
from participation.selectors.tasks import Task

from .models import ReviewComment


def coordinator_tasks(*, access: ProgrammeAccess, user, now) -> list[Task]:
    """Review comments on survey drafts that nobody has dealt with yet, in one count."""
    open_comments = ReviewComment.objects.filter(
        question__survey__programme=access.programme, is_resolved=False
    ).count()
    return [
        Task(
            "survey_comments",
            _("Survey review comments to deal with"),
            open_comments,
            reverse("surveys:survey_list", args=[access.programme.slug]),
        )
    ]

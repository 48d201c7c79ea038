"""Stories are read by the resource group's members and the coordinators, nobody else."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from participation.access import ProgrammeAccess

from .. import access as rules
from ..models import Story, StoryTheme
from .followup import resource_groups


def story_groups(access: ProgrammeAccess):
    """The resource groups whose stories the user may read and write in."""
    groups = resource_groups(access.programme)
    ids = rules.story_group_ids(access)
    return groups if ids is None else groups.filter(pk__in=ids)


# The rule lives in access.py; the name stays here for the views that import it from here.
can_read_stories = rules.can_read_stories


def stories_visible_to(*, access: ProgrammeAccess):
    if not can_read_stories(access):
        raise Http404
    return (
        Story.objects.filter(group__in=story_groups(access))
        .select_related("author", "group")
        .prefetch_related(Prefetch("themes", queryset=StoryTheme.objects.order_by("name")))
        .order_by("-written_on", "-pk")
    )


def story_for(*, access: ProgrammeAccess, story_id: int) -> Story:
    story = stories_visible_to(access=access).filter(pk=story_id).first()
    if story is None:
        raise Http404
    return story


def themes_with_counts(*, programme):
    """The programme's themes with how many stories have them, and how many are anonymised."""
    return (
        StoryTheme.objects.filter(programme=programme)
        .annotate(
            story_count=Count("stories", distinct=True),
            anonymised_count=Count(
                "stories", filter=~Q(stories__anonymised_text=""), distinct=True
            ),
        )
        .select_related("input")
        .order_by("name")
    )


def theme_for(*, access: ProgrammeAccess, theme_id: int) -> StoryTheme:
    if not rules.can_manage(access):
        raise Http404
    theme = themes_with_counts(programme=access.programme).filter(pk=theme_id).first()
    if theme is None:
        raise Http404
    return theme

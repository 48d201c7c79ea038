"""Stories are read by the resource group's members and the coordinators, nobody else."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from participation.access import ProgrammeAccess
from participation.models import Group

from ..models import Story, StoryTheme
from .followup import resource_groups


def story_groups(access: ProgrammeAccess):
    """The resource groups whose stories the user may read and write in."""
    groups = resource_groups(access.programme)
    if access.can_manage:
        return groups
    return groups.filter(
        pk__in=[m.group_id for m in access.memberships if m.group.kind == Group.Kind.RESOURCE]
    )


def can_read_stories(access: ProgrammeAccess) -> bool:
    return access.can_manage or access.is_resource_group_member


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
    if not access.can_manage:
        raise Http404
    theme = themes_with_counts(programme=access.programme).filter(pk=theme_id).first()
    if theme is None:
        raise Http404
    return theme

"""Stories: written by members, kept in the group; themes tagged and turned into inputs."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation import services as participation_services
from participation.models import Group, Input, User
from participation.privacy import personal_number_warning, remove_personal_numbers

from ..models import Story, StoryTheme
from ..models.stories import INPUT_CONSENT_TEXT

NUMBERS_FOUND = "personal_number"


def _warn_numbers(field: str, text: str, accept_numbers: bool) -> None:
    """Refuse once when the text looks like it holds a personal number; the writer may confirm."""
    warning = personal_number_warning(text)
    if warning and not accept_numbers:
        raise ValidationError({field: ValidationError(warning, code=NUMBERS_FOUND)})


def story_create(
    *,
    group: Group,
    author: User,
    kind: str,
    text: str,
    accept_numbers: bool = False,
    input_consent: bool = False,
) -> Story:
    """A member's story from a meeting with NAV, kept inside the resource group."""
    if group.kind != Group.Kind.RESOURCE:
        raise ValidationError(_("Stories belong to a resource group."))
    if kind not in Story.Kind.values:
        raise ValidationError({"kind": _("Choose whether it went well or could be better.")})
    if not text.strip():
        raise ValidationError({"text": _("Write a few words about what happened.")})
    _warn_numbers("text", text, accept_numbers)
    # Confirmed or not, what looks like a personal number is not stored.
    story = Story(group=group, author=author, kind=kind, text=remove_personal_numbers(text.strip()))
    if input_consent:
        story.input_consent_text = str(INPUT_CONSENT_TEXT)
        story.input_consented_at = timezone.now()
    story.full_clean()
    story.save()
    return story


@transaction.atomic
def story_curate(
    *,
    story: Story,
    themes: list[StoryTheme],
    new_themes: str = "",
    anonymised_text: str = "",
    by: User,
    accept_numbers: bool = False,
) -> Story:
    """The coordinator tags themes (choosing or naming new ones) and writes the anonymised text.

    The anonymised version is the only part of a story that may leave the group.
    """
    programme = story.group.programmes.order_by("pk").first()
    if any(theme.programme_id != programme.pk for theme in themes):
        raise ValidationError({"themes": _("Choose themes of this programme.")})
    _warn_numbers("anonymised_text", anonymised_text, accept_numbers)
    names = [name.strip() for name in new_themes.split(",") if name.strip()]
    if any(len(name) > 120 for name in names):
        raise ValidationError({"new_themes": _("A theme can be 120 characters at most.")})
    chosen = list(themes)
    for name in names:
        theme = StoryTheme.objects.filter(programme=programme, name__iexact=name).first()
        if theme is None:
            theme = StoryTheme.objects.create(programme=programme, name=name)
        if theme not in chosen:
            chosen.append(theme)
    story.themes.set(chosen)
    anonymised_text = remove_personal_numbers(anonymised_text.strip())
    if anonymised_text != story.anonymised_text:
        story.anonymised_text = anonymised_text
        story.anonymised_at = timezone.now() if anonymised_text else None
        story.anonymised_by = by if anonymised_text else None
        story.save(update_fields=["anonymised_text", "anonymised_at", "anonymised_by"])
    return story


@transaction.atomic
def story_give_input_consent(*, story: Story, by: User) -> None:
    """The writer consents, after writing, to the use of the story in inputs: the words agreed
    and the time are stored (a consent given again after a withdrawal replaces the old one)."""
    if story.author_id != by.pk:
        raise ValidationError(_("Only the writer of a story can give consent to its use."))
    if story.may_be_used_in_inputs:
        return
    story.input_consent_text = str(INPUT_CONSENT_TEXT)
    story.input_consented_at = timezone.now()
    story.input_consent_withdrawn_at = None
    story.save(
        update_fields=["input_consent_text", "input_consented_at", "input_consent_withdrawn_at"]
    )


@transaction.atomic
def story_withdraw_input_consent(*, story: Story, by: User) -> None:
    """The writer withdraws the consent to use the story in inputs; from now on it is not shown
    with any input (the input keeps the wording the coordinator wrote)."""
    if story.author_id != by.pk:
        raise ValidationError(_("Only the writer of a story can withdraw its consent."))
    if story.input_consent_withdrawn_at is None and story.input_consented_at is not None:
        story.input_consent_withdrawn_at = timezone.now()
        story.save(update_fields=["input_consent_withdrawn_at"])


def theme_to_input(*, theme: StoryTheme, title: str, description: str, by: User) -> Input:
    """Turn a theme into an input to NAV. Only anonymised text may leave the group."""
    theme = StoryTheme.objects.select_for_update().get(pk=theme.pk)
    if theme.input_id is not None:
        raise ValidationError(_("This theme has already become an input."))
    anonymised = (
        theme.stories.exclude(anonymised_text="")
        .filter(input_consented_at__isnull=False, input_consent_withdrawn_at__isnull=True)
        .select_related("group")
        .first()
    )
    if anonymised is None:
        raise ValidationError(
            _(
                "Write an anonymised version of at least one story with this theme, whose "
                "writer has agreed to its use in inputs, first."
            )
        )
    if not title.strip():
        raise ValidationError({"title": _("Give the input a title.")})
    warning = personal_number_warning(f"{title}\n{description}")
    if warning:
        # Outside the group nothing that looks like a personal number is allowed at all.
        raise ValidationError({"description": warning})
    item = participation_services.input_create(
        programme=theme.programme,
        title=title,
        source=Input.Source.STORY,
        group=anonymised.group,
        description=description,
        raised_by=by,
    )
    theme.input = item
    theme.save(update_fields=["input"])
    return item

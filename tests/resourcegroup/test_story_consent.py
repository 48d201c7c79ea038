"""Consent to use a story in an input to NAV: what the writer agreed and when, and the writer can
withdraw it from their own stories page, after which the story is no longer shown with the
input (the input keeps the group's own wording)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from participation.models import Input
from resourcegroup.models import Story
from resourcegroup.services.stories import story_create, story_curate, theme_to_input
from tests.resourcegroup.factories import StoryThemeFactory

pytestmark = pytest.mark.django_db

BASE = "/p/best/resource-group/stories/"


def test_the_writer_agrees_when_writing_and_the_words_and_time_are_stored(login, client, cast):
    login(cast.member)

    client.post(
        BASE + "new/",
        {"kind": "went_well", "text": "Veilederen lyttet.", "input_consent": "on"},
        HTTP_ACCEPT_LANGUAGE="nb",
    )

    story = Story.objects.get()
    assert story.input_consent_text.startswith("Koordinatoren kan bruke en anonymisert versjon")
    assert abs((timezone.now() - story.input_consented_at).total_seconds()) < 60
    assert story.input_consent_withdrawn_at is None


def test_no_box_ticked_means_no_consent(login, client, cast):
    login(cast.member)

    client.post(BASE + "new/", {"kind": "went_well", "text": "Veilederen lyttet."})

    story = Story.objects.get()
    assert story.input_consent_text == ""
    assert story.input_consented_at is None


def _story(cast, *, consent=True, text="Brevet var vanskelig å forstå."):
    with translation.override("en"):
        story = story_create(
            group=cast.resource_group,
            author=cast.member,
            kind=Story.Kind.COULD_BE_BETTER,
            text="Jeg forsto ikke brevet fra NAV.",
            input_consent=consent,
        )
    theme = StoryThemeFactory(programme=cast.programme, name="Brev")
    story_curate(story=story, by=cast.coordinator, themes=[theme], anonymised_text=text)
    return story, theme


def test_a_story_without_consent_cannot_become_an_input(cast):
    _story_, theme = _story(cast, consent=False)

    with pytest.raises(ValidationError):
        theme_to_input(theme=theme, title="Brev", description="", by=cast.coordinator)
    assert not Input.objects.exists()


def test_after_withdrawal_the_input_no_longer_shows_the_story(login, client, english, cast):
    story, theme = _story(cast)
    item = theme_to_input(
        theme=theme, title="Brevene", description="Gruppa skrev dette selv.", by=cast.coordinator
    )
    input_url = reverse("input_detail", kwargs={"slug": cast.programme.slug, "input_id": item.pk})
    login(cast.coordinator)
    assert "Brevet var vanskelig å forstå." in client.get(input_url).content.decode()

    login(cast.member)
    page = client.get(BASE).content.decode()
    withdraw = reverse(
        "resourcegroup:story_withdraw_consent",
        kwargs={"slug": cast.programme.slug, "story_id": story.pk},
    )
    assert withdraw in page
    done = client.post(withdraw, follow=True).content.decode()
    assert "Your consent is withdrawn" in done
    assert "You have withdrawn your consent" in done

    story.refresh_from_db()
    assert story.input_consent_withdrawn_at is not None
    assert story.input_consent_text  # what was agreed stays on record
    login(cast.coordinator)
    body = client.get(input_url).content.decode()
    assert "Brevet var vanskelig å forstå." not in body
    assert "Gruppa skrev dette selv." in body
    assert "One story was withdrawn by its writer." in body


def test_only_the_writer_can_withdraw(login, client, cast):
    story, _theme = _story(cast)
    withdraw = reverse(
        "resourcegroup:story_withdraw_consent",
        kwargs={"slug": cast.programme.slug, "story_id": story.pk},
    )

    for user in (cast.coordinator, cast.leader):
        login(user)
        assert client.post(withdraw).status_code == 404
    story.refresh_from_db()
    assert story.input_consent_withdrawn_at is None

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


def _consent_url(story):
    return reverse("resourcegroup:story_consent", kwargs={"slug": "best", "story_id": story.pk})


def test_a_writer_who_did_not_consent_can_agree_later_on_the_story_page(
    login, client, english, cast
):
    story, _theme = _story(cast, consent=False)
    login(cast.member)
    detail = reverse("resourcegroup:story_detail", kwargs={"slug": "best", "story_id": story.pk})
    assert "You have not agreed to the use of this story" in client.get(detail).content.decode()

    page = client.get(_consent_url(story)).content.decode()
    assert "The coordinator may use an anonymised version of my story" in page

    done = client.post(_consent_url(story), {"agrees": "on"}, follow=True).content.decode()

    story.refresh_from_db()
    assert story.input_consent_text.startswith("The coordinator may use an anonymised version")
    assert abs((timezone.now() - story.input_consented_at).total_seconds()) < 60
    assert story.may_be_used_in_inputs
    assert "An anonymised version of the story may now be used in inputs." in done
    assert "What you agreed to:" in done


def test_consent_needs_the_box_ticked_and_says_so(login, client, english, cast):
    story, _theme = _story(cast, consent=False)
    login(cast.member)

    response = client.post(_consent_url(story), {})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Tick the box if you agree" in body
    story.refresh_from_db()
    assert story.input_consented_at is None


def test_a_story_given_consent_later_can_become_an_input(login, client, cast):
    story, theme = _story(cast, consent=False)
    login(cast.member)
    client.post(_consent_url(story), {"agrees": "on"})

    item = theme_to_input(theme=theme, title="Brev", description="", by=cast.coordinator)

    assert item.title == "Brev"


def test_after_withdrawing_the_writer_can_agree_again(login, client, english, cast):
    story, _theme = _story(cast)
    login(cast.member)
    withdraw = reverse(
        "resourcegroup:story_withdraw_consent", kwargs={"slug": "best", "story_id": story.pk}
    )
    client.post(withdraw, {"back": "story"})
    story.refresh_from_db()
    assert not story.may_be_used_in_inputs

    client.post(_consent_url(story), {"agrees": "on"})

    story.refresh_from_db()
    assert story.may_be_used_in_inputs and story.input_consent_withdrawn_at is None


def test_only_the_writer_can_give_consent(login, client, cast):
    story, _theme = _story(cast, consent=False)

    for user in (cast.coordinator, cast.leader, cast.outsider):
        login(user)
        assert client.get(_consent_url(story)).status_code == 404
        assert client.post(_consent_url(story), {"agrees": "on"}).status_code == 404
    story.refresh_from_db()
    assert story.input_consented_at is None

"""Stories: written on a phone, private to the resource group, anonymised before they leave."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.models import Input
from resourcegroup.models import Story, StoryTheme
from resourcegroup.services.stories import story_create, story_curate, theme_to_input
from tests.resourcegroup.factories import StoryFactory, StoryThemeFactory

pytestmark = pytest.mark.django_db

BASE = "/p/best/resource-group/stories/"


def test_a_member_writes_a_story(login, client, english, cast):
    login(cast.member)

    response = client.post(
        BASE + "new/",
        {"kind": "went_well", "text": "Veilederen spurte hva jeg drømte om å jobbe med."},
        follow=True,
    )

    assert "Thank you for sharing" in response.content.decode()
    story = Story.objects.get()
    assert story.author == cast.member
    assert story.group == cast.resource_group
    assert story.kind == Story.Kind.WENT_WELL


def test_a_story_with_a_phone_number_warns_and_keeps_the_text(login, client, english, cast):
    login(cast.member)
    text = "Veilederen ga meg nummeret sitt, 470 12 345, og det hjalp."

    response = client.post(BASE + "new/", {"kind": "went_well", "text": text})

    body = response.content.decode()
    assert "seems to contain a phone number" in body
    assert "470 12 345, og det hjalp" in body
    assert 'type="checkbox" name="accept_numbers"' in body
    assert not Story.objects.exists()


def test_the_writer_may_confirm_after_the_warning(login, client, cast):
    login(cast.member)

    client.post(
        BASE + "new/",
        {
            "kind": "went_well",
            "text": "Kontoret har 61 14 22 00 som sentralbord.",
            "accept_numbers": "on",
        },
    )

    # Kept, but the number itself is never stored: a phone number is a phone number.
    assert Story.objects.get().text == "Kontoret har [fjernet] som sentralbord."


def test_an_empty_story_is_refused(login, client, english, cast):
    login(cast.member)

    response = client.post(BASE + "new/", {"kind": "could_be_better", "text": "   "})

    assert response.status_code == 200
    assert not Story.objects.exists()


def test_members_read_the_groups_stories_without_names(login, client, english, cast):
    StoryFactory(group=cast.resource_group, author=cast.coordinator, text="Første møte var fint.")
    login(cast.member)

    body = client.get(BASE).content.decode()

    assert "Første møte var fint." in body
    assert "Hanne Koordinator" not in body


def test_the_coordinator_sees_who_wrote_it(login, client, english, cast):
    StoryFactory(group=cast.resource_group, author=cast.member, text="Første møte var fint.")
    login(cast.coordinator)

    assert "Emma Medlem" in client.get(BASE).content.decode()


@pytest.mark.parametrize("who", ["advisor", "leader", "outsider"])
def test_stories_are_private_to_the_resource_group_and_coordinators(login, client, cast, who):
    story = StoryFactory(group=cast.resource_group, author=cast.member)
    login(getattr(cast, who))

    assert client.get(BASE).status_code == 404
    assert client.get(BASE + f"{story.pk}/").status_code == 404
    assert client.get(BASE + "new/").status_code == 404
    assert client.post(BASE + "new/", {"kind": "went_well", "text": "x"}).status_code == 404
    assert Story.objects.count() == 1


def test_a_member_cannot_curate(login, client, cast):
    story = StoryFactory(group=cast.resource_group, author=cast.member)
    login(cast.member)

    response = client.post(BASE + f"{story.pk}/", {"new_themes": "Brev", "anonymised_text": "x"})

    assert response.status_code == 404
    assert not StoryTheme.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client, cast):
    response = client.get(BASE + "new/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_coordinator_tags_themes_and_writes_the_anonymised_version(login, client, cast):
    story = StoryFactory(group=cast.resource_group, author=cast.member)
    existing = StoryThemeFactory(programme=cast.programme, name="Første møte")
    login(cast.coordinator)

    client.post(
        BASE + f"{story.pk}/",
        {
            "themes": [existing.pk],
            "new_themes": "Brev fra NAV, første møte",
            "anonymised_text": "En ung person fikk ikke vite hvorfor møtet ble holdt.",
        },
    )

    story.refresh_from_db()
    assert sorted(t.name for t in story.themes.all()) == ["Brev fra NAV", "Første møte"]
    assert story.anonymised_by == cast.coordinator
    assert StoryTheme.objects.count() == 2


def test_a_national_id_number_in_the_anonymised_version_is_caught(login, client, english, cast):
    story = StoryFactory(group=cast.resource_group, author=cast.member)
    login(cast.coordinator)

    response = client.post(BASE + f"{story.pk}/", {"anonymised_text": "Personen 01019012345 sa"})

    assert "national identity number" in response.content.decode()
    story.refresh_from_db()
    assert story.anonymised_text == ""


def test_a_story_of_another_programme_is_a_404(login, client, cast):
    from tests.participation.factories import GroupFactory

    other_group = GroupFactory(programmes=[cast.other_programme])
    story = StoryFactory(group=other_group)
    login(cast.coordinator)

    assert client.get(BASE + f"{story.pk}/").status_code == 404


def _theme_with_anonymised_story(cast):
    theme = StoryThemeFactory(programme=cast.programme, name="Vanskelige brev")
    story = StoryFactory(
        group=cast.resource_group,
        anonymised_text="En ung person forsto ikke brevet.",
        input_consent_text="Samtykke",
        input_consented_at=timezone.now(),
    )
    story.themes.add(theme)
    return theme


def test_a_theme_becomes_an_input_from_a_story(login, client, cast):
    theme = _theme_with_anonymised_story(cast)
    login(cast.coordinator)

    response = client.post(
        BASE + f"themes/{theme.pk}/input/",
        {"title": "Brevene er vanskelige", "description": "Flere forsto ikke innkallingen."},
    )

    item = Input.objects.get()
    assert response.status_code == 302
    assert item.source == Input.Source.STORY
    assert item.group == cast.resource_group
    theme.refresh_from_db()
    assert theme.input == item


def test_a_theme_without_an_anonymised_story_cannot_leave_the_group(cast):
    theme = StoryThemeFactory(programme=cast.programme)
    StoryFactory(group=cast.resource_group).themes.add(theme)

    with pytest.raises(ValidationError):
        theme_to_input(theme=theme, title="Tittel", description="", by=cast.coordinator)
    assert not Input.objects.exists()


def test_an_input_from_a_theme_may_not_hold_a_personal_number(cast):
    theme = _theme_with_anonymised_story(cast)

    with pytest.raises(ValidationError) as error:
        theme_to_input(
            theme=theme, title="Brev", description="Ring 470 12 345", by=cast.coordinator
        )
    assert "description" in error.value.message_dict
    assert not Input.objects.exists()


def test_a_theme_becomes_an_input_only_once(cast):
    theme = _theme_with_anonymised_story(cast)
    theme_to_input(theme=theme, title="Brev", description="", by=cast.coordinator)

    with pytest.raises(ValidationError):
        theme_to_input(theme=theme, title="Brev igjen", description="", by=cast.coordinator)
    assert Input.objects.count() == 1


def test_stories_belong_to_a_resource_group(cast):
    with pytest.raises(ValidationError):
        story_create(group=cast.project_group, author=cast.advisor, kind="went_well", text="x")


def test_curating_with_a_theme_of_another_programme_is_refused(cast):
    story = StoryFactory(group=cast.resource_group)
    foreign = StoryThemeFactory(programme=cast.other_programme)

    with pytest.raises(ValidationError):
        story_curate(story=story, themes=[foreign], by=cast.coordinator)


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_see_themes_and_make_inputs(login, client, cast, who):
    theme = _theme_with_anonymised_story(cast)
    login(getattr(cast, who))

    assert client.get(BASE + "themes/").status_code == 404
    assert client.post(BASE + f"themes/{theme.pk}/input/", {"title": "x"}).status_code == 404
    assert not Input.objects.exists()


def test_the_story_list_does_not_query_per_story(
    login, client, cast, django_assert_max_num_queries
):
    theme = StoryThemeFactory(programme=cast.programme)
    login(cast.coordinator)
    StoryFactory(group=cast.resource_group, author=cast.member).themes.add(theme)
    with django_assert_max_num_queries(30) as few:
        client.get(BASE)
    for _n in range(10):
        StoryFactory(group=cast.resource_group, author=cast.member).themes.add(theme)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(BASE)

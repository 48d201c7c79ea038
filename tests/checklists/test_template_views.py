"""Reading a checklist and its versions (every reader), and writing, revising, publishing and
retiring it (coordinators only)."""

import pytest

from checklists import services
from checklists.models import ChecklistItem, ChecklistTemplate, ChecklistVersion
from tests.checklists.factories import published_checklist


@pytest.fixture
def checklist(cast):
    template, version, items = published_checklist(cast.programme)
    template.co_authors.set([cast.member])
    return template, version, items


@pytest.mark.parametrize("role", ["coordinator", "member", "advisor", "leader"])
def test_every_reader_sees_the_published_text_and_its_authors(cast, login, checklist, role):
    template, _, items = checklist

    response = login(getattr(cast, role)).get(f"/p/best/checklist/{template.pk}/")

    body = response.content.decode()
    assert response.status_code == 200
    assert all(item.text in body for item in items)
    assert cast.member.display_name in body


def test_outsiders_and_other_programmes_get_404(cast, login, client, checklist):
    template, _, _ = checklist
    other, _, _ = published_checklist(cast.other_programme)

    assert login(cast.outsider).get(f"/p/best/checklist/{template.pk}/").status_code == 404
    assert login(cast.coordinator).get(f"/p/best/checklist/{other.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/p/best/checklist/{template.pk}/").status_code == 302


def test_a_draft_is_seen_by_coordinators_only(cast, login):
    template = services.template_create(programme=cast.programme, title="Kladd til liste")

    assert login(cast.advisor).get(f"/p/best/checklist/{template.pk}/").status_code == 404
    assert login(cast.member).get(f"/p/best/checklist/{template.pk}/v1/").status_code == 404
    assert login(cast.coordinator).get(f"/p/best/checklist/{template.pk}/").status_code == 200


def test_an_old_version_shows_its_own_points_and_change_log(cast, login, checklist):
    template, version, _ = checklist
    draft = services.version_revise(template=template)
    services.item_create(version=draft, text="Avtal hvordan dere når hverandre")
    services.version_update(version=draft, introduction="", change_log="Nytt punkt om kontakt.")
    services.version_publish(version=draft)
    client = login(cast.advisor)

    old = client.get(f"/p/best/checklist/{template.pk}/v1/").content.decode()
    new = client.get(f"/p/best/checklist/{template.pk}/v2/").content.decode()
    overview = client.get(f"/p/best/checklist/{template.pk}/").content.decode()

    assert "Avtal hvordan dere når hverandre" not in old
    assert "Avtal hvordan dere når hverandre" in new and "Nytt punkt om kontakt." in new
    assert "Nytt punkt om kontakt." in overview


@pytest.mark.parametrize("role", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_write_checklists(cast, login, checklist, role):
    template, version, items = checklist
    draft = services.version_revise(template=template)
    client = login(getattr(cast, role))
    t = template.pk
    for url in [
        "/p/best/checklist/new/",
        f"/p/best/checklist/{t}/edit/",
        f"/p/best/checklist/{t}/v2/edit/",
        f"/p/best/checklist/{t}/v2/points/new/",
        f"/p/best/checklist/{t}/v2/points/{draft.items.first().pk}/edit/",
    ]:
        assert client.get(url).status_code == 404, url
    for url in [
        f"/p/best/checklist/{t}/revise/",
        f"/p/best/checklist/{t}/retire/",
        f"/p/best/checklist/{t}/v2/publish/",
        f"/p/best/checklist/{t}/v2/points/{draft.items.first().pk}/delete/",
    ]:
        assert client.post(url).status_code == 404, url
    draft.refresh_from_db()
    template.refresh_from_db()
    assert draft.is_draft and template.status == ChecklistTemplate.Status.PUBLISHED
    assert draft.items.count() == 3


def test_a_coordinator_writes_and_publishes_a_new_checklist(cast, login):
    client = login(cast.coordinator)

    response = client.post(
        "/p/best/checklist/new/",
        {
            "title": "Sjekkliste for oppfølging",
            "introduction": "Til andre møte.",
            "co_authors": [cast.member.pk],
        },
    )
    template = ChecklistTemplate.objects.get(title="Sjekkliste for oppfølging")
    assert response.url == f"/p/best/checklist/{template.pk}/v1/edit/"
    assert list(template.co_authors.all()) == [cast.member]

    client.post(
        f"/p/best/checklist/{template.pk}/v1/points/new/",
        {"text": "Spør hvordan det har gått", "help_text": "", "category": "Start"},
    )
    client.post(f"/p/best/checklist/{template.pk}/v1/publish/")

    template.refresh_from_db()
    assert template.status == ChecklistTemplate.Status.PUBLISHED
    assert template.versions.get().is_current


def test_the_change_log_being_typed_survives_removing_a_point(cast, login, checklist):
    template, _, _ = checklist
    draft = services.version_revise(template=template)
    client = login(cast.coordinator)
    edit = f"/p/best/checklist/{template.pk}/v2/edit/"
    point = draft.items.first()

    response = client.post(
        f"/p/best/checklist/{template.pk}/v2/points/{point.pk}/delete/",
        {"introduction": draft.introduction, "change_log": "Tok bort et punkt om skjema."},
        follow=True,
    )

    body = response.content.decode()
    assert not draft.items.filter(pk=point.pk).exists()
    assert "Tok bort et punkt om skjema." in body
    assert "What you started writing here is kept" in body
    # Saved, it is no longer shown as kept.
    client.post(edit, {"introduction": "", "change_log": "Tok bort et punkt om skjema."})
    assert "What you started writing here is kept" not in client.get(edit).content.decode()


def test_publishing_with_unsaved_text_is_refused_and_the_text_kept(cast, login, checklist):
    template, _, _ = checklist
    draft = services.version_revise(template=template)
    services.version_update(version=draft, introduction="", change_log="Nytt punkt.")
    client = login(cast.coordinator)
    publish = f"/p/best/checklist/{template.pk}/v2/publish/"

    response = client.post(
        publish, {"introduction": "", "change_log": "Nytt punkt om kontakt."}, follow=True
    )

    body = response.content.decode()
    assert "Save the draft, or undo the changes, before you publish it" in body
    assert "Nytt punkt om kontakt." in body
    draft.refresh_from_db()
    assert draft.is_draft and draft.change_log == "Nytt punkt."
    # As saved (a browser sends CRLF line ends), it is published.
    client.post(publish, {"introduction": "", "change_log": "Nytt punkt.\r\n"})
    draft.refresh_from_db()
    assert not draft.is_draft


def test_co_authors_are_chosen_among_resource_group_members(cast, login):
    response = login(cast.coordinator).post(
        "/p/best/checklist/new/", {"title": "Liste", "co_authors": [cast.advisor.pk]}
    )

    assert response.status_code == 200
    assert not ChecklistTemplate.objects.exists()


def test_a_blank_title_is_refused(cast, login):
    response = login(cast.coordinator).post("/p/best/checklist/new/", {"title": " "})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not ChecklistTemplate.objects.exists()


def test_a_duplicate_title_is_refused_with_a_message(cast, login, checklist):
    template, _, _ = checklist

    response = login(cast.coordinator).post("/p/best/checklist/new/", {"title": template.title})

    assert "already has a checklist by that name" in response.content.decode()
    assert ChecklistTemplate.objects.count() == 1


def test_revising_then_publishing_without_a_change_log_is_refused(cast, login, checklist):
    template, version, _ = checklist
    client = login(cast.coordinator)

    response = client.post(f"/p/best/checklist/{template.pk}/revise/")
    assert response.url == f"/p/best/checklist/{template.pk}/v2/edit/"
    page = client.post(f"/p/best/checklist/{template.pk}/v2/publish/", follow=True)

    assert "Say what changed" in page.content.decode()
    assert ChecklistVersion.objects.get(template=template, number=2).is_draft
    version.refresh_from_db()
    assert version.is_current


def test_a_coordinator_edits_a_draft_point_but_never_a_published_one(cast, login, checklist):
    template, version, items = checklist
    client = login(cast.coordinator)

    assert client.get(f"/p/best/checklist/{template.pk}/v1/edit/").status_code == 404
    assert (
        client.post(
            f"/p/best/checklist/{template.pk}/v1/points/{items[0].pk}/edit/",
            {"text": "Endret", "order": 1},
        ).status_code
        == 404
    )
    draft = services.version_revise(template=template)
    copy = draft.items.get(previous=items[0])
    response = client.post(
        f"/p/best/checklist/{template.pk}/v2/points/{copy.pk}/edit/",
        {"text": "Forklar hvorfor vi møtes, og hvor lenge", "order": 1},
    )

    assert response.status_code == 302
    copy.refresh_from_db()
    items[0].refresh_from_db()
    assert copy.text == "Forklar hvorfor vi møtes, og hvor lenge"
    assert items[0].text == "Forklar hvorfor vi møtes"


def test_a_point_without_text_keeps_what_was_typed(cast, login, checklist):
    template, _, _ = checklist
    services.version_revise(template=template)

    response = login(cast.coordinator).post(
        f"/p/best/checklist/{template.pk}/v2/points/new/",
        {"text": "", "help_text": "En kort hjelpetekst", "category": "Språk"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "En kort hjelpetekst" in body and 'value="Språk"' in body
    assert ChecklistItem.objects.filter(version__number=2).count() == 3


def test_a_coordinator_retires_a_checklist(cast, login, checklist):
    template, version, _ = checklist

    login(cast.coordinator).post(f"/p/best/checklist/{template.pk}/retire/")

    template.refresh_from_db()
    assert template.status == ChecklistTemplate.Status.RETIRED

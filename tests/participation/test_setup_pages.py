"""The coordinator sets up the programme, its offices and its groups without the admin;
mandates keep their versions; everyone else gets 404."""

import datetime

import pytest

from participation.models import Group, GroupReminderSettings, MandateVersion, Office

pytestmark = pytest.mark.django_db

PROGRAMME = {
    "name": "Best på aktivitetsplikt",
    "starts_on": "2026-01-01",
    "ends_on": "2027-12-31",
    "description": "",
    "mandate": "Gi unge en stemme.",
    "mandate_reason": "",
    "goals": "Flere i arbeid.",
    "budget_nok": "250000",
    "budget_hours": "800",
    "feedback_due_weeks": "6",
}

GROUP = {
    "name": "Brukerutvalget",
    "kind": "user_committee",
    "mandate": "Råd til kontoret.",
    "mandate_reason": "",
    "seats": "8",
    "meeting_interval_days": "30",
    "meeting_weekday": "2",
    "meeting_time": "17:00",
    "meeting_duration_minutes": "90",
    "default_place": "Kantina",
    "min_meetings_per_year": "",
    "absence_threshold": "3",
    "agenda_deadline_days": "3",
    "day_before_at": "10:30",
    "invitation_days_before": "5",
}


def test_coordinator_changes_the_programme_and_the_first_mandate_is_a_version(login, client, cast):
    login(cast.coordinator)

    response = client.post("/p/best/setup/programme/", PROGRAMME)

    assert response.status_code == 302
    cast.programme.refresh_from_db()
    assert cast.programme.goals == "Flere i arbeid."
    assert cast.programme.ends_on == datetime.date(2027, 12, 31)
    version = MandateVersion.objects.get(programme=cast.programme)
    assert version.text == "Gi unge en stemme."
    assert version.created_by == cast.coordinator


def test_changing_a_mandate_needs_a_reason_and_keeps_every_typed_value(login, client, cast):
    login(cast.coordinator)
    client.post("/p/best/setup/programme/", PROGRAMME)

    changed = {**PROGRAMME, "mandate": "Gi unge en stemme i alt NAV gjør.", "goals": "Nye mål"}
    refused = client.post("/p/best/setup/programme/", changed)

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Say why the mandate changed." in page
    assert "Gi unge en stemme i alt NAV gjør." in page
    assert "Nye mål" in page
    cast.programme.refresh_from_db()
    assert cast.programme.goals == "Flere i arbeid.", "nothing stored when refused"
    assert MandateVersion.objects.count() == 1

    client.post(
        "/p/best/setup/programme/", {**changed, "mandate_reason": "Styringsgruppa ba om det"}
    )

    versions = list(cast.programme.mandate_versions.order_by("pk"))
    assert [v.text for v in versions] == ["Gi unge en stemme.", "Gi unge en stemme i alt NAV gjør."]
    assert versions[1].reason == "Styringsgruppa ba om det"
    history = client.get("/p/best/setup/programme/").content.decode()
    assert "Styringsgruppa ba om det" in history


def test_a_programme_that_ends_before_it_starts_is_refused_with_values_kept(login, client, cast):
    login(cast.coordinator)

    response = client.post("/p/best/setup/programme/", {**PROGRAMME, "ends_on": "2025-01-01"})

    assert response.status_code == 200
    assert "The programme cannot end before it starts." in response.content.decode()
    assert 'value="2025-01-01"' in response.content.decode()


def test_coordinator_adds_renames_and_takes_an_office_out_of_use(login, client, cast):
    login(cast.coordinator)

    client.post(
        "/p/best/setup/offices/", {"name": "NAV Gran", "municipality": "Gran", "code": "gran"}
    )
    office = cast.programme.offices.get(code="gran")
    client.post(
        f"/p/best/setup/offices/{office.pk}/",
        {"name": "NAV Gran og Lunner", "municipality": "Gran"},
    )

    office.refresh_from_db()
    assert office.name == "NAV Gran og Lunner"
    assert office.is_active is False
    assert "NAV Gran og Lunner" in client.get("/p/best/setup/offices/").content.decode()


def test_an_office_code_already_in_use_is_refused_with_values_kept(login, client, cast):
    login(cast.coordinator)

    response = client.post(
        "/p/best/setup/offices/", {"name": "NAV Ny", "municipality": "Ny", "code": "gjovik"}
    )

    assert response.status_code == 200
    assert 'value="NAV Ny"' in response.content.decode()
    assert Office.objects.count() == 2


def test_an_office_of_another_programme_is_404(login, client, cast):
    elsewhere = Office.objects.create(name="NAV Annet", municipality="Annet", code="annet")
    cast.other_programme.offices.add(elsewhere)
    login(cast.coordinator)

    assert client.get(f"/p/best/setup/offices/{elsewhere.pk}/").status_code == 404
    assert client.post(f"/p/best/setup/offices/{elsewhere.pk}/", {"name": "x"}).status_code == 404


def test_a_new_user_committee_meets_four_times_a_year_by_default(login, client, cast):
    login(cast.coordinator)

    response = client.post("/p/best/setup/groups/new/", GROUP)

    assert response.status_code == 302
    group = cast.programme.groups.get(name="Brukerutvalget")
    assert group.min_meetings_per_year == 4
    assert group.seats == 8
    assert group.meeting_weekday == 2
    assert group.meeting_time == datetime.time(17, 0)
    reminders = GroupReminderSettings.objects.get(group=group)
    assert reminders.day_before_at == datetime.time(10, 30)
    assert reminders.invitation_days_before == 5
    assert group.mandate_versions.get().text == "Råd til kontoret."


def test_a_working_group_without_a_minimum_has_none(login, client, cast):
    login(cast.coordinator)

    client.post("/p/best/setup/groups/new/", {**GROUP, "kind": "working", "name": "Arbeidsgruppe"})

    assert Group.objects.get(name="Arbeidsgruppe").min_meetings_per_year == 0


def test_coordinator_changes_a_group_and_its_mandate_with_a_reason(login, client, cast):
    login(cast.coordinator)
    url = f"/p/best/setup/groups/{cast.resource_group.pk}/"
    client.post(url, {**GROUP, "kind": "resource", "name": "Ressursgruppa"})

    client.post(
        url,
        {
            **GROUP,
            "kind": "resource",
            "name": "Ressursgruppa",
            "mandate": "Nytt mandat",
            "mandate_reason": "Årlig revisjon",
            "min_meetings_per_year": "10",
        },
    )

    cast.resource_group.refresh_from_db()
    assert cast.resource_group.mandate == "Nytt mandat"
    assert cast.resource_group.min_meetings_per_year == 10
    assert cast.resource_group.mandate_versions.first().reason == "Årlig revisjon"
    assert "Årlig revisjon" in client.get(url).content.decode()


def test_bad_group_input_keeps_every_value(login, client, cast):
    login(cast.coordinator)

    response = client.post(
        "/p/best/setup/groups/new/", {**GROUP, "name": "", "meeting_time": "25:99"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Kantina" in page
    assert 'value="25:99"' in page
    assert not Group.objects.filter(default_place="Kantina").exists()


def test_a_group_of_another_programme_is_404(login, client, cast):
    login(cast.coordinator)

    url = f"/p/best/setup/groups/{cast.other_group.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, GROUP).status_code == 404


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_reach_the_setup_pages(login, client, cast, who):
    login(getattr(cast, who))

    for url in ("/p/best/setup/", "/p/best/setup/programme/", "/p/best/setup/groups/new/"):
        assert client.get(url).status_code == 404
    assert client.post("/p/best/setup/programme/", PROGRAMME).status_code == 404
    cast.programme.refresh_from_db()
    assert cast.programme.goals == ""


def test_an_office_out_of_use_is_not_offered_when_inviting(login, client, cast):
    cast.offices.toten.is_active = False
    cast.offices.toten.save()
    login(cast.coordinator)

    page = client.get("/p/best/invite/").content.decode()

    assert "NAV Gjøvik" in page
    assert "NAV Østre Toten" not in page

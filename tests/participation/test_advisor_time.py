"""Advisor time: the planned hours a month set on the office's setup page, the hours used
recorded each month by the office's leader or a coordinator, and planned against used."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.models import AdvisorTimeEntry, AdvisorTimePlan

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _this_month():
    return timezone.localdate().replace(day=1)


def _office_form(cast, **changes):
    data = {
        "name": "NAV Gjøvik",
        "municipality": "Gjøvik",
        "is_active": "on",
        "advisor_hours_per_month": "16,3",
    }
    data.update(changes)
    return data


def test_coordinator_sets_planned_time_on_the_office_page(cast, login):
    url = reverse("setup_office_edit", args=["best", cast.offices.gjovik.pk])
    client = login(cast.coordinator)
    assert client.post(url, _office_form(cast)).status_code == 302
    plan = AdvisorTimePlan.objects.get(programme=cast.programme, office=cast.offices.gjovik)
    assert plan.hours_per_month == Decimal("16.3")
    assert "16.3" in client.get(url).content.decode()


def test_emptying_the_planned_time_removes_the_plan(cast, login):
    AdvisorTimePlan.objects.create(
        programme=cast.programme, office=cast.offices.gjovik, hours_per_month=10
    )
    url = reverse("setup_office_edit", args=["best", cast.offices.gjovik.pk])
    login(cast.coordinator).post(url, _office_form(cast, advisor_hours_per_month=""))
    assert not AdvisorTimePlan.objects.exists()


@pytest.mark.parametrize("bad", ["-1", "ti", "1000", "12,55"])
def test_bad_planned_time_is_refused_with_values_kept(cast, login, bad):
    url = reverse("setup_office_edit", args=["best", cast.offices.gjovik.pk])
    response = login(cast.coordinator).post(
        url, _office_form(cast, name="NAV Gjøvik ny", advisor_hours_per_month=bad)
    )
    assert response.status_code == 200
    assert "NAV Gjøvik ny" in response.content.decode()
    assert response.context["form"].errors["advisor_hours_per_month"]
    cast.offices.gjovik.refresh_from_db()
    assert cast.offices.gjovik.name == "NAV Gjøvik"
    assert not AdvisorTimePlan.objects.exists()


def _record(client, cast, **changes):
    data = {
        "office": cast.offices.gjovik.pk,
        "month": _this_month().strftime("%Y-%m"),
        "hours": "12,5",
        "note": "Fagdag og to møter i prosjektgruppa",
    }
    data.update(changes)
    return client.post(reverse("advisor_time_record", args=["best"]), data)


def test_office_leader_records_time_used_for_their_office(cast, login):
    response = _record(login(cast.leader), cast)
    assert response.status_code == 302
    entry = AdvisorTimeEntry.objects.get()
    assert (entry.office, entry.month, entry.hours) == (
        cast.offices.gjovik,
        _this_month(),
        Decimal("12.5"),
    )
    assert entry.recorded_by == cast.leader


def test_recording_a_month_again_replaces_it(cast, login):
    client = login(cast.coordinator)
    _record(client, cast)
    _record(client, cast, hours="8", note="")
    entry = AdvisorTimeEntry.objects.get()
    assert (entry.hours, entry.note) == (Decimal("8"), "")


def test_leader_cannot_record_for_another_office(cast, login):
    response = _record(login(cast.leader), cast, office=cast.offices.toten.pk)
    assert response.status_code == 200
    assert response.context["form"].errors["office"]
    assert not AdvisorTimeEntry.objects.exists()


@pytest.mark.parametrize("who", ["member", "advisor", "outsider"])
def test_others_cannot_record(cast, login, who):
    assert _record(login(getattr(cast, who)), cast).status_code == 404
    assert not AdvisorTimeEntry.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("hours", "-2"), ("hours", ""), ("hours", "mange"), ("month", "1999-01"), ("month", "x")],
)
def test_bad_input_is_a_message_and_the_form_keeps_the_values(cast, login, field, value):
    response = _record(login(cast.coordinator), cast, **{field: value})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "Fagdag og to møter i prosjektgruppa" in response.content.decode()
    assert not AdvisorTimeEntry.objects.exists()


def test_next_month_cannot_be_chosen(cast, login):
    next_month = (_this_month() + datetime.timedelta(days=32)).replace(day=1)
    response = _record(login(cast.coordinator), cast, month=next_month.strftime("%Y-%m"))
    assert response.context["form"].errors["month"]


def test_overview_shows_planned_against_used(cast, login):
    AdvisorTimePlan.objects.create(
        programme=cast.programme, office=cast.offices.gjovik, hours_per_month=16
    )
    AdvisorTimeEntry.objects.create(
        programme=cast.programme,
        office=cast.offices.gjovik,
        month=_this_month(),
        hours=Decimal("9.5"),
        note="Sykdom i kontoret",
    )
    html = login(cast.coordinator).get(reverse("advisor_time", args=["best"])).content.decode()
    assert "Sykdom i kontoret" in html
    assert "9.5" in html  # hours in the page's language (participation.formatting)
    assert "below plan" in html


def test_advisor_sees_only_their_own_office(cast, login):
    html = login(cast.advisor).get(reverse("advisor_time", args=["best"])).content.decode()
    assert "NAV Gjøvik" in html
    assert "NAV Østre Toten" not in html
    assert "Record time used" not in html


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_members_and_outsiders_get_404(cast, login, who):
    response = login(getattr(cast, who)).get(reverse("advisor_time", args=["best"]))
    assert response.status_code == 404

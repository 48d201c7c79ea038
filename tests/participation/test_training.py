"""Training modules (issue 15): the coordinator writes modules and records who did them; the
table shows done on / refresher due / overdue / never by person and office; a person sees their
own; self-study modules are marked done by the person, who is recorded as the recorder."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from participation.models import Membership, TrainingCompletion, TrainingModule
from participation.selectors.training import (
    TrainingState,
    training_for_person,
    training_refreshers_due,
    training_state,
    training_table,
)
from participation.services.training import (
    training_completions_record,
    training_module_delete,
    training_module_save,
    training_self_report,
)

from .factories import MembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _module(cast, **fields):
    values = {
        "programme": cast.programme,
        "title": "Taushetsplikt og personvern",
        "description": "Hva som er taushetsbelagt",
        "audiences": ["project_group", "resource_group"],
        "duration_minutes": 60,
        "refresher_months": 12,
    }
    values.update(fields)
    return TrainingModule.objects.create(**values)


def _done(module, person, day, by=None):
    return TrainingCompletion.objects.create(
        module=module, person=person, completed_on=day, recorded_by=by or person
    )


def _form(**changes):
    data = {
        "title": "Taushetsplikt og personvern",
        "description": "Hva som er taushetsbelagt",
        "material": "https://www.datatilsynet.no/",
        "audiences": ["project_group", "paid_representatives"],
        "duration_minutes": "60",
        "refresher_months": "12",
    }
    data.update(changes)
    return data


# --- States -------------------------------------------------------------------------------


def test_states_never_done_due_soon_on_the_day_and_overdue(cast):
    module = _module(cast)
    today = timezone.localdate()
    year_ago = today - relativedelta(months=12)
    assert training_state(module, None, today=today) == (None, TrainingState.NEVER)
    assert training_state(module, today, today=today)[1] == TrainingState.DONE
    due_in_30 = year_ago + datetime.timedelta(days=30)
    assert training_state(module, due_in_30, today=today)[1] == TrainingState.DUE_SOON
    # Due today is due, not yet overdue; the day after it is.
    due_on = module.refresher_due_on(year_ago)
    assert training_state(module, year_ago, today=due_on)[1] == TrainingState.DUE_SOON
    next_day = due_on + datetime.timedelta(days=1)
    assert training_state(module, year_ago, today=next_day)[1] == TrainingState.OVERDUE


def test_a_module_without_refresher_stays_done(cast):
    module = _module(cast, refresher_months=None)
    long_ago = timezone.localdate() - relativedelta(years=5)
    assert training_state(module, long_ago, today=timezone.localdate()) == (
        None,
        TrainingState.DONE,
    )


def test_refresher_after_31_january_falls_on_the_last_day_of_february(cast):
    module = _module(cast, refresher_months=1)
    assert module.refresher_due_on(datetime.date(2027, 1, 31)) == datetime.date(2027, 2, 28)
    assert module.refresher_due_on(datetime.date(2028, 1, 31)) == datetime.date(2028, 2, 29)


# --- The table and a person's own list ---------------------------------------------------


def test_table_shows_each_person_the_module_is_for_with_their_state(cast):
    module = _module(cast)
    today = timezone.localdate()
    _done(module, cast.advisor, today - relativedelta(months=12) - datetime.timedelta(days=3))
    [table] = training_table(programme=cast.programme, today=today)
    states = {row.person: row.state for row in table.rows}
    # The leader is in the steering group only: the module is not for her.
    assert states == {cast.advisor: TrainingState.OVERDUE, cast.member: TrainingState.NEVER}
    assert table.rows[0].person == cast.advisor  # what needs doing first
    assert table.rows[0].offices == "NAV Gjøvik"


def test_table_filtered_by_office_shows_only_that_office(cast):
    _module(cast)
    MembershipFactory(
        person__display_name="Tor Toten",
        group=cast.project_group,
        role=Membership.Role.ADVISOR,
        office=cast.offices.toten,
    )
    [table] = training_table(
        programme=cast.programme, today=timezone.localdate(), office_id=cast.offices.toten.pk
    )
    assert [row.person.display_name for row in table.rows] == ["Tor Toten"]


def test_archived_modules_leave_the_table_and_the_persons_list(cast):
    module = _module(cast, archived_at=timezone.now())
    assert training_table(programme=cast.programme, today=timezone.localdate()) == []
    assert (
        training_for_person(programme=cast.programme, person=cast.member, today=module.created_at)
        == []
    )


def test_a_person_sees_a_module_they_did_even_if_no_longer_for_them(cast):
    module = _module(cast, audiences=["coordinators"])
    _done(module, cast.member, timezone.localdate())
    rows = training_for_person(
        programme=cast.programme, person=cast.member, today=timezone.localdate()
    )
    assert [row.module for row in rows] == [module]


def test_refreshers_due_lists_only_due_soon_and_overdue(cast):
    today = timezone.localdate()
    soon = _module(cast, title="Snart")
    fine = _module(cast, title="Fint")
    _done(soon, cast.member, today - relativedelta(months=12) + datetime.timedelta(days=10))
    _done(fine, cast.member, today)
    due = training_refreshers_due(programme=cast.programme, person=cast.member, today=today)
    assert [(row.module, row.state) for row in due] == [(soon, TrainingState.DUE_SOON)]


# --- Services -----------------------------------------------------------------------------


def test_module_without_audience_is_refused(cast):
    with pytest.raises(ValidationError):
        training_module_save(
            programme=cast.programme,
            title="X",
            description="Y",
            audiences=[],
            duration_minutes=10,
            refresher_months=None,
        )
    assert not TrainingModule.objects.exists()


def test_recording_many_people_once_and_again_adds_nothing(cast):
    module = _module(cast)
    today = timezone.localdate()
    people = [cast.member, cast.advisor]
    args = {"module": module, "people": people, "by": cast.coordinator, "today": today}
    assert training_completions_record(completed_on=today, **args) == 2
    assert training_completions_record(completed_on=today, **args) == 0
    assert set(TrainingCompletion.objects.values_list("recorded_by", flat=True)) == {
        cast.coordinator.pk
    }


def test_recording_the_future_or_an_outsider_stores_nothing(cast):
    module = _module(cast)
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        training_completions_record(
            module=module,
            people=[cast.member],
            completed_on=today + datetime.timedelta(days=1),
            by=cast.coordinator,
            today=today,
        )
    with pytest.raises(ValidationError):
        training_completions_record(
            module=module,
            people=[cast.member, cast.outsider],
            completed_on=today,
            by=cast.coordinator,
            today=today,
        )
    assert not TrainingCompletion.objects.exists()


def test_a_module_someone_did_is_archived_not_deleted(cast):
    module = _module(cast)
    _done(module, cast.member, timezone.localdate())
    with pytest.raises(ValidationError):
        training_module_delete(module=module)
    assert TrainingModule.objects.filter(pk=module.pk).exists()


def test_self_report_only_for_self_study_modules_for_the_person(cast):
    today = timezone.localdate()
    session = _module(cast, is_self_study=False)
    with pytest.raises(ValidationError):
        training_self_report(module=session, person=cast.member, completed_on=today, today=today)
    leaders_only = _module(cast, title="Styring", audiences=["steering_group"], is_self_study=True)
    with pytest.raises(ValidationError):
        training_self_report(
            module=leaders_only, person=cast.member, completed_on=today, today=today
        )
    assert not TrainingCompletion.objects.exists()
    own = _module(cast, title="Egen", is_self_study=True)
    done = training_self_report(module=own, person=cast.member, completed_on=today, today=today)
    assert done.recorded_by == cast.member and done.is_self_reported


# --- Views ------------------------------------------------------------------------------


def test_coordinator_creates_a_module(cast, login):
    response = login(cast.coordinator).post(
        reverse("training_module_create", args=["best"]), _form()
    )
    assert response.status_code == 302
    module = TrainingModule.objects.get()
    assert module.audiences == ["project_group", "paid_representatives"]
    assert (module.refresher_months, module.duration_minutes) == (12, 60)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("description", ""),
        ("audiences", []),
        ("audiences", ["nobody"]),
        ("duration_minutes", "en time"),
        ("duration_minutes", "0"),
        ("refresher_months", "-1"),
        ("refresher_months", "tolv"),
    ],
)
def test_bad_module_input_is_a_message_and_values_are_kept(cast, login, field, value):
    response = login(cast.coordinator).post(
        reverse("training_module_create", args=["best"]), _form(**{field: value})
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    html = response.content.decode()
    assert "error-summary" in html
    assert "https://www.datatilsynet.no/" in html
    assert not TrainingModule.objects.exists()


def test_coordinator_records_two_people_and_the_table_shows_them(cast, login):
    module = _module(cast)
    client = login(cast.coordinator)
    today = timezone.localdate()
    response = client.post(
        reverse("training_record", args=["best"]),
        {
            "module": module.pk,
            "completed_on": today.isoformat(),
            "people": [cast.member.pk, cast.advisor.pk],
        },
    )
    assert response.status_code == 302
    assert TrainingCompletion.objects.filter(module=module).count() == 2
    [table] = client.get(reverse("training_overview", args=["best"])).context["tables"]
    assert {(row.person, row.done_on, row.state) for row in table.rows} == {
        (cast.member, today, TrainingState.DONE),
        (cast.advisor, today, TrainingState.DONE),
    }


def test_record_with_bad_input_keeps_values(cast, login):
    module = _module(cast)
    response = login(cast.coordinator).post(
        reverse("training_record", args=["best"]),
        {"module": module.pk, "completed_on": "i går", "people": [cast.member.pk]},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["completed_on"]
    assert 'value="i går"' in response.content.decode()
    assert form["people"].value() == [str(cast.member.pk)]
    assert not TrainingCompletion.objects.exists()


def test_record_refuses_someone_from_another_programme(cast, login):
    module = _module(cast)
    response = login(cast.coordinator).post(
        reverse("training_record", args=["best"]),
        {
            "module": module.pk,
            "completed_on": timezone.localdate().isoformat(),
            "people": [cast.outsider.pk],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["people"]


def test_record_with_a_bad_module_in_the_address_is_not_a_500(cast, login):
    response = login(cast.coordinator).get(reverse("training_record", args=["best"]) + "?module=x")
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["member", "advisor", "leader"])
def test_others_cannot_manage_or_record(cast, login, who):
    module = _module(cast)
    client = login(getattr(cast, who))
    for name, args in [
        ("training_overview", ["best"]),
        ("training_module_create", ["best"]),
        ("training_record", ["best"]),
        ("training_module_edit", ["best", module.pk]),
        ("training_module_remove", ["best", module.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name


def test_a_module_not_for_the_person_is_a_404_and_one_for_them_is_shown(cast, login):
    module = _module(cast)
    leaders = _module(cast, title="Styring", audiences=["steering_group"])
    client = login(cast.member)
    assert client.get(reverse("training_module", args=["best", module.pk])).status_code == 200
    assert client.get(reverse("training_module", args=["best", leaders.pk])).status_code == 404


def test_another_programmes_module_is_a_404_for_the_coordinator(cast, login):
    other = _module(cast, programme=cast.other_programme)
    client = login(cast.coordinator)
    for name in ("training_module", "training_module_edit", "training_module_remove"):
        assert client.get(reverse(name, args=["best", other.pk])).status_code == 404


def test_member_marks_a_self_study_module_done_and_sees_it_on_their_page(cast, login):
    module = _module(cast, is_self_study=True)
    client = login(cast.member)
    today = timezone.localdate()
    response = client.post(
        reverse("training_module_done", args=["best", module.pk]),
        {"completed_on": today.isoformat()},
    )
    assert response.status_code == 302
    done = TrainingCompletion.objects.get()
    assert (done.person, done.recorded_by) == (cast.member, cast.member)
    html = client.get(reverse("training_mine", args=["best"])).content.decode()
    assert module.title in html and "Done" in html


def test_self_report_in_the_future_keeps_the_value(cast, login):
    module = _module(cast, is_self_study=True)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = login(cast.member).post(
        reverse("training_module_done", args=["best", module.pk]), {"completed_on": tomorrow}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["completed_on"]
    assert f'value="{tomorrow}"' in response.content.decode()
    assert not TrainingCompletion.objects.exists()


def test_self_report_of_a_session_module_is_a_404(cast, login):
    module = _module(cast, is_self_study=False)
    response = login(cast.member).post(
        reverse("training_module_done", args=["best", module.pk]),
        {"completed_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 404


def test_remove_deletes_an_unused_module_and_archives_a_used_one(cast, login):
    unused, used = _module(cast, title="Ubrukt"), _module(cast, title="Brukt")
    _done(used, cast.member, timezone.localdate())
    client = login(cast.coordinator)
    client.post(reverse("training_module_remove", args=["best", unused.pk]), {"action": "delete"})
    assert not TrainingModule.objects.filter(pk=unused.pk).exists()
    response = client.post(
        reverse("training_module_remove", args=["best", used.pk]), {"action": "delete"}
    )
    assert response.status_code == 200
    assert "cannot be deleted" in response.context["error"]
    client.post(reverse("training_module_remove", args=["best", used.pk]), {"action": "archive"})
    used.refresh_from_db()
    assert used.is_archived and used.completions.count() == 1


def test_start_page_shows_a_refresher_due_soon(cast, login):
    module = _module(cast)
    today = timezone.localdate()
    _done(module, cast.member, today - relativedelta(months=12) + datetime.timedelta(days=5))
    html = login(cast.member).get(reverse("programme_detail", args=["best"])).content.decode()
    assert "Training to refresh" in html and module.title in html


def test_the_persons_export_lists_their_training(cast):
    from participation.personal_data import person_data

    module = _module(cast, is_self_study=True)
    _done(module, cast.member, timezone.localdate())
    [row] = person_data(person=cast.member)["training"]
    assert (row["module"], row["recorded_by"]) == ("Taushetsplikt og personvern", "self")


def test_coordinator_start_page_lists_modules_with_refreshers_overdue(cast, login):
    module = _module(cast)
    today = timezone.localdate()
    _done(module, cast.advisor, today - relativedelta(months=13))
    body = login(cast.coordinator).get(reverse("programme_detail", args=["best"])).content
    region = body.decode().split('id="dash-todo"')[1].split("</section>")[0]
    task = region.split("Training refreshers overdue")[0].rsplit("<li", 1)[1]
    assert "/p/best/training/" in task
    assert module.title in region and "1 overdue" in region


def test_coordinator_changes_a_module_to_no_refresher(cast, login):
    module = _module(cast)
    client = login(cast.coordinator)
    url = reverse("training_module_edit", args=["best", module.pk])
    form = client.get(url).context["form"]
    assert form["audiences"].value() == ["project_group", "resource_group"]
    response = client.post(url, _form(title="Personvern", refresher_months=""))
    assert response.status_code == 302
    module.refresh_from_db()
    assert (module.title, module.refresher_months) == ("Personvern", None)


def test_annual_plan_shows_refreshers_whose_to_the_coordinator_own_to_others(cast, login):
    module = _module(cast)
    today = timezone.localdate()
    due = today + datetime.timedelta(days=1)  # inside this year or the next: ask for its year
    _done(module, cast.advisor, due - relativedelta(months=12))
    _done(module, cast.member, due - relativedelta(months=12))
    url = reverse(
        "annual_plan_year",
        args=["best", module.refresher_due_on(due - relativedelta(months=12)).year],
    )
    html = login(cast.coordinator).get(url).content.decode()
    assert module.title in html and "Sara Veileder" in html and "Emma Medlem" in html
    html = login(cast.member).get(url).content.decode()
    assert module.title in html and "Sara Veileder" not in html
    html = login(cast.leader).get(url).content.decode()
    assert module.title not in html

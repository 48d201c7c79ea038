"""The advisor's pages: the checklist home, recording a first meeting in a few taps, and
correcting one's own records. Every role, and bad input kept and explained."""

import datetime
import re

import pytest
from django.utils import timezone

from checklists import services
from checklists.models import ChecklistTemplate, ChecklistUse
from tests.checklists.factories import ChecklistUseFactory, published_checklist


@pytest.fixture
def checklist(cast):
    return published_checklist(cast.programme)


def _record_url(template):
    return f"/p/best/checklist/{template.pk}/record/"


def _post(client, template, **data):
    payload = {
        "office": data.pop("office", None),
        "met_on": data.pop("met_on", timezone.localdate().isoformat()),
        "note": data.pop("note", ""),
    }
    payload = {key: value for key, value in payload.items() if value is not None}
    payload.update(data)
    return client.post(_record_url(template), payload)


# --- the checklist home --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["coordinator", "member", "advisor", "leader"])
def test_every_reader_sees_the_checklist_home(cast, login, checklist, role):
    template, _, _ = checklist
    response = login(getattr(cast, role)).get("/p/best/checklist/")

    assert response.status_code == 200
    assert template.title in response.content.decode()


def test_only_advisors_get_the_record_button_and_their_records(cast, login, checklist):
    template, version, items = checklist
    ChecklistUseFactory(
        version=version, office=cast.offices.gjovik, advisor=cast.advisor, items_covered=items[:2]
    )

    advisor_page = login(cast.advisor).get("/p/best/checklist/").content.decode()
    assert _record_url(template) in advisor_page
    assert "2 of 3" in advisor_page
    leader_page = login(cast.leader).get("/p/best/checklist/").content.decode()
    assert _record_url(template) not in leader_page


def test_outsiders_get_404_and_anonymous_visitors_the_login(cast, login, client, checklist):
    assert client.get("/p/best/checklist/").status_code == 302
    assert login(cast.outsider).get("/p/best/checklist/").status_code == 404


def test_the_home_page_needs_the_same_queries_for_many_records(
    cast, login, checklist, django_assert_max_num_queries
):
    _, version, items = checklist
    client = login(cast.advisor)
    client.get("/p/best/checklist/")
    for _ in range(15):
        ChecklistUseFactory(
            version=version, office=cast.offices.gjovik, advisor=cast.advisor, items_covered=items
        )

    # A fixed part of this is per request: the session, and whether the person has an
    # authenticator app that this session must have used.
    with django_assert_max_num_queries(17):
        response = client.get("/p/best/checklist/")
    assert response.content.decode().count("3 of 3") == 15


# --- recording -----------------------------------------------------------------------------


def test_the_form_comes_with_the_advisors_office_and_today_filled_in(cast, login, checklist):
    template, _, items = checklist

    body = login(cast.advisor).get(_record_url(template)).content.decode()

    assert f'value="{cast.offices.gjovik.pk}" selected' in body
    assert cast.offices.toten.name not in body  # only the advisor's own office is offered
    assert f'value="{timezone.localdate().isoformat()}"' in body
    for item in items:
        assert item.text in body
    assert 'name="all_covered"' in body
    assert "national identity numbers" in body


def test_all_points_covered_is_one_tap(cast, login, checklist):
    template, version, items = checklist

    response = _post(login(cast.advisor), template, office=cast.offices.gjovik.pk, all_covered="1")

    assert response.status_code == 302
    use = ChecklistUse.objects.get()
    assert set(use.items_covered.all()) == set(items)
    assert (use.office, use.advisor, use.version) == (cast.offices.gjovik, cast.advisor, version)


def test_the_ticked_points_are_recorded(cast, login, checklist):
    template, _, items = checklist

    response = _post(
        login(cast.advisor),
        template,
        office=cast.offices.gjovik.pk,
        items_covered=[items[0].pk, items[2].pk],
    )

    assert response.status_code == 302
    assert set(ChecklistUse.objects.get().items_covered.all()) == {items[0], items[2]}
    page = login(cast.advisor).get(response.url).content.decode()
    assert "The first meeting is recorded" in page


def _refused(response):
    assert response.status_code == 200
    assert not ChecklistUse.objects.exists()
    return response.content.decode()


def test_no_points_and_no_note_is_refused_with_a_message(cast, login, checklist):
    template, _, _ = checklist

    body = _refused(_post(login(cast.advisor), template, office=cast.offices.gjovik.pk))

    assert "Tick the points you covered" in body
    assert "error-summary" in body


def test_a_future_date_is_refused_and_the_ticks_and_note_are_kept(cast, login, checklist):
    template, _, items = checklist
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    body = _refused(
        _post(
            login(cast.advisor),
            template,
            office=cast.offices.gjovik.pk,
            met_on=tomorrow.isoformat(),
            items_covered=[items[1].pk],
            note="Vi rakk lite.",
        )
    )

    assert "in the future" in body
    assert f'value="{tomorrow.isoformat()}"' in body
    assert re.search(rf'value="{items[1].pk}" id="[^"]+" checked', body)
    assert not re.search(rf'value="{items[0].pk}" id="[^"]+" checked', body)
    assert "Vi rakk lite." in body


def test_a_date_before_the_programme_is_refused(cast, login, checklist):
    template, _, items = checklist
    before = cast.programme.starts_on - datetime.timedelta(days=1)

    body = _refused(
        _post(
            login(cast.advisor),
            template,
            office=cast.offices.gjovik.pk,
            met_on=before.isoformat(),
            all_covered="1",
        )
    )

    assert "before the programme started" in body


def test_a_garbage_date_is_a_form_error(cast, login, checklist):
    template, _, _ = checklist

    body = _refused(
        _post(login(cast.advisor), template, office=cast.offices.gjovik.pk, met_on="i går")
    )

    assert "Enter a date" in body


def test_another_office_is_refused_with_a_clear_message(cast, login, checklist):
    template, _, _ = checklist

    body = _refused(
        _post(login(cast.advisor), template, office=cast.offices.toten.pk, all_covered="1")
    )

    assert "where you are an advisor" in body


def test_an_unknown_office_or_point_is_a_form_error_not_a_crash(cast, login, checklist):
    template, _, _ = checklist
    _, _, other_items = published_checklist(cast.other_programme)

    body = _refused(
        _post(login(cast.advisor), template, office=999999, items_covered=[other_items[0].pk])
    )

    assert "Choose one of your own offices" in body


def test_a_national_id_number_in_the_note_is_refused(cast, login, checklist):
    template, _, items = checklist

    body = _refused(
        _post(
            login(cast.advisor),
            template,
            office=cast.offices.gjovik.pk,
            items_covered=[items[0].pk],
            note="Gjelder 010203 12345",
        )
    )

    assert "national identity number" in body
    assert "Gjelder 010203 12345" in body  # kept, so the advisor can remove just the number


@pytest.mark.parametrize("role", ["coordinator", "member", "leader", "outsider"])
def test_only_advisors_may_record(cast, login, checklist, role):
    template, _, _ = checklist
    client = login(getattr(cast, role))

    assert client.get(_record_url(template)).status_code == 404
    assert (
        _post(client, template, office=cast.offices.gjovik.pk, all_covered="1").status_code == 404
    )
    assert not ChecklistUse.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, checklist):
    template, _, _ = checklist

    response = client.get(_record_url(template))

    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_checklist_of_another_programme_is_404(cast, login):
    template, _, _ = published_checklist(cast.other_programme)

    assert login(cast.advisor).get(_record_url(template)).status_code == 404


def test_a_retired_checklist_sends_the_advisor_back_with_a_message(cast, login, checklist):
    template, _, _ = checklist
    services.template_retire(template=template)

    response = login(cast.advisor).get(_record_url(template), follow=True)

    assert "not in use any more" in response.content.decode()


def test_a_draft_checklist_cannot_be_recorded_with(cast, login):
    template = services.template_create(programme=cast.programme, title="Kladd")

    assert login(cast.advisor).get(_record_url(template)).status_code == 404
    assert template.status == ChecklistTemplate.Status.DRAFT


# --- correcting ----------------------------------------------------------------------------


@pytest.fixture
def own_use(cast, checklist):
    _, version, items = checklist
    return services.use_record(
        version=version,
        advisor=cast.advisor,
        office=cast.offices.gjovik,
        met_on=timezone.localdate(),
        items=items[:1],
    )


def test_an_advisor_corrects_their_own_record(cast, login, checklist, own_use):
    client = login(cast.advisor)
    url = f"/p/best/checklist/uses/{own_use.pk}/edit/"
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"office": cast.offices.gjovik.pk, "met_on": yesterday.isoformat(), "all_covered": "1"},
    )

    assert response.status_code == 302
    own_use.refresh_from_db()
    assert own_use.met_on == yesterday and own_use.items_covered.count() == 3


def test_a_bad_correction_keeps_the_record_as_it_was(cast, login, own_use):
    response = login(cast.advisor).post(
        f"/p/best/checklist/uses/{own_use.pk}/edit/",
        {
            "office": cast.offices.gjovik.pk,
            "met_on": own_use.met_on.isoformat(),
            "note": "01020312345",
        },
    )

    assert response.status_code == 200
    assert "national identity number" in response.content.decode()
    own_use.refresh_from_db()
    assert own_use.note == "" and own_use.items_covered.count() == 1


@pytest.mark.parametrize("role", ["coordinator", "member", "leader", "outsider"])
def test_nobody_else_sees_or_corrects_an_advisors_record(cast, login, own_use, role):
    client = login(getattr(cast, role))
    url = f"/p/best/checklist/uses/{own_use.pk}/edit/"

    assert client.get(url).status_code == 404
    assert client.post(url, {"note": "x"}).status_code == 404


def test_an_old_record_can_no_longer_be_corrected(cast, login, own_use):
    ChecklistUse.objects.filter(pk=own_use.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )

    response = login(cast.advisor).get(f"/p/best/checklist/uses/{own_use.pk}/edit/", follow=True)

    assert "older than 30 days" in response.content.decode()

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation import services
from participation.models import Input, InputEvent
from participation.selectors import input_stats
from tests.participation.factories import OfficeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _input(cast, **kwargs):
    return services.input_create(
        programme=cast.programme,
        title=kwargs.pop("title", "Brev fra NAV er vanskelige"),
        source=Input.Source.MEETING,
        group=cast.resource_group,
        raised_by=cast.coordinator,
        **kwargs,
    )


def test_new_input_is_received_with_feedback_due_after_the_programmes_weeks(cast):
    item = _input(cast, raised_on=datetime.date(2026, 3, 2))

    assert item.status == Input.Status.RECEIVED
    assert item.feedback_due_on == datetime.date(2026, 4, 13)
    assert list(item.events.values_list("to_status", flat=True)) == ["received"]


def test_input_moves_forward_and_every_step_is_dated(cast):
    item = _input(cast)
    when = timezone.now()

    services.input_change_status(input=item, to_status="considering", by=cast.coordinator, now=when)
    services.input_change_status(
        input=item,
        to_status="in_progress",
        by=cast.coordinator,
        now=when + datetime.timedelta(days=3),
    )

    events = list(item.events.values_list("from_status", "to_status"))
    assert events == [("", "received"), ("received", "considering"), ("considering", "in_progress")]
    assert item.status_changed_at == when + datetime.timedelta(days=3)


def test_moving_an_input_backwards_is_refused_and_nothing_changes(cast):
    item = _input(cast)
    services.input_change_status(input=item, to_status="in_progress", by=cast.coordinator)

    with pytest.raises(ValidationError) as error:
        services.input_change_status(input=item, to_status="considering", by=cast.coordinator)

    assert "to_status" in error.value.message_dict
    item.refresh_from_db()
    assert item.status == "in_progress"
    assert InputEvent.objects.filter(input=item).count() == 2


def test_declining_without_feedback_or_reason_is_refused(cast):
    item = _input(cast)

    with pytest.raises(ValidationError) as error:
        services.input_change_status(input=item, to_status="declined", by=cast.coordinator)

    assert set(error.value.message_dict) == {"feedback", "decline_reason"}
    item.refresh_from_db()
    assert item.status == "received" and item.feedback_at is None


def test_declining_with_whitespace_only_is_refused(cast):
    item = _input(cast)

    with pytest.raises(ValidationError):
        services.input_change_status(
            input=item, to_status="declined", by=None, feedback="   ", decline_reason="  "
        )


def test_done_needs_feedback(cast):
    item = _input(cast)

    with pytest.raises(ValidationError) as error:
        services.input_change_status(input=item, to_status="done", by=cast.coordinator)

    assert "feedback" in error.value.message_dict


def test_declined_input_keeps_reason_and_feedback_and_is_closed(cast):
    item = _input(cast)

    services.input_change_status(
        input=item,
        to_status="declined",
        by=cast.coordinator,
        feedback="Vi kan ikke gjøre dette nå.",
        decline_reason="Ikke budsjett i år.",
    )

    item.refresh_from_db()
    assert (item.status, item.decline_reason) == ("declined", "Ikke budsjett i år.")
    assert item.has_feedback and item.is_closed
    with pytest.raises(ValidationError):
        services.input_change_status(input=item, to_status="done", by=cast.coordinator)


def test_first_feedback_date_is_kept_when_the_text_is_improved(cast):
    item = _input(cast)
    first = timezone.now() - datetime.timedelta(days=5)

    services.input_give_feedback(
        input=item, feedback="Vi ser på det.", by=cast.coordinator, now=first
    )
    services.input_give_feedback(input=item, feedback="Vi ser på det, svar i mai.", by=None)

    item.refresh_from_db()
    assert item.feedback == "Vi ser på det, svar i mai."
    assert item.feedback_at == first


def test_empty_feedback_is_refused(cast):
    with pytest.raises(ValidationError):
        services.input_give_feedback(input=_input(cast), feedback=" ", by=None)


def test_input_without_feedback_past_the_deadline_is_flagged(cast):
    old = _input(cast, raised_on=timezone.localdate() - datetime.timedelta(weeks=7))
    fresh = _input(cast, title="Nytt", raised_on=timezone.localdate())
    answered = _input(
        cast, title="Besvart", raised_on=timezone.localdate() - datetime.timedelta(weeks=8)
    )
    services.input_give_feedback(input=answered, feedback="Gjort.", by=None)

    assert old.is_feedback_overdue and not fresh.is_feedback_overdue
    assert list(Input.objects.feedback_overdue()) == [old]


def test_office_outside_the_programme_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        _input(cast, assigned_office=OfficeFactory(code="oslo"))

    assert "assigned_office" in error.value.message_dict
    assert not Input.objects.exists()


def test_group_outside_the_programme_is_refused(cast):
    with pytest.raises(ValidationError):
        services.input_create(
            programme=cast.programme, title="X", source="direct", group=cast.other_group
        )


def test_stats_count_feedback_and_the_median_days(cast):
    today = timezone.localdate()
    now = timezone.now()
    for days_ago, answered_after in [(30, 4), (30, 10), (30, None), (20, 20)]:
        item = _input(cast, raised_on=today - datetime.timedelta(days=days_ago))
        if answered_after is not None:
            services.input_give_feedback(
                input=item,
                feedback="Svar",
                by=None,
                now=now - datetime.timedelta(days=days_ago - answered_after),
            )

    stats = input_stats(inputs=Input.objects.all())

    assert (stats.raised, stats.with_feedback, stats.open, stats.declined) == (4, 3, 4, 0)
    assert stats.median_days_to_feedback == 10

"""The daily retention task against a database aged by factories: nothing past its time
remains, nothing inside its time goes; and the register page shows the same rules."""

import datetime
import logging

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.module_loading import import_string

from participation.models import Attendance, AuditEvent, Membership, User
from participation.privacy import REMOVED
from participation.retention import RULES
from participation.services.people import FORMER_MEMBER
from participation.tasks import apply_retention
from reports.models import Report
from resourcegroup.models import Application, Story
from surveys.models import Answer, Question
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import AttendanceFactory, MeetingFactory
from tests.reports.factories import ReportFactory
from tests.resourcegroup.factories import ApplicationFactory, PostingFactory, StoryFactory
from tests.surveys.factories import QuestionFactory, add_responses, published_survey

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def months_ago(months: int, extra_days: int = 0) -> datetime.date:
    return timezone.localdate() - relativedelta(months=months) - datetime.timedelta(days=extra_days)


@pytest.fixture
def aged(cast, settings):
    """For each rule, one thing just past its time and one just inside it."""
    world = {}
    today = timezone.localdate()
    # Applications: the posting's deadline plus its days.
    old_posting = PostingFactory(
        programme=cast.programme,
        group=cast.resource_group,
        opens_on=today - datetime.timedelta(days=200),
        closes_on=today - datetime.timedelta(days=100),
        delete_after_days=90,
    )
    new_posting = PostingFactory(
        programme=cast.programme,
        group=cast.resource_group,
        opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=30),
        delete_after_days=90,
    )
    for status in (
        Application.Status.NOT_CHOSEN,
        Application.Status.DECLINED,
        Application.Status.ACCEPTED,
    ):
        ApplicationFactory(posting=old_posting, status=status, name=f"Gammel {status}")
        ApplicationFactory(posting=new_posting, status=status, name=f"Ny {status}")
    ApplicationFactory(posting=old_posting, status=Application.Status.RECEIVED, name="Åpen")
    # Members: left 13 months ago (past 12) and 11 months ago (inside).
    gone = MembershipFactory(
        group=cast.resource_group,
        person__display_name="Gunnar Gått",
        starts_on=months_ago(30),
        ends_on=months_ago(13),
        handover_note="Ring mamma",
    )
    recent = MembershipFactory(
        group=cast.resource_group,
        person__display_name="Nina Nylig",
        starts_on=months_ago(30),
        ends_on=months_ago(11),
    )
    staff = MembershipFactory(
        group=cast.resource_group,
        person__display_name="Vera Veileder",
        role=Membership.Role.ADVISOR,
        starts_on=months_ago(30),
        ends_on=months_ago(20),
    )
    meeting = MeetingFactory(group=cast.resource_group)
    AttendanceFactory(meeting=meeting, membership=gone)
    world.update(gone=gone, recent=recent, staff=staff)
    # Stories: 25 and 23 months old.
    world["old_story"] = StoryFactory(
        group=cast.resource_group, written_on=months_ago(25), anonymised_text="Anonymt"
    )
    world["new_story"] = StoryFactory(group=cast.resource_group, written_on=months_ago(23))
    # Free-text survey answers: 25 and 23 months old; a scale answer that stays.
    survey = published_survey(cast.programme, slug="gammel")
    text = QuestionFactory(survey=survey, kind=Question.Kind.LONG_TEXT)
    scale = QuestionFactory(survey=survey)
    add_responses(survey, cast.offices.gjovik, 1, {text: "gammel", scale: 4}, day=months_ago(25))
    add_responses(survey, cast.offices.gjovik, 1, {text: "ny", scale: 4}, day=months_ago(23))
    # Reports: 37 and 35 months old.
    now = timezone.now()
    world["old_report"] = ReportFactory(
        programme=cast.programme, requested_at=now - relativedelta(months=37)
    )
    world["new_report"] = ReportFactory(
        programme=cast.programme, requested_at=now - relativedelta(months=35)
    )
    # Audit entries: 25 and 23 months old.
    for months, subject in ((25, "gammel"), (23, "ny")):
        AuditEvent.objects.bulk_create(
            [
                AuditEvent(
                    action=AuditEvent.Action.EXPORTED,
                    programme=cast.programme,
                    subject=subject,
                    at=now - relativedelta(months=months),
                )
            ]
        )
    return world


def test_nothing_past_its_time_remains_and_nothing_inside_it_goes(aged, caplog):
    with caplog.at_level(logging.INFO, logger="participation.retention"):
        removed = apply_retention()

    assert set(Application.objects.values_list("name", flat=True)) == {
        "Ny not_chosen",
        "Ny declined",
        "Ny accepted",
        "Åpen",
    }
    gone = User.objects.get(pk=aged["gone"].person_id)
    assert gone.display_name == FORMER_MEMBER
    assert not gone.is_active and gone.phone == "" and "@invalid.example" in gone.email
    assert Membership.objects.get(pk=aged["gone"].pk).handover_note == ""
    assert Attendance.objects.filter(membership=aged["gone"]).count() == 1  # counts stay
    assert User.objects.get(pk=aged["recent"].person_id).display_name == "Nina Nylig"
    assert User.objects.get(pk=aged["staff"].person_id).display_name == "Vera Veileder"
    old_story = Story.objects.get(pk=aged["old_story"].pk)
    assert old_story.text == REMOVED and old_story.anonymised_text == "Anonymt"
    assert Story.objects.get(pk=aged["new_story"].pk).text != REMOVED
    assert list(Answer.objects.exclude(text="").values_list("text", flat=True)) == ["ny"]
    assert Answer.objects.filter(number=4).count() == 2
    assert list(Report.objects.all()) == [aged["new_report"]]
    assert set(AuditEvent.objects.values_list("subject", flat=True)) == {"ny", "Retention"}
    assert "members: 1" in AuditEvent.objects.get(subject="Retention").detail
    assert removed == {
        "applications": 3,
        "members": 1,
        "stories": 1,
        "survey_free_text": 1,
        "reports": 1,
        "audit": 1,
    }
    assert "retention members: 1 removed" in caplog.text


def test_a_second_run_removes_nothing_more(aged):
    apply_retention()

    assert set(apply_retention().values()) == {0}


def test_every_rule_names_a_service_that_exists_and_a_setting_that_is_set():
    for rule in RULES:
        if rule.service:
            assert callable(import_string(rule.service))
        if rule.setting:
            assert isinstance(rule.months, int) and rule.months > 0


def test_the_register_page_shows_every_rule_as_the_task_applies_it(login, client, cast, settings):
    settings.MEDVIRK_RETENTION_MEMBER_MONTHS = 18
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    login(cast.coordinator)

    body = client.get("/p/best/data-register/").content.decode()

    for rule in RULES:
        assert f'id="rule-{rule.key}"' in body
        assert str(rule.kind) in body.replace("&#x27;", "'")
    assert "18 months after the person left the last group" in body
    assert 'href="/p/best/data-register/"' in body  # in the coordinator's navigation


@pytest.mark.parametrize("who", ["leader", "advisor", "member", "outsider"])
def test_only_coordinators_see_the_register(login, client, cast, who):
    login(getattr(cast, who))

    assert client.get("/p/best/data-register/").status_code == 404

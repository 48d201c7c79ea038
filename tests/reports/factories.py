"""Factories for reports, and a small programme whose September figures are worked out by
hand (see `september_programme`): every section test checks against those numbers."""

import datetime
from types import SimpleNamespace

import factory
from django.utils import timezone

from participation.models import ActionItem, Attendance, Group, Input, Meeting, Membership
from participation.services.meetings import local_datetime
from reports.models import Report
from reports.sections import Period
from tests.participation.factories import (
    GroupFactory,
    MembershipFactory,
    OfficeFactory,
    ProgrammeFactory,
    UserFactory,
)
from tests.participation.factories_inputs import InputFactory
from tests.participation.factories_meetings import (
    ActionItemFactory,
    AttendanceFactory,
    DecisionFactory,
    MeetingFactory,
)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    programme = factory.SubFactory(ProgrammeFactory)
    period_start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=42))
    period_end = factory.LazyFunction(timezone.localdate)


def last_year() -> int:
    return timezone.localdate().year - 1


def _at(month: int, day: int, hour: int = 16) -> datetime.datetime:
    return local_datetime(datetime.date(last_year(), month, day), datetime.time(hour, 0))


def _meeting(group, month, day, hour=16, **kwargs) -> Meeting:
    start = _at(month, day, hour)
    return MeetingFactory(
        group=group, starts_at=start, ends_at=start + datetime.timedelta(hours=2), **kwargs
    )


def september_programme() -> SimpleNamespace:
    """September last year in a small programme, with these figures (worked out by hand):

    Meetings held: resource 2 (+1 cancelled, 1 with approved minutes), project 2, steering 1.
    Attendance: resource 4 present / 1 notice / 2 absent (57,1 %), project 2/1/1 (50 %),
    steering 2/0/0 (100 %); all 8 of 13 (61,5 %). Per role: member 3 of 5 (60 %), paid
    representative 1 of 2, advisor 2 of 4, leader 2 of 2. Per office: Alfa 3 of 3, Beta 1 of 3.
    Project group per office: Alfa at 2 of 2 meetings, Beta at 0 of 2 (flagged, threshold 2);
    the Beta advisor is flagged too. Joined: Rut (10 Sep). Left: Roar (20 Sep, got a job).
    Inputs raised in September: 3, 2 of them with feedback (median 15 days); feedback given in
    September on 3 (10, 20 and 45 days: median 20); open at the end 2, 1 of them late; declined
    1 ("Ingen penger i år"). Overdue action items at 30 Sep: 1, 10 days late. The last steering
    meeting (10 Sep) took 2 decisions, 1 followed up.
    """
    year = last_year()
    alfa = OfficeFactory(code="alfa", name="NAV Alfa", municipality="Alfa")
    beta = OfficeFactory(code="beta", name="NAV Beta", municipality="Beta")
    coordinator = UserFactory(email="koordinator@example.org", display_name="Kari Koordinator")
    programme = ProgrammeFactory(
        name="Testprogrammet",
        slug="test",
        starts_on=datetime.date(year, 1, 1),
        offices=[alfa, beta],
        coordinators=[coordinator],
    )
    resource = GroupFactory(name="Ressursgruppa", kind=Group.Kind.RESOURCE, programmes=[programme])
    project = GroupFactory(
        name="Prosjektgruppa",
        kind=Group.Kind.PROJECT,
        programmes=[programme],
        absence_threshold=2,
    )
    steering = GroupFactory(name="Styringsgruppa", kind=Group.Kind.STEERING, programmes=[programme])
    since = datetime.date(year, 1, 1)

    def member(name, group, role=Membership.Role.MEMBER, office=None, **kwargs):
        kwargs.setdefault("starts_on", since)
        return MembershipFactory(
            person__display_name=name,
            person__email=f"{name.lower()}@example.org",
            group=group,
            role=role,
            office=office,
            **kwargs,
        )

    r1 = member("Ronja", resource)
    r2 = member("Rasmus", resource, Membership.Role.PAID_REPRESENTATIVE)
    r3 = member("Rut", resource, starts_on=datetime.date(year, 9, 10))
    r4 = member(
        "Roar",
        resource,
        ends_on=datetime.date(year, 9, 20),
        end_reason=Membership.EndReason.GOT_JOB,
    )
    a1 = member("Aud", project, Membership.Role.ADVISOR, alfa)
    b1 = member("Bjarne", project, Membership.Role.ADVISOR, beta)
    l1 = member("Liv", steering, Membership.Role.LEADER, alfa)
    l2 = member("Lars", steering, Membership.Role.LEADER, beta)

    present, notice, absent = (
        Attendance.Status.PRESENT,
        Attendance.Status.NOTICE,
        Attendance.Status.ABSENT,
    )

    def attend(meeting, **statuses):
        for membership, status in statuses.values():
            AttendanceFactory(meeting=meeting, membership=membership, status=status)

    r_sep2 = _meeting(resource, 9, 2, minutes_status=Meeting.MinutesStatus.APPROVED)
    attend(r_sep2, a=(r1, present), b=(r2, present), c=(r4, absent))
    r_sep16 = _meeting(resource, 9, 16, minutes_status=Meeting.MinutesStatus.DRAFT)
    attend(r_sep16, a=(r1, present), b=(r2, notice), c=(r3, present), d=(r4, absent))
    _meeting(resource, 9, 30, status=Meeting.Status.CANCELLED, cancel_reason="Sykdom")
    p_sep5 = _meeting(project, 9, 5, hour=12)
    attend(p_sep5, a=(a1, present), b=(b1, absent))
    p_sep26 = _meeting(project, 9, 26, hour=12)
    attend(p_sep26, a=(a1, present), b=(b1, notice))
    s_aug1 = _meeting(steering, 8, 1, hour=9)
    DecisionFactory(meeting=s_aug1, text="Et eldre vedtak")
    s_sep10 = _meeting(steering, 9, 10, hour=9)
    attend(s_sep10, a=(l1, present), b=(l2, present))
    DecisionFactory(
        meeting=s_sep10,
        text="Alle kontorene tar i bruk sjekklista",
        follow_up="Fire av fem kontorer bruker den nå.",
    )
    DecisionFactory(meeting=s_sep10, text="Ressursgruppa får eget budsjett til fagdag")
    # After the period: must not count.
    _meeting(resource, 10, 14)

    def day(month, d):
        return datetime.date(year, month, d)

    InputFactory(
        programme=programme,
        group=resource,
        title="Brevene er vanskelige",
        raised_on=day(9, 3),
        feedback="Vi skriver dem om.",
        feedback_at=_at(9, 13, 12),
        status=Input.Status.DONE,
    )
    InputFactory(
        programme=programme,
        group=resource,
        title="Vanskelig å nå veilederen",
        raised_on=day(9, 5),
        feedback="Vi prøver ut mobilnummer.",
        feedback_at=_at(9, 25, 12),
        status=Input.Status.IN_PROGRESS,
    )
    InputFactory(
        programme=programme,
        group=resource,
        title="Lang kø i skranken",
        raised_on=day(9, 20),
        feedback_due_on=day(9, 25),
        assigned_office=beta,
    )
    InputFactory(
        programme=programme,
        group=resource,
        title="Egen buss til aktiviteter",
        raised_on=day(8, 1),
        feedback="Vi kan ikke sette opp buss.",
        feedback_at=_at(9, 15, 12),
        status=Input.Status.DECLINED,
        status_changed_at=_at(9, 15, 12),
        decline_reason="Ingen penger i år",
    )
    InputFactory(programme=programme, group=resource, title="Etter perioden", raised_on=day(10, 5))

    ActionItemFactory(meeting=r_sep2, title="Skrive nytt brev", owner=r1.person, due_on=day(9, 20))
    ActionItemFactory(
        meeting=p_sep5,
        title="Sende sjekklista",
        owner=a1.person,
        due_on=day(9, 28),
        status=ActionItem.Status.DONE,
    )
    ActionItemFactory(meeting=s_sep10, title="Budsjett for fagdag", due_on=day(10, 10))

    return SimpleNamespace(
        programme=programme,
        period=Period(start=day(9, 1), end=day(9, 30)),
        coordinator=coordinator,
        offices=SimpleNamespace(alfa=alfa, beta=beta),
        resource=resource,
        project=project,
        steering=steering,
        memberships=SimpleNamespace(r1=r1, r2=r2, r3=r3, r4=r4, a1=a1, b1=b1, l1=l1, l2=l2),
    )

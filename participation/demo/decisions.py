"""The steering group's decisions and their follow-ups in the demo: the latest steering
meeting held took two decisions (one followed up and done, one under way; its minutes not yet
approved), and the meeting before it took one whose follow-up is past its date. The steering
report's decisions section and its "follow-up overdue" item show them on any date.

Idempotent: nothing is added when a steering decision already has a follow-up. Seeded after
seed_follow_ups (the other groups' follow-ups), which stops once any decision has one.
"""

import datetime

from django.utils import timezone

from participation import services
from participation.models import ActionItem, Group, Meeting, Membership, Programme

LATEST = [
    (
        "Alle kontorene bruker sjekklista i første møte fra januar.",
        "Sende sjekklista til alle veiledere",
        30,
        ActionItem.Status.DONE,
    ),
    (
        "Ressursgruppa får eget budsjett til fagdag i vår.",
        "Legge fram budsjett for fagdagen",
        60,
        ActionItem.Status.OPEN,
    ),
]
EARLIER = (
    "Kontorlederne sørger for at veilederne får tid til prosjektgruppa.",
    "Avklare 10 % stilling for veilederne med kontorlederne",
    14,
)


def seed_decision_follow_ups(*, programme: Programme) -> None:
    """Decisions with follow-ups at the last two steering meetings held."""
    steering = programme.groups.filter(kind=Group.Kind.STEERING).first()
    if (
        steering is None
        or ActionItem.objects.filter(group=steering, decision__isnull=False).exists()
    ):
        return
    held = list(
        Meeting.objects.filter(group=steering, ends_at__lt=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")[:2]
    )
    if len(held) < 2:
        return
    latest, earlier = held
    leader = (
        Membership.objects.current()
        .filter(group=steering, role=Membership.Role.LEADER)
        .select_related("person")
        .order_by("pk")
        .first()
    )
    owner = leader.person if leader else programme.coordinators.order_by("pk").first()
    for text, title, days, status in LATEST:
        _follow_up(latest, text, title, owner, days, status)
    text, title, days = EARLIER
    _follow_up(earlier, text, title, owner, days, ActionItem.Status.OPEN)


def _follow_up(meeting, text, title, owner, days, status):
    decision = services.decision_add(meeting=meeting, text=text)
    item = services.decision_follow_up_add(
        decision=decision,
        title=title,
        owner=owner,
        due_on=timezone.localdate(meeting.starts_at) + datetime.timedelta(days=days),
    )
    if status != ActionItem.Status.OPEN:
        services.action_item_set_status(
            action_item=item, status=status, note="Sendt ut på e-post og tatt opp på fagmøtene."
        )

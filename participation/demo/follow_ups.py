"""Decisions followed up in the demo (issue 15): on any date, one follow-up done with a note,
one overdue and one open in the resource group, and one open for the Gjøvik advisor in the
project group. Seeded once: a second run changes nothing."""

import datetime

from django.utils import timezone

from participation import services
from participation.models import ActionItem, Group, Meeting, Programme, User

# (group kind, at least this many days ago, decision, follow-up, owner's email or None for
# the coordinator, state, what came of it)
FOLLOW_UPS = [
    (
        Group.Kind.RESOURCE,
        60,
        "Ressursgruppa skriver et forslag til et enklere innkallingsbrev.",
        "Sende forslaget til prosjektgruppa",
        "representative@example.org",
        ActionItem.Status.DONE,
        "Forslaget ble tatt inn i det nye brevet som alle fem kontorene bruker.",
    ),
    (
        Group.Kind.RESOURCE,
        21,
        "Vi ber om å få se den nye nettsiden om aktivitetsplikt før den publiseres.",
        "Spørre kommunikasjonsrådgiveren om en dato",
        "representative@example.org",
        "overdue",
        "",
    ),
    (
        Group.Kind.RESOURCE,
        0,
        "Gruppa inviterer en veileder fra NAV Østre Toten til et av de neste møtene.",
        "Avtale dato med NAV Østre Toten",
        None,
        ActionItem.Status.OPEN,
        "",
    ),
    (
        Group.Kind.PROJECT,
        0,
        "Hvert kontor prøver ut sjekklista på alle nye unge brukere i fire uker.",
        "Samle erfaringene fra NAV Gjøvik",
        "advisor@example.org",
        ActionItem.Status.OPEN,
        "",
    ),
]


def seed_follow_ups(*, programme: Programme) -> None:
    """Decisions with their follow-ups, dated from today so that each stays what it is."""
    groups = {g.kind: g for g in programme.groups.all()}
    if ActionItem.objects.filter(group__in=groups.values(), decision__isnull=False).exists():
        return
    today = timezone.localdate()
    now = timezone.now()
    coordinator = programme.coordinators.order_by("pk").first()
    for kind, days_ago, text, title, email, state, came_of_it in FOLLOW_UPS:
        meeting = (
            Meeting.objects.filter(
                group=groups[kind],
                ends_at__lt=now,
                starts_at__date__lte=today - datetime.timedelta(days=days_ago),
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-starts_at")
            .first()
        )
        if meeting is None:
            continue
        held_on = timezone.localdate(meeting.starts_at)
        decision = services.decision_add(meeting=meeting, text=text)
        if came_of_it:
            decision.follow_up = came_of_it
            decision.save(update_fields=["follow_up"])
        owner = User.objects.get(email=email) if email else coordinator
        if state == "overdue":
            # Two weeks after a meeting at least three weeks ago: late on any date.
            due_on = held_on + datetime.timedelta(days=14)
        elif state == ActionItem.Status.DONE:
            due_on = held_on + datetime.timedelta(days=21)
        else:
            due_on = max(today, held_on) + datetime.timedelta(days=10)
        item = services.decision_follow_up_add(
            decision=decision, title=title, owner=owner, due_on=due_on
        )
        if state == ActionItem.Status.DONE:
            services.action_item_set_status(
                action_item=item, status=ActionItem.Status.DONE, note="Sendt på e-post."
            )

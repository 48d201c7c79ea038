"""iCalendar data for meetings: one meeting's .ics, the calendar feeds and the email attachment.

Built with the icalendar library, never by hand: phones are strict about escaping, line
folding and time zones. Times carry TZID Europe/Oslo with a VTIMEZONE, so a meeting at 16:00
stays at 16:00 on both sides of a daylight-saving change.
"""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import groups_visible_to, programme_access_for
from .models import AgendaItem, CalendarFeed, Group, Meeting, Membership, Programme, User

PRODID = "-//Medvirk//NAV//NO"
# How far a feed reaches: phones need the coming year, and a little history is useful.
FEED_DAYS_BEFORE = 92
FEED_DAYS_AFTER = 366
# Calendar apps that honour these poll the feed about once an hour.
REFRESH_INTERVAL = datetime.timedelta(hours=1)


def meeting_uid(meeting: Meeting) -> str:
    """The same UID every time, so that a changed meeting replaces itself in the calendar."""
    return f"meeting-{meeting.pk}@medvirk"


def base_url() -> str:
    return settings.MEDVIRK_BASE_URL.rstrip("/")


def meeting_page_url(meeting: Meeting, *, base_url: str, slug: str | None = None) -> str:
    """The meeting's page in Medvirk (the programme page while no meeting page exists)."""
    slug = slug or programme_slug_of(meeting)
    if not slug:
        return base_url.rstrip("/") + "/"
    try:
        path = reverse("meeting_detail", kwargs={"slug": slug, "meeting_id": meeting.pk})
    except NoReverseMatch:
        path = reverse("programme_detail", kwargs={"slug": slug})
    return base_url.rstrip("/") + path


def programme_slug_of(meeting: Meeting) -> str | None:
    """The slug used in links to a meeting: annotated by `with_calendar_data`, else looked up."""
    slug = getattr(meeting, "programme_slug", None)
    if slug is None:
        programme = meeting.group.programmes.order_by("pk").first()
        slug = programme.slug if programme else None
    return slug


def accepted_agenda_items(meeting: Meeting) -> list[AgendaItem]:
    """The items on the agenda (proposals not yet accepted or declined are left out)."""
    items = getattr(meeting, "calendar_agenda_items", None)
    if items is None:
        items = list(
            meeting.agenda_items.filter(state=AgendaItem.State.ACCEPTED).order_by("number")
        )
    return items


def with_calendar_data(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with what their calendar entries need, in two queries whatever their number."""
    first_programme = (
        Programme.objects.filter(groups=OuterRef("group_id")).order_by("pk").values("slug")[:1]
    )
    return (
        meetings.select_related("group")
        .annotate(programme_slug=Subquery(first_programme))
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.filter(state=AgendaItem.State.ACCEPTED).order_by(
                    "number"
                ),
                to_attr="calendar_agenda_items",
            )
        )
        .order_by("starts_at")
    )


def meeting_description(meeting: Meeting, *, page_url: str) -> str:
    """The plain text shown under the meeting in the calendar, in the active language."""
    lines = []
    if meeting.is_cancelled:
        lines.append(_("This meeting is cancelled."))
        if meeting.cancel_reason:
            lines.append(meeting.cancel_reason)
        lines.append("")
    items = accepted_agenda_items(meeting)
    if items:
        lines.append(_("Agenda:"))
        lines.extend(f"{item.number}. {item.title}" for item in items)
        lines.append("")
    if meeting.video_url:
        lines.append(_("Video link: %(url)s") % {"url": meeting.video_url})
    lines.append(_("More about the meeting: %(url)s") % {"url": page_url})
    return "\n".join(lines)


def meeting_event(
    meeting: Meeting, *, base_url: str, slug: str | None = None, now=None
) -> icalendar.Event:
    """One meeting as a calendar event. Cancelled meetings are kept, marked CANCELLED, so that
    phones that already have them remove or strike them out."""
    tz = ZoneInfo(settings.TIME_ZONE)
    page_url = meeting_page_url(meeting, base_url=base_url, slug=slug)
    summary = meeting.display_title
    if meeting.is_cancelled:
        summary = _("Cancelled: %(meeting)s") % {"meeting": summary}
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(tz))
    event.add("dtend", meeting.ends_at.astimezone(tz))
    event.add("summary", summary)
    if meeting.place:
        event.add("location", meeting.place)
    event.add("description", meeting_description(meeting, page_url=page_url))
    event.add("url", page_url)
    # The model keeps no change counter. Cancelling is the change that must win over an earlier
    # copy; for other changes, calendars compare DTSTAMP when SEQUENCE is equal (RFC 5546).
    event.add("sequence", 1 if meeting.is_cancelled else 0)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def calendar_for(
    meetings: Iterable[Meeting], *, name: str, base_url: str, slug: str | None = None
) -> bytes:
    """A whole VCALENDAR with the meetings and the Europe/Oslo time zone, as bytes."""
    meetings = list(meetings)
    now = timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    # PUBLISH, not REQUEST: nobody is asked to answer, and replies would go nowhere.
    calendar.add("method", "PUBLISH")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, base_url=base_url, slug=slug, now=now))
    if meetings and hasattr(calendar, "add_missing_timezones"):
        # Only the years the meetings span: a shorter VTIMEZONE for phones on slow connections.
        first = min(m.starts_at for m in meetings).date() - datetime.timedelta(days=366)
        last = max(m.ends_at for m in meetings).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


# Which meetings a feed carries. The token is the only key: phones fetch it without a login.


def calendar_feed_by_token(token: str) -> CalendarFeed | None:
    """The feed with this token, if its owner may still log in."""
    return (
        CalendarFeed.objects.select_related("user", "group")
        .filter(token=token, user__is_active=True)
        .first()
    )


def personal_feed_groups(user: User) -> QuerySet[Group]:
    """The groups the user is a current member of, and every group of programmes they
    coordinate."""
    current = Membership.objects.current().filter(person=user).values("group_id")
    return Group.objects.filter(Q(pk__in=current) | Q(programmes__coordinators=user))


def user_can_see_group(user: User, group: Group) -> bool:
    """Whether the user may still see the group in any of its programmes (access.py decides)."""
    for programme in group.programmes.all():
        access = programme_access_for(user, programme)
        if not (access.is_coordinator or access.memberships):
            continue
        if groups_visible_to(access).filter(pk=group.pk).exists():
            return True
    return False


def feed_meetings(*, feed: CalendarFeed, now=None) -> QuerySet[Meeting] | None:
    """The meetings in a feed, from three months back to a year ahead, cancelled ones included.

    None when the feed no longer gives access: a group feed whose owner cannot see the group
    any more (left it, or lost their role).
    """
    now = now or timezone.now()
    if feed.group_id is None:
        group_ids = personal_feed_groups(feed.user).values("pk")
    elif user_can_see_group(feed.user, feed.group):
        group_ids = [feed.group_id]
    else:
        return None
    return with_calendar_data(
        Meeting.objects.filter(
            group__in=group_ids,
            starts_at__gte=now - datetime.timedelta(days=FEED_DAYS_BEFORE),
            starts_at__lte=now + datetime.timedelta(days=FEED_DAYS_AFTER),
        )
    )


def feed_url(feed: CalendarFeed) -> str:
    """The feed's https address (what Android and desktop calendars take)."""
    return base_url() + reverse("calendar_feed", kwargs={"token": feed.token})


def webcal_url(feed: CalendarFeed) -> str:
    """The same address as webcal://, which makes an iPhone offer to subscribe."""
    url = feed_url(feed)
    return "webcal://" + url.split("://", 1)[1]

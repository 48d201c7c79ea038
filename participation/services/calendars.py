"""Calendar feeds (secret addresses for phones) and the meeting invitation with its .ics."""

from dataclasses import dataclass
from email.mime.text import MIMEText

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from .. import ical
from ..models import CalendarFeed, Group, Meeting, Membership, User
from ..models.calendars import new_feed_token


def calendar_feed_create(*, user: User, group: Group | None = None) -> CalendarFeed:
    """Give the user a secret feed address: personal (no group) or for one group they may see.

    An existing address is kept, so pressing the button twice does not break a calendar that
    already uses it.
    """
    if group is not None and not ical.user_can_see_group(user, group):
        raise ValidationError(_("You can only make a calendar link for your own groups."))
    feed, _created = CalendarFeed.objects.get_or_create(user=user, group=group)
    return feed


def calendar_feed_reset(*, user: User, group: Group | None = None) -> CalendarFeed:
    """Replace the secret address; the old one stops working at once."""
    feed = CalendarFeed.objects.filter(user=user, group=group).first()
    if feed is None:
        raise ValidationError(_("There is no calendar link to replace. Create one first."))
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed


def calendar_feed_revoke(*, user: User, group: Group | None = None) -> bool:
    """Delete the feed, so its address stops working. True if there was one."""
    deleted, _details = CalendarFeed.objects.filter(user=user, group=group).delete()
    return deleted > 0


def _calendar_attachment(ics: bytes, filename: str) -> MIMEText:
    part = MIMEText(ics.decode(), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def _invitation_members(meeting: Meeting) -> list[User]:
    """The group's current, active members, each once, by name."""
    people = {}
    for membership in (
        Membership.objects.current()
        .filter(group=meeting.group_id, person__is_active=True)
        .select_related("person")
        .order_by("person__display_name")
    ):
        # Someone with two roles in the group still gets one email.
        people.setdefault(membership.person_id, membership.person)
    return list(people.values())


@dataclass
class InvitationPreview:
    """What sending the agenda will do: who gets it, by which channel, and the message."""

    recipients: list[User]
    without_email: list[User]
    subject: str
    text: str


def meeting_invitation_preview(*, meeting: Meeting, now=None) -> InvitationPreview:
    """The invitation as the check step shows it, in the viewer's language, with a stand-in
    for each member's first name. Sends nothing."""
    now = now or timezone.now()
    members = _invitation_members(meeting)
    agenda_deadline = meeting.agenda_deadline
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "agenda_items": ical.accepted_agenda_items(meeting),
        "agenda_deadline": agenda_deadline if agenda_deadline > now else None,
        "meeting_url": ical.meeting_page_url(meeting, base_url=ical.base_url()),
        "person": {"get_short_name": _("(first name)")},
    }
    return InvitationPreview(
        recipients=[person for person in members if person.email],
        without_email=[person for person in members if not person.email],
        subject=_invitation_subject(meeting),
        text=render_to_string("participation/email/meeting_invitation.txt", context),
    )


def _invitation_subject(meeting: Meeting) -> str:
    return _("Invitation: %(group)s %(date)s") % {
        "group": meeting.group.name,
        "date": formats.date_format(timezone.localtime(meeting.starts_at)),
    }


def meeting_invitation_send(*, meeting: Meeting, now=None) -> int:
    """Email every current member of the meeting's group the time, place, agenda and a calendar
    file, each in their own language. A cancelled meeting sends nothing. Returns the number
    of emails sent."""
    if meeting.is_cancelled:
        return 0
    now = now or timezone.now()
    meeting = ical.with_calendar_data(Meeting.objects.filter(pk=meeting.pk)).first()
    if meeting is None or meeting.is_cancelled:
        return 0
    people = {person.pk: person for person in _invitation_members(meeting) if person.email}
    base_url = ical.base_url()
    page_url = ical.meeting_page_url(meeting, base_url=base_url)
    agenda_deadline = meeting.agenda_deadline
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "agenda_items": ical.accepted_agenda_items(meeting),
        "agenda_deadline": agenda_deadline if agenda_deadline > now else None,
        "meeting_url": page_url,
    }
    messages = []
    for person in people.values():
        with translation.override(person.language or settings.LANGUAGE_CODE):
            ics = ical.calendar_for([meeting], name=meeting.display_title, base_url=base_url)
            subject = _invitation_subject(meeting)
            person_context = {**context, "person": person}
            text = render_to_string("participation/email/meeting_invitation.txt", person_context)
            html = render_to_string("participation/email/meeting_invitation.html", person_context)
        message = EmailMultiAlternatives(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=text, to=[person.email]
        )
        message.attach_alternative(html, "text/html")
        message.attach(_calendar_attachment(ics, "motet.ics"))
        messages.append(message)
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0

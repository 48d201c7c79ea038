"""Sending reminders and notices: once per person and occasion, by the channel they chose.

How a notice goes out (see SentNotification): the occasions are claimed by inserting rows
under a unique constraint and committing, THEN the message is sent, then the rows are marked
sent. Two sweeps at once: the second insert fails and that sweep skips. Sending fails (mail
server down): the claims are deleted and the next sweep tries again, so nothing is lost. A
worker killed mid-send: the claims stay and the reminder is not sent again (at most once).
"""

import datetime
import logging
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ..models import (
    GroupReminderSettings,
    NotificationChannel,
    NotificationKind,
    NotificationPreference,
    SentNotification,
    User,
)

logger = logging.getLogger(__name__)

# --- SMS ------------------------------------------------------------------------------------
# A backend is any class with `send_sms(to, text)`. MEDVIRK_SMS_BACKEND names it; a real
# provider is a class of a few lines that posts to its API.


class ConsoleSmsBackend:
    """Writes each text message to standard output (development)."""

    def send_sms(self, to: str, text: str) -> None:
        sys.stdout.write(f"SMS to {to}:\n{text}\n{'-' * 40}\n")
        sys.stdout.flush()


class FileSmsBackend:
    """Appends each message to `sms.log` in MEDVIRK_SMS_FILE_PATH (tests, demos)."""

    lock = threading.Lock()

    def send_sms(self, to: str, text: str) -> None:
        folder = Path(settings.MEDVIRK_SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        with self.lock, (folder / "sms.log").open("a", encoding="utf-8") as log:
            log.write(f"To: {to}\n{text}\n{'-' * 40}\n")


class LocmemSmsBackend:
    """Keeps messages in `LocmemSmsBackend.outbox` as (to, text) pairs (tests)."""

    outbox: list[tuple[str, str]] = []

    def send_sms(self, to: str, text: str) -> None:
        self.outbox.append((to, text))


def send_sms(to: str, text: str) -> None:
    """Send one text message through the configured backend."""
    backend = import_string(
        getattr(
            settings,
            "MEDVIRK_SMS_BACKEND",
            "participation.services.notifications.ConsoleSmsBackend",
        )
    )()
    backend.send_sms(to, text)


# --- When and how ---------------------------------------------------------------------------


def in_quiet_hours(now: datetime.datetime) -> bool:
    """Nothing is sent in the evening and at night (Oslo time): 21:00 to 08:00 by default."""
    start = getattr(settings, "MEDVIRK_QUIET_HOURS_START", 21)
    end = getattr(settings, "MEDVIRK_QUIET_HOURS_END", 8)
    hour = timezone.localtime(now).hour
    if start == end:
        return False
    if start > end:
        return hour >= start or hour < end
    return start <= hour < end


def channels_for(*, people, kind: str) -> dict[int, str]:
    """Each person's channel for the kind, in one query: email unless they chose otherwise.
    SMS without a mobile number falls back to email, so that nobody misses a reminder."""
    people = list(people)
    chosen = dict(
        NotificationPreference.objects.filter(person__in=people, kind=kind).values_list(
            "person_id", "channel"
        )
    )
    channels = {}
    for person in people:
        channel = chosen.get(person.pk, NotificationChannel.EMAIL)
        if channel == NotificationChannel.SMS and not person.phone.strip():
            channel = NotificationChannel.EMAIL
        if channel == NotificationChannel.EMAIL and not person.email:
            channel = NotificationChannel.NONE
        channels[person.pk] = channel
    return channels


def preferences_url() -> str:
    return settings.MEDVIRK_BASE_URL.rstrip("/") + reverse("notification_preferences")


# --- Sending --------------------------------------------------------------------------------


@dataclass
class Notice:
    """One message to one person, about one or more occasions (e.g. three overdue items).

    `occasions` pairs each occasion key with the object it is about; the message lists only
    the occasions this send claimed. Templates: `{email_template}.txt`, `.html` and
    `_subject.txt`, and `sms_template`.
    """

    kind: str
    recipient: User
    occasions: list[tuple[str, Any]]
    email_template: str
    sms_template: str
    context: dict = field(default_factory=dict)
    attachments: list = field(default_factory=list)
    # Decided by the sweep in one query for all recipients; looked up when left out.
    channel: str | None = None


def notification_claim(
    *, recipient: User, kind: str, occasion_keys: list[str], channel: str, now=None
) -> list[str]:
    """Insert a claim per occasion and commit; returns the keys this call won.

    Each insert runs in its own savepoint, so an occasion already claimed (by an earlier
    sweep or one running right now) is skipped while the others are claimed.
    """
    now = now or timezone.now()
    status = (
        SentNotification.Status.SKIPPED
        if channel == NotificationChannel.NONE
        else SentNotification.Status.CLAIMED
    )
    won = []
    with transaction.atomic():
        for key in occasion_keys:
            try:
                with transaction.atomic():
                    SentNotification.objects.create(
                        recipient=recipient,
                        kind=kind,
                        occasion_key=key,
                        channel=channel,
                        status=status,
                        claimed_at=now,
                    )
            except IntegrityError:
                continue
            won.append(key)
    return won


def notification_send(*, notice: Notice, now=None) -> str | None:
    """Send the notice once per occasion by the recipient's channel.

    Returns the channel used ("none" when the person chose nothing), or None when every
    occasion had already been claimed. Raises if sending fails, after releasing the claims.
    """
    if notice.kind not in NotificationKind.values:
        raise ValidationError(_("Unknown kind of notice: %(kind)s") % {"kind": notice.kind})
    now = now or timezone.now()
    recipient = notice.recipient
    channel = notice.channel or channels_for(people=[recipient], kind=notice.kind)[recipient.pk]
    keys = [key for key, _obj in notice.occasions]
    won = notification_claim(
        recipient=recipient, kind=notice.kind, occasion_keys=keys, channel=channel, now=now
    )
    if not won:
        return None
    if channel == NotificationChannel.NONE:
        return channel
    claims = SentNotification.objects.filter(
        recipient=recipient, kind=notice.kind, occasion_key__in=won
    )
    items = [obj for key, obj in notice.occasions if key in won]
    try:
        if channel == NotificationChannel.SMS:
            send_sms(recipient.phone, _render_sms(notice, items))
        else:
            _email(notice, items).send()
    except Exception:
        # Nothing was delivered (as far as we know): free the occasions for the next sweep.
        claims.delete()
        raise
    claims.update(status=SentNotification.Status.SENT, sent_at=timezone.now())
    return channel


def _context(notice: Notice, items: list) -> dict:
    return {
        **notice.context,
        "person": notice.recipient,
        "items": items,
        "preferences_url": preferences_url(),
        "base_url": settings.MEDVIRK_BASE_URL.rstrip("/"),
    }


def _language(person: User) -> str:
    return person.language or settings.LANGUAGE_CODE


def _render_sms(notice: Notice, items: list) -> str:
    with translation.override(_language(notice.recipient)):
        return render_to_string(notice.sms_template, _context(notice, items)).strip()


def _email(notice: Notice, items: list) -> EmailMultiAlternatives:
    context = _context(notice, items)
    with translation.override(_language(notice.recipient)):
        subject = " ".join(
            render_to_string(f"{notice.email_template}_subject.txt", context).split()
        )
        text = render_to_string(f"{notice.email_template}.txt", context)
        html = render_to_string(f"{notice.email_template}.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=text,
        to=[notice.recipient.email],
        headers={"List-Unsubscribe": f"<{context['preferences_url']}>"},
    )
    message.attach_alternative(html, "text/html")
    for attachment in notice.attachments:
        if isinstance(attachment, tuple):
            message.attach(*attachment)
        else:
            message.attach(attachment)
    return message


# --- Preferences ----------------------------------------------------------------------------


def notification_preferences(*, person: User) -> dict[str, str]:
    """The person's channel for every kind (email where they chose nothing)."""
    chosen = dict(person.notification_preferences.values_list("kind", "channel"))
    return {kind: chosen.get(kind, NotificationChannel.EMAIL) for kind in NotificationKind.values}


@transaction.atomic
def notification_preferences_set(*, person: User, channels: dict[str, str]) -> None:
    """Store the person's choice per kind. SMS needs a mobile number on the account."""
    errors = {}
    for kind, channel in channels.items():
        if kind not in NotificationKind.values or channel not in NotificationChannel.values:
            errors[kind] = _("Choose email, text message or nothing.")
        elif channel == NotificationChannel.SMS and not person.phone.strip():
            errors[kind] = _(
                "We have no mobile number for you. Choose email, or ask the coordinator to add "
                "your number."
            )
    if errors:
        raise ValidationError(errors)
    for kind, channel in channels.items():
        NotificationPreference.objects.update_or_create(
            person=person, kind=kind, defaults={"channel": channel}
        )


def group_reminder_settings_save(
    *, group, day_before_at: datetime.time, invitation_days_before: int
) -> GroupReminderSettings:
    """When the group's reminder the day before and its invitation go out."""
    if not 1 <= invitation_days_before <= 30:
        raise ValidationError(
            {"invitation_days_before": _("Choose a number of days from 1 to 30.")}
        )
    settings_row, _created = GroupReminderSettings.objects.update_or_create(
        group=group,
        defaults={"day_before_at": day_before_at, "invitation_days_before": invitation_days_before},
    )
    return settings_row

"""Secret calendar feeds, so that meetings show up in people's phone calendars."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Group


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A personal feed (group empty: every meeting of one's groups) or one group's feed.

    The token is the only key; revoking deletes the row, so the old address stops working.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feeds"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="one_feed_per_user_and_group"),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(group__isnull=True),
                name="one_personal_feed_per_user",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.group or _('personal')}"

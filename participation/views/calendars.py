"""Calendars: a meeting's .ics, the secret feeds for phones, and the annual plan (årshjul)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import ical, services
from ..access import access_meeting, access_programme, groups_visible_to
from ..models import CalendarFeed, Meeting
from ..selectors.plan import annual_plan as annual_plan_selector

FIRST_PLAN_YEAR = 2000
LAST_PLAN_YEAR = 2100


def _ics_response(content: bytes, *, filename: str, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_required
def meeting_ics(request, slug, meeting_id):
    """One meeting as a calendar file, to open on a phone or a computer."""
    access, meeting = access_meeting(request.user, slug, meeting_id)
    meeting = ical.with_calendar_data(Meeting.objects.filter(pk=meeting.pk)).get()
    content = ical.calendar_for(
        [meeting], name=meeting.display_title, base_url=ical.base_url(), slug=slug
    )
    day = timezone.localdate(meeting.starts_at).isoformat()
    filename = f"{slugify(meeting.group.name) or 'meeting'}-{day}.ics"
    return _ics_response(content, filename=filename, download=True)


@require_safe
def calendar_feed(request, token):
    """A feed that phones fetch with no login: the secret token is the key. Unknown, removed
    or no longer allowed → 404, the same answer in every case."""
    feed = ical.calendar_feed_by_token(token)
    if feed is None:
        raise Http404
    meetings = ical.feed_meetings(feed=feed)
    if meetings is None:
        raise Http404
    # The feed has no session: its words are in the owner's language.
    with translation.override(feed.user.language or settings.LANGUAGE_CODE):
        name = feed.group.name if feed.group else _("Medvirk – my meetings")
        content = ical.calendar_for(meetings, name=name, base_url=ical.base_url())
    response = _ics_response(content, filename="medvirk.ics", download=False)
    response["Cache-Control"] = "private, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
def calendar_settings(request, slug):
    """How to get the meetings into one's phone, and the secret links to do it with."""
    access = access_programme(request.user, slug)
    feeds = {feed.group_id: feed for feed in CalendarFeed.objects.filter(user=request.user)}
    groups = list(groups_visible_to(access))
    group_feeds = [(group, _links(feeds.get(group.pk))) for group in groups]
    return render(
        request,
        "participation/calendars/settings.html",
        {
            "access": access,
            "programme": access.programme,
            "personal": _links(feeds.get(None)),
            "group_feeds": group_feeds,
        },
    )


def _links(feed: CalendarFeed | None) -> dict | None:
    if feed is None:
        return None
    return {
        "feed": feed,
        "https": ical.feed_url(feed),
        "webcal": ical.webcal_url(feed),
        "field_id": f"feed-{feed.group_id or 'personal'}",
    }


def _group_from_post(request, access):
    """The group named in the form (empty: the personal feed); 404 if the user cannot see it."""
    raw = request.POST.get("group", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404
    group = groups_visible_to(access).filter(pk=int(raw)).first()
    if group is None:
        raise Http404
    return group


@login_required
@require_POST
def calendar_feed_create(request, slug):
    access = access_programme(request.user, slug)
    group = _group_from_post(request, access)
    services.calendar_feed_create(user=request.user, group=group)
    messages.success(request, _("Your calendar link is ready. Add it to your phone below."))
    return redirect("calendar_settings", slug=slug)


@login_required
@require_POST
def calendar_feed_reset(request, slug):
    access = access_programme(request.user, slug)
    group = _group_from_post(request, access)
    try:
        services.calendar_feed_reset(user=request.user, group=group)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "You have a new calendar link. The old one no longer works: add the new one "
                "to your phone."
            ),
        )
    return redirect("calendar_settings", slug=slug)


@login_required
@require_POST
def calendar_feed_revoke(request, slug):
    access = access_programme(request.user, slug)
    group = _group_from_post(request, access)
    if services.calendar_feed_revoke(user=request.user, group=group):
        messages.success(
            request,
            _("The calendar link is removed. The meetings will disappear from your phone."),
        )
    return redirect("calendar_settings", slug=slug)


@login_required
def annual_plan(request, slug):
    access_programme(request.user, slug)
    return redirect("annual_plan_year", slug=slug, year=timezone.localdate().year)


@login_required
def annual_plan_year(request, slug, year):
    """The year at a glance: every meeting, agenda deadline and action item due, by month."""
    access = access_programme(request.user, slug)
    if not FIRST_PLAN_YEAR <= year <= LAST_PLAN_YEAR:
        raise Http404
    plan = annual_plan_selector(access=access, year=year)
    return render(
        request,
        "participation/plan/annual_plan.html",
        {
            "access": access,
            "programme": access.programme,
            "plan": plan,
            "below_minimum": [g for g in plan.groups if g.is_below_minimum],
            "previous_year": year - 1 if year > FIRST_PLAN_YEAR else None,
            "next_year": year + 1 if year < LAST_PLAN_YEAR else None,
            "this_year": timezone.localdate().year,
        },
    )


urlpatterns = [
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/calendar.ics",
        meeting_ics,
        name="meeting_ics",
    ),
    path("calendar/<str:token>.ics", calendar_feed, name="calendar_feed"),
    path("p/<slug:slug>/calendar/", calendar_settings, name="calendar_settings"),
    path("p/<slug:slug>/calendar/link/", calendar_feed_create, name="calendar_feed_create"),
    path("p/<slug:slug>/calendar/link/new/", calendar_feed_reset, name="calendar_feed_reset"),
    path("p/<slug:slug>/calendar/link/remove/", calendar_feed_revoke, name="calendar_feed_revoke"),
    path("p/<slug:slug>/plan/", annual_plan, name="annual_plan"),
    path("p/<slug:slug>/plan/<int:year>/", annual_plan_year, name="annual_plan_year"),
]

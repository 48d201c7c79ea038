"""The approved minutes of a meeting as a PDF, to send to the members.

Read through participation's access rules and selectors, like the meeting page: whoever may
see the meeting may have its minutes, once they are approved. Drafts never leave as a PDF.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.access import access_meeting
from participation.models import AuditEvent
from participation.selectors.meeting_pages import attendance_summary
from participation.selectors.meetings import meeting_detail
from participation.services.audit import audit_event

from ..pdf import render_pdf


@login_required
def meeting_minutes_pdf(request, slug, meeting_id):
    """The approved minutes: attendance, the agenda with its minutes, decisions, action items."""
    access, meeting = access_meeting(request.user, slug, meeting_id)
    if not meeting.minutes_are_approved:
        raise Http404
    detail = meeting_detail(meeting=meeting)
    pdf = render_pdf(
        "reports/minutes/minutes.html",
        {
            "programme": access.programme,
            "meeting": meeting,
            "group": meeting.group,
            "detail": detail,
            # The users' standing item first, as on the meeting page.
            "agenda": sorted(
                detail.agenda_items, key=lambda item: (not item.is_from_users, item.number)
            ),
            "attendance": attendance_summary(detail=detail),
        },
    )
    audit_event(
        actor=request.user,
        action=AuditEvent.Action.DOWNLOADED,
        programme=access.programme,
        subject=_("Minutes of %(group)s, %(date)s")
        % {
            "group": meeting.group.name,
            # An audit subject is a record, searched by date: ISO, whatever the reader's language.
            "date": timezone.localdate(meeting.starts_at).isoformat(),
        },
        detail="PDF",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"minutes-{meeting.starts_at:%Y-%m-%d}-{meeting.pk}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


urlpatterns = [
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/minutes.pdf",
        meeting_minutes_pdf,
        name="meeting_minutes_pdf",
    ),
]

"""Reports: ask for one, render and store it, retry a failed one, and the schedule that
makes and sends the steering report before each steering-group meeting.

Status moves by conditional updates (`filter(pk=…, status=…).update(…)`): only the worker
whose update changed a row goes on, so a report is never rendered twice at once.
"""

import datetime
import logging
import time

from celery.exceptions import Retry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from participation.models import Group, Meeting, Membership, NotificationKind, Programme, User
from participation.services.notifications import Notice, in_quiet_hours, notification_send

from .attention import attention_section
from .models import Report, ReportSchedule
from .pdf import render_pdf
from .sections import Period, ReportInput, SectionFailed, build_sections

logger = logging.getLogger(__name__)

# Errors worth another try: a full disk, a storage or mail server that did not answer, a
# section of the report that raised (a database that hiccupped; if it lasts, the report fails
# after the last try, naming the section).
TRANSIENT_ERRORS = (OSError, SectionFailed)
# A report still running after this long lost its worker; another worker may take it over.
STALE_AFTER = datetime.timedelta(minutes=30)
STEERING_TEMPLATE = "reports/steering/report.html"
STEERING_STYLESHEETS = ("reports/steering.css",)
# The longest period one report covers; longer ones are refused with a clear message.
MAX_PERIOD_DAYS = 3 * 366


# --- The period -----------------------------------------------------------------------------


def steering_groups(programme: Programme):
    return programme.groups.filter(kind=Group.Kind.STEERING)


def default_period(*, programme: Programme, now=None) -> Period:
    """Since the previous steering-group meeting (its day included) until today; from the
    programme's start when the steering group has not met yet."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    previous = (
        Meeting.objects.filter(group__in=steering_groups(programme), starts_at__lt=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )
    start = timezone.localdate(previous.starts_at) if previous else programme.starts_on
    return Period(start=min(start, today), end=today)


def period_validate(
    *, start: datetime.date, end: datetime.date, today: datetime.date | None = None
) -> Period:
    """The period, or a ValidationError with a message per field."""
    today = today or timezone.localdate()
    if start > today:
        raise ValidationError(
            {
                "period_start": _(
                    "The period has not started yet. Choose a start on or before today."
                )
            }
        )
    if end < start:
        raise ValidationError({"period_end": _("The end must be on or after the start.")})
    if (end - start).days > MAX_PERIOD_DAYS:
        raise ValidationError({"period_start": _("Choose a period of at most three years.")})
    return Period(start=start, end=end)


# --- Rendering ------------------------------------------------------------------------------


def steering_report_context(
    *, programme: Programme, period: Period, now=None, internal: bool = False
) -> dict:
    """Everything the steering report's template shows, section by section. The internal
    version (for coordinators only) names young members and says so on every page."""
    now = now or timezone.now()
    groups = list(programme.groups.order_by("kind", "name"))
    source = ReportInput(
        programme=programme, period=period, now=now, groups=groups, internal=internal
    )
    sections = build_sections(source)
    try:
        attention = attention_section(source, {section.slug: section for section in sections})
    except Exception as error:
        raise SectionFailed("attention") from error
    return {
        "programme": programme,
        "period": period,
        "generated_at": now,
        "sections": [attention, *sections],
        "attention": attention,
        "key_figures": sections[0],
        "body_sections": sections[1:],
        "internal": internal,
    }


def steering_report_pdf(
    *,
    programme: Programme,
    period: Period,
    now=None,
    language: str | None = None,
    internal: bool = False,
    page_one: list | None = None,
) -> bytes:
    """The steering report as tagged PDF bytes (also what build_report writes). Given a list
    as `page_one`, its attention items are added to it, for the report's page in the app."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = steering_report_context(
            programme=programme, period=period, now=now, internal=internal
        )
        if page_one is not None:
            page_one.extend(
                {"text": i.text, "figure": i.figure, "url": i.url}
                for i in context["attention"].data["items"]
            )
        return render_pdf(
            STEERING_TEMPLATE, context, stylesheets=STEERING_STYLESHEETS, language=language
        )


# --- The report record ----------------------------------------------------------------------


@transaction.atomic
def report_request(
    *,
    programme: Programme,
    requested_by: User | None,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    for_meeting: Meeting | None = None,
    now=None,
    language: str | None = None,
) -> Report:
    """Store a queued report and queue its rendering once the transaction commits. A period
    left out is the default (since the previous steering meeting). The PDF is made in
    `language` (the page language of the person asking), else the requester's own language,
    else the service's default."""
    now = now or timezone.now()
    default = default_period(programme=programme, now=now)
    period = period_validate(
        start=period_start or default.start,
        end=period_end or default.end,
        today=timezone.localdate(now),
    )
    report = Report(
        programme=programme,
        kind=Report.Kind.STEERING,
        period_start=period.start,
        period_end=period.end,
        parameters={"language": _report_language(language, requested_by)},
        requested_by=requested_by,
        requested_at=now,
        for_meeting=for_meeting,
    )
    report.full_clean(validate_constraints=False)
    report.save()
    _queue_render(report.pk)
    return report


def _report_language(language: str | None, requested_by: User | None) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    for candidate in (language, getattr(requested_by, "language", None)):
        if candidate in known:
            return candidate
    return settings.LANGUAGE_CODE


def _queue_render(report_id: int) -> None:
    from .tasks import render_report

    def start():
        try:
            render_report.delay(report_id)
        except Exception as error:
            # The broker refused the task, or (with tasks run in-process, no broker) the
            # rendering failed: the report shows why and can be tried again.
            logger.exception("Report %s could not be queued or rendered", report_id)
            report_fail(report_id=report_id, error=error)

    transaction.on_commit(start, robust=True)


def report_render(*, report_id: int, now=None) -> Report | None:
    """Render a queued report and store the PDF: queued → running → done, or failed with
    the reason. Returns None when another worker has it (or it is already finished).

    A transient error (OSError) puts the report back in the queue and is raised, so that the
    task tries again; any other error marks the report failed with the reason.
    """
    now = now or timezone.now()
    claimed = (
        Report.objects.filter(pk=report_id)
        .filter(
            Q(status=Report.Status.QUEUED)
            | Q(status=Report.Status.RUNNING, started_at__lt=now - STALE_AFTER)
        )
        .update(
            status=Report.Status.RUNNING,
            started_at=now,
            finished_at=None,
            error="",
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return None
    report = Report.objects.select_related("programme").get(pk=report_id)
    began = time.monotonic()
    page_one: list[dict] = []
    try:
        pdf = steering_report_pdf(
            programme=report.programme,
            period=Period(start=report.period_start, end=report.period_end),
            now=now,
            language=report.parameters.get("language"),
            page_one=page_one,
        )
        if report.file:
            report.file.delete(save=False)
        report.file.save(report.filename, ContentFile(pdf), save=False)
    except TRANSIENT_ERRORS as error:
        logger.warning("Report %s failed; it is tried again", report_id, exc_info=True)
        Report.objects.filter(pk=report_id, status=Report.Status.RUNNING).update(
            status=Report.Status.QUEUED,
            error=_describe(error),
            parameters=_with_failed_section(report.parameters, error),
        )
        raise
    except Exception as error:
        logger.exception("Report %s failed", report_id)
        report_fail(report_id=report_id, error=error)
        return Report.objects.get(pk=report_id)
    finished = now + datetime.timedelta(seconds=time.monotonic() - began)
    Report.objects.filter(pk=report_id, status=Report.Status.RUNNING).update(
        status=Report.Status.DONE,
        file=report.file.name,
        finished_at=finished,
        error="",
        parameters={**_with_failed_section(report.parameters, None), "attention": page_one},
    )
    return Report.objects.get(pk=report_id)


def report_fail(*, report_id: int, error: BaseException | str) -> bool:
    """Mark a report that is not finished as failed, keeping the reason (and the section
    that raised, for the report's page). True if it was."""
    parameters = (
        Report.objects.filter(pk=report_id).values_list("parameters", flat=True).first() or {}
    )
    return bool(
        Report.objects.filter(
            pk=report_id, status__in=[Report.Status.QUEUED, Report.Status.RUNNING]
        ).update(
            status=Report.Status.FAILED,
            error=_describe(error),
            finished_at=timezone.now(),
            parameters=_with_failed_section(parameters, error),
        )
    )


def _unwrapped(error):
    if isinstance(error, Retry) and isinstance(error.exc, BaseException):
        return _unwrapped(error.exc)
    return error


def _with_failed_section(parameters: dict, error) -> dict:
    """The parameters with the failed section's name (or without one)."""
    kept = {key: value for key, value in (parameters or {}).items() if key != "failed_section"}
    error = _unwrapped(error)
    if isinstance(error, SectionFailed):
        kept["failed_section"] = error.section
    return kept


def _describe(error: BaseException | str) -> str:
    if isinstance(error, str):
        return error
    if isinstance(error, Retry) and isinstance(error.exc, BaseException):
        return _describe(error.exc)
    if isinstance(error, SectionFailed) and isinstance(error.__cause__, BaseException):
        return f"{error.section}: {_describe(error.__cause__)}"
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@transaction.atomic
def report_retry(*, report: Report) -> Report:
    """Queue a failed report again."""
    changed = Report.objects.filter(pk=report.pk, status=Report.Status.FAILED).update(
        status=Report.Status.QUEUED, error="", started_at=None, finished_at=None
    )
    if not changed:
        raise ValidationError(_("Only a report that failed can be tried again."))
    _queue_render(report.pk)
    report.refresh_from_db()
    return report


# --- The schedule ---------------------------------------------------------------------------


def schedule_for(programme: Programme) -> ReportSchedule:
    """The programme's schedule; the defaults from the settings when none is stored."""
    schedule = ReportSchedule.objects.filter(programme=programme).first()
    return schedule or ReportSchedule(
        programme=programme,
        days_before=getattr(settings, "MEDVIRK_STEERING_REPORT_DAYS_BEFORE", 5),
        attach_pdf=getattr(settings, "MEDVIRK_STEERING_REPORT_ATTACH_PDF", False),
    )


def report_schedule_save(
    *, programme: Programme, is_active: bool, days_before: int, attach_pdf: bool
) -> ReportSchedule:
    """Store when the programme's steering report is made and whether the PDF is attached."""
    if not 1 <= days_before <= 30:
        raise ValidationError({"days_before": _("Choose a number of days from 1 to 30.")})
    schedule, _created = ReportSchedule.objects.update_or_create(
        programme=programme,
        defaults={"is_active": is_active, "days_before": days_before, "attach_pdf": attach_pdf},
    )
    return schedule


def scheduled_reports_make(*, now=None) -> list[Report]:
    """For each steering meeting within its programme's days-before window, make the report
    once (a unique constraint per meeting) and queue it. Returns the reports made now."""
    now = now or timezone.now()
    made = []
    for programme in Programme.objects.filter(groups__kind=Group.Kind.STEERING).distinct():
        schedule = schedule_for(programme)
        if not schedule.is_active:
            continue
        meetings = (
            Meeting.objects.filter(
                group__in=steering_groups(programme),
                starts_at__gt=now,
                starts_at__lte=now + datetime.timedelta(days=schedule.days_before),
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at")
        )
        for meeting in meetings:
            if Report.objects.filter(programme=programme, for_meeting=meeting).exists():
                continue
            try:
                with transaction.atomic():
                    made.append(
                        report_request(
                            programme=programme, requested_by=None, for_meeting=meeting, now=now
                        )
                    )
            except IntegrityError:
                continue  # another run made it a moment ago
    return made


def report_url(report: Report) -> str:
    return settings.MEDVIRK_BASE_URL.rstrip("/") + reverse(
        "reports:report_detail", kwargs={"slug": report.programme.slug, "report_id": report.pk}
    )


def report_email_steering(*, report: Report, now=None) -> int:
    """Email a finished scheduled report to the steering group's current members: a link
    behind the login, with the PDF attached only where the programme allows it. Once per
    member (the notification log); deferred in the quiet hours. Returns messages sent.

    Raises OSError when some could not be sent, after sending the others, so that the task
    tries again for the rest."""
    now = now or timezone.now()
    if not report.is_done or report.for_meeting_id is None or report.emailed_at is not None:
        return 0
    if in_quiet_hours(now):
        return 0
    schedule = schedule_for(report.programme)
    attachments = []
    if schedule.attach_pdf:
        report.file.open("rb")
        try:
            attachments.append((report.filename, report.file.read(), "application/pdf"))
        finally:
            report.file.close()
    people = {}
    for membership in (
        Membership.objects.current(on=timezone.localdate(now))
        .filter(group__in=steering_groups(report.programme), person__is_active=True)
        .select_related("person")
        .order_by("person__display_name")
    ):
        people.setdefault(membership.person_id, membership.person)
    meeting = report.for_meeting
    sent, failed = 0, 0
    for person in people.values():
        notice = Notice(
            kind=NotificationKind.STEERING_REPORT,
            recipient=person,
            occasions=[(f"report:{report.pk}", report)],
            email_template="reports/steering/email/report_ready",
            sms_template="reports/steering/email/report_ready_sms.txt",
            context={
                "report": report,
                "programme": report.programme,
                "meeting": meeting,
                "report_url": report_url(report),
                "is_attached": bool(attachments),
            },
            attachments=list(attachments),
        )
        try:
            channel = notification_send(notice=notice, now=now)
        except Exception:
            logger.exception("Emailing report %s to %s failed", report.pk, person.pk)
            failed += 1
            continue
        if channel not in (None, "none"):
            sent += 1
    if failed:
        raise OSError(f"{failed} of {len(people)} steering-group emails could not be sent")
    Report.objects.filter(pk=report.pk, emailed_at__isnull=True).update(emailed_at=now)
    return sent


def scheduled_reports_send(*, now=None) -> int:
    """Email every finished scheduled report not yet emailed (catching up after quiet hours
    or a mail server that was down). Returns messages sent."""
    now = now or timezone.now()
    sent = 0
    for report in Report.objects.filter(
        status=Report.Status.DONE, for_meeting__isnull=False, emailed_at__isnull=True
    ).select_related("programme", "for_meeting"):
        try:
            sent += report_email_steering(report=report, now=now)
        except OSError:
            logger.exception("Report %s: some emails failed; they are tried again later", report.pk)
    return sent

"""Groups and their meetings: planning, the agenda, attendance, minutes and action items.

Every view checks access first (outsiders get 404), parses a form, calls one service and
redirects; a refused form is shown again with every value kept.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import services
from ..access import (
    access_group,
    access_group_attendance,
    access_meeting,
    access_programme,
    can_see_attendance,
    groups_visible_to,
    require_action_item_change,
    require_manage,
    require_writer,
)
from ..forms import add_service_errors
from ..forms.kept import forget_typed, keep_typed, kept_typed
from ..forms.meetings import (
    ActionItemForm,
    ActionItemStatusForm,
    AgendaItemForm,
    AgendaProposalForm,
    AttendanceForm,
    DecisionFollowUpForm,
    DecisionForm,
    MeetingCancelForm,
    MeetingForm,
    MeetingSeriesForm,
    MinutesForm,
)
from ..models import ActionItem, AgendaItem, Decision
from ..selectors import attendance_overviews
from ..selectors.meeting_pages import action_item_owner_choices, attendance_summary, group_page
from ..selectors.meetings import attendance_by_membership, open_follow_ups_before
from ..selectors.meetings import meeting_detail as get_meeting_detail
from ..services.meetings import (
    MinutesChangedSinceChecked,
    MinutesConflict,
    MinutesPartRefused,
)
from ..undo import offer_undo

# The model checks the meeting's times as a whole; on the form that is the end time.
MEETING_ERROR_FIELDS = {
    "starts_at": "start_time",
    "ends_at": "end_time",
    NON_FIELD_ERRORS: "end_time",
}


def _add_meeting_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        error = ValidationError(
            {
                MEETING_ERROR_FIELDS.get(name, name): errors
                for name, errors in error.error_dict.items()
            }
        )
    add_service_errors(form, error)


def _posted(request):
    """The posted data, or None for a GET (an empty POST is still a POST, and gets errors)."""
    return request.POST if request.method == "POST" else None


def _page(request, template, access, **context):
    return render(
        request,
        f"participation/{template}",
        {"access": access, "programme": access.programme, **context},
    )


# --- The group -------------------------------------------------------------------------


@login_required
def group_detail(request, slug, group_id):
    access, group = access_group(request.user, slug, group_id)
    return _page(
        request,
        "groups/group_detail.html",
        access,
        group=group,
        page=group_page(group=group),
        can_see_attendance=can_see_attendance(access, group),
    )


@login_required
def attendance_overview(request, slug, group_id):
    access, group = access_group_attendance(request.user, slug, group_id)
    overview = attendance_overviews(groups=[group])[group.pk]
    return _page(request, "groups/attendance_overview.html", access, group=group, overview=overview)


@login_required
def meeting_create(request, slug, group_id):
    access, group = access_group(request.user, slug, group_id)
    require_manage(access)
    form = MeetingForm(_posted(request), initial=MeetingForm.initial_for_group(group))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(group=group, **form.meeting_values())
        except ValidationError as error:
            _add_meeting_errors(form, error)
        else:
            messages.success(request, _("The meeting is planned."))
            return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _page(request, "meetings/meeting_form.html", access, group=group, form=form)


@login_required
def meeting_series_create(request, slug, group_id):
    access, group = access_group(request.user, slug, group_id)
    require_manage(access)
    form = MeetingSeriesForm(_posted(request), initial=MeetingSeriesForm.initial_for_group(group))
    if request.method == "POST" and form.is_valid():
        try:
            series = services.meeting_series_create(group=group, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            count = series.meetings.count()
            messages.success(
                request,
                ngettext("%(count)d meeting planned.", "%(count)d meetings planned.", count)
                % {"count": count},
            )
            return redirect("group_detail", slug=slug, group_id=group.pk)
    return _page(request, "meetings/series_form.html", access, group=group, form=form)


# --- One meeting -----------------------------------------------------------------------


def _new_item_page(meeting) -> str:
    return f"meeting:{meeting.pk}:new_item"


def _keep_new_item(request, meeting) -> None:
    """The other buttons of the meeting page post the new-item form too: keep its text."""
    keep_typed(
        request,
        page=_new_item_page(meeting),
        fields=AgendaItemForm.base_fields,
        text_fields=AgendaItemForm.TEXT_FIELDS,
    )


def _render_meeting(request, access, meeting, **forms):
    """The meeting page; views that refuse a form show it here again with its values."""
    detail = get_meeting_detail(meeting=meeting)
    item_form = forms.get("item_form")
    if item_form is None:
        kept = kept_typed(request, page=_new_item_page(meeting))
        item_form = AgendaItemForm(initial=kept)
        item_form.is_kept = kept is not None
    can_write = access.can_write_for(meeting.group)
    is_member = meeting.group_id in access.group_ids()
    now = timezone.now()
    propose_open = not meeting.is_cancelled and now <= meeting.agenda_deadline
    # The two-question check-in (surveys app) is for the group's own members.
    check_in_open = is_member and meeting.is_open_for_check_in(now)
    return _page(
        request,
        "meetings/meeting_detail.html",
        access,
        meeting=meeting,
        group=meeting.group,
        detail=detail,
        # The users' standing item first: NAV's items must not crowd it out.
        agenda=sorted(detail.agenda_items, key=lambda item: (not item.is_from_users, item.number)),
        attendance=attendance_summary(
            detail=detail,
            only_person=None if can_see_attendance(access, meeting.group) else request.user,
        ),
        can_write=can_write,
        show_minutes=meeting.minutes_are_approved or can_write,
        can_propose=is_member and not can_write,
        propose_open=propose_open,
        check_in_open=check_in_open,
        propose_form=forms.get("propose_form") or AgendaProposalForm(),
        item_form=item_form,
        decision_rows=_decision_rows(access, meeting, detail, can_write, forms.get("follow_up")),
    )


def _follow_up_prefix(decision_id: int) -> str:
    return f"follow-up-{decision_id}"


def _decision_rows(access, meeting, detail, can_write, refused=None) -> list[dict]:
    """Each decision with, for those who record decisions, a form to add a follow-up; a
    refused one (decision id, bound form) is shown again as it was sent."""
    owners = _owners(access, meeting) if can_write else None
    choices = None
    rows = []
    for decision in detail.decisions:
        form = None
        if can_write:
            if refused is not None and refused[0] == decision.pk:
                form = refused[1]
            else:
                form = DecisionFollowUpForm(
                    owners=owners,
                    owner_choices=choices,
                    prefix=_follow_up_prefix(decision.pk),
                )
                choices = choices if choices is not None else form.owner_choices()
                form.fields["owner"].choices = choices
        rows.append({"decision": decision, "form": form})
    return rows


@login_required
def meeting_detail(request, slug, meeting_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    return _render_meeting(request, access, meeting)


@login_required
def meeting_edit(request, slug, meeting_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_manage(access)
    form = MeetingForm(_posted(request), initial=MeetingForm.initial_for_meeting(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, **form.meeting_values())
        except ValidationError as error:
            _add_meeting_errors(form, error)
        else:
            messages.success(request, _("The meeting is changed."))
            return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _page(
        request,
        "meetings/meeting_form.html",
        access,
        group=meeting.group,
        meeting=meeting,
        form=form,
    )


@login_required
def meeting_cancel(request, slug, meeting_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_manage(access)
    form = MeetingCancelForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The meeting is cancelled. The other meetings go on as planned.")
            )
            return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _page(request, "meetings/meeting_cancel.html", access, meeting=meeting, form=form)


# --- The agenda ------------------------------------------------------------------------


@login_required
@require_POST
def agenda_item_propose(request, slug, meeting_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    if meeting.group_id not in access.group_ids():
        raise Http404
    form = AgendaProposalForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_item_propose(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you! Your item is proposed. The coordinator decides on it.")
            )
            return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _render_meeting(request, access, meeting, propose_form=form)


@login_required
@require_POST
def agenda_item_add(request, slug, meeting_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_writer(access, meeting.group)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_item_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            forget_typed(request, page=_new_item_page(meeting))
            messages.success(request, _("The item is on the agenda."))
            return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _render_meeting(request, access, meeting, item_form=form)


@login_required
@require_POST
def agenda_item_decide(request, slug, meeting_id, item_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_writer(access, meeting.group)
    item = get_object_or_404(AgendaItem, pk=item_id, meeting=meeting)
    _keep_new_item(request, meeting)
    accept = request.POST.get("decision") == "accept"
    try:
        services.agenda_item_decide(item=item, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = _("“%(title)s” is on the agenda.") if accept else _("“%(title)s” is declined.")
        messages.success(request, message % {"title": item.title})
    return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)


@login_required
def agenda_send(request, slug, meeting_id):
    """The check step shows who gets the agenda, by which channel, and the message; only the
    confirming POST from it sends."""
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_writer(access, meeting.group)
    if request.method == "POST" and request.POST.get("confirm") == "send":
        try:
            services.agenda_send(meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The agenda is on its way to the members by email."))
        return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    if request.method == "POST":
        return redirect("agenda_send", slug=slug, meeting_id=meeting.pk)
    if meeting.is_cancelled:
        messages.error(request, _("The meeting is cancelled."))
        return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _page(
        request,
        "meetings/agenda_send_check.html",
        access,
        meeting=meeting,
        group=meeting.group,
        preview=services.meeting_invitation_preview(meeting=meeting),
        follow_ups=open_follow_ups_before(meeting=meeting),
    )


# --- Attendance and minutes ------------------------------------------------------------


def _not_started(request, slug, meeting):
    """A redirect to the meeting page when it has not started yet, else None."""
    if meeting.has_started:
        return None
    messages.error(
        request, _("Attendance and minutes can be written once the meeting has started.")
    )
    return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)


@login_required
def meeting_attendance(request, slug, meeting_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_writer(access, meeting.group)
    if request.method == "POST":
        _keep_new_item(request, meeting)
    if refused := _not_started(request, slug, meeting):
        return refused
    detail = get_meeting_detail(meeting=meeting)
    recorded = attendance_by_membership(detail)
    form = AttendanceForm(
        _posted(request),
        members=detail.members,
        initial={f"status_{pk}": status for pk, status in recorded.items()},
    )
    if request.method == "POST" and form.is_valid():
        statuses = form.statuses()
        try:
            services.attendance_record(meeting=meeting, statuses=statuses)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            offer_undo(
                request,
                kind="attendance",
                programme_slug=slug,
                payload={
                    "meeting": meeting.pk,
                    "previous": {str(pk): recorded.get(pk) for pk in statuses},
                },
            )
            messages.success(request, _("Attendance is saved."), extra_tags="undo")
            return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _page(request, "meetings/attendance_form.html", access, meeting=meeting, form=form)


# The buttons of the one minutes form. Every one of them saves all that was typed.
SAVE, ADD_DECISION, ADD_ACTION, REVIEW = "save", "add_decision", "add_action", "review"
MINUTES_BUTTONS = {SAVE, ADD_DECISION, ADD_ACTION, REVIEW}


def _minutes_forms(request, access, meeting, pressed=None):
    """The minutes page's one form, in three parts: the text (unless approved), a new
    decision and a new action item. Bound to the POST when there is one."""
    data = _posted(request)
    accepted = meeting.agenda_items.filter(state=AgendaItem.State.ACCEPTED)
    # A post without the text (an old page, a script) adds its item and leaves the text be.
    text_sent = data is not None and "version" in data
    minutes_form = None
    if text_sent or not meeting.minutes_are_approved:
        minutes_form = MinutesForm(
            data if text_sent else None, meeting=meeting, agenda_items=list(accepted)
        )
    decision_form = DecisionForm(
        data, prefix="decision", agenda_items=accepted, wanted=pressed == ADD_DECISION
    )
    action_form = ActionItemForm(
        data, prefix="action", owners=_owners(access, meeting), wanted=pressed == ADD_ACTION
    )
    return minutes_form, decision_form, action_form


def _render_minutes(request, access, meeting, forms, conflict=False):
    minutes_form, decision_form, action_form = forms
    return _page(
        request,
        "meetings/minutes_form.html",
        access,
        meeting=meeting,
        detail=get_meeting_detail(meeting=meeting),
        minutes_form=minutes_form,
        conflict=conflict,
        decision_form=decision_form,
        action_form=action_form,
        refused_forms=[
            form for form in forms if form is not None and form.is_bound and form.errors
        ],
    )


def _owners(access, meeting):
    return action_item_owner_choices(group=meeting.group, programme=access.programme)


def _minutes_saved_message(request, pressed, text_sent, decision, action_item) -> None:
    parts = []
    if text_sent:
        parts.append(_("The minutes are saved as a draft."))
    if decision is not None:
        parts.append(_("The decision is added."))
    if action_item is not None:
        parts.append(_("The action item is added."))
    if parts and pressed != REVIEW:
        messages.success(request, " ".join(parts))


def _minutes_post(request, slug, meeting_id, pressed):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_writer(access, meeting.group)
    if pressed == REVIEW:
        require_manage(access)
    if refused := _not_started(request, slug, meeting):
        return refused
    forms = _minutes_forms(request, access, meeting, pressed)
    minutes_form, decision_form, action_form = forms
    sent = [form for form in forms if form is not None and form.is_bound]
    if not all(form.is_valid() for form in sent):
        return _render_minutes(request, access, meeting, forms)
    decision, action_item = decision_form.values(), action_form.values()
    text_sent = minutes_form in sent
    try:
        services.minutes_page_save(
            meeting=meeting,
            minutes=minutes_form.minutes_values() if text_sent else None,
            decision=decision,
            action_item=action_item,
        )
    except MinutesConflict as error:
        meeting.refresh_from_db()
        minutes_form.show_conflict(meeting)
        add_service_errors(minutes_form, error)
        return _render_minutes(request, access, meeting, forms, conflict=True)
    except MinutesPartRefused as error:
        form = decision_form if error.part == "decision" else action_form
        add_service_errors(form, error)
        return _render_minutes(request, access, meeting, forms)
    except ValidationError as error:
        add_service_errors(minutes_form, error)
        return _render_minutes(request, access, meeting, forms)
    _minutes_saved_message(request, pressed, text_sent, decision, action_item)
    if pressed == REVIEW:
        return redirect("meeting_minutes_approve", slug=slug, meeting_id=meeting.pk)
    return redirect("meeting_minutes", slug=slug, meeting_id=meeting.pk)


@login_required
def meeting_minutes(request, slug, meeting_id):
    """One form for the text, a new decision and a new action item: whichever button is
    pressed, everything typed is saved together, or shown again with every value kept."""
    if request.method == "POST":
        pressed = request.POST.get("do", SAVE)
        return _minutes_post(
            request, slug, meeting_id, pressed if pressed in MINUTES_BUTTONS else SAVE
        )
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_writer(access, meeting.group)
    if refused := _not_started(request, slug, meeting):
        return refused
    return _render_minutes(request, access, meeting, _minutes_forms(request, access, meeting))


@login_required
@require_POST
def meeting_minutes_draft(request, slug, meeting_id):
    """The autosave behind the minutes page (JavaScript only): saves the text as a draft on
    the same optimistic version as the form, so a newer save by someone else is never
    overwritten; the page then asks the writer to press Save, which shows both texts.
    Always a JSON answer saying whether it was saved, for the script to show."""
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_writer(access, meeting.group)
    if not meeting.has_started or meeting.minutes_are_approved:
        return JsonResponse({"saved": False, "message": _("The draft was not saved.")})
    accepted = meeting.agenda_items.filter(state=AgendaItem.State.ACCEPTED)
    form = MinutesForm(request.POST, meeting=meeting, agenda_items=list(accepted))
    if not form.is_valid():
        return JsonResponse({"saved": False, "message": _("The draft was not saved.")})
    try:
        meeting = services.minutes_save(meeting=meeting, **form.minutes_values())
    except MinutesConflict:
        return JsonResponse(
            {
                "saved": False,
                "message": _(
                    "Someone else has saved these minutes. Your text is not saved yet: press "
                    "“Save minutes” to see both texts."
                ),
            }
        )
    saved_at = date_format(timezone.localtime(), "TIME_FORMAT")
    return JsonResponse(
        {
            "saved": True,
            "version": meeting.minutes_version,
            "message": _("Draft saved at %(time)s.") % {"time": saved_at},
        }
    )


@login_required
def meeting_minutes_approve(request, slug, meeting_id):
    """The check step: shows exactly the version that will be locked, and approves only it."""
    access, meeting = access_meeting(request.user, slug, meeting_id)
    require_manage(access)
    if meeting.minutes_status != meeting.MinutesStatus.DRAFT:
        messages.error(
            request,
            _("The minutes are already approved.")
            if meeting.minutes_are_approved
            else _("There are no minutes to approve yet."),
        )
        return redirect("meeting_minutes", slug=slug, meeting_id=meeting.pk)
    if request.method == "POST":
        try:
            services.minutes_approve(
                meeting=meeting, by=request.user, version=_int(request.POST.get("version"))
            )
        except MinutesChangedSinceChecked as error:
            messages.error(request, " ".join(error.messages))
            return redirect("meeting_minutes_approve", slug=slug, meeting_id=meeting.pk)
        messages.success(request, _("The minutes are approved. The members can now read them."))
        return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return _page(
        request,
        "meetings/minutes_approve.html",
        access,
        meeting=meeting,
        detail=get_meeting_detail(meeting=meeting),
    )


def _int(value) -> int:
    """A posted whole number; anything else is -1, which matches no version."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


@login_required
@require_POST
def meeting_decision_add(request, slug, meeting_id):
    return _minutes_post(request, slug, meeting_id, ADD_DECISION)


@login_required
@require_POST
def meeting_action_add(request, slug, meeting_id):
    return _minutes_post(request, slug, meeting_id, ADD_ACTION)


@login_required
@require_POST
def action_item_status(request, slug, item_id):
    access = access_programme(request.user, slug)
    item = get_object_or_404(
        ActionItem.objects.select_related("group"), pk=item_id, group__in=groups_visible_to(access)
    )
    require_action_item_change(access, item)
    form = ActionItemStatusForm(request.POST)
    if form.is_valid():
        before = {
            "item": item.pk,
            "status": item.status,
            "closed_at": item.closed_at.isoformat() if item.closed_at else None,
            "note": item.note,
        }
        services.action_item_set_status(action_item=item, **form.cleaned_data)
        offer_undo(request, kind="action_item_status", programme_slug=slug, payload=before)
        messages.success(
            request,
            _("“%(title)s” is now: %(status)s.")
            % {"title": item.title, "status": item.get_status_display()},
            extra_tags="undo",
        )
    else:
        messages.error(request, _("Choose done, dropped or open."))
    return redirect(_next_url(request) or reverse("meeting_detail", args=[slug, item.meeting_id]))


@login_required
@require_POST
def decision_follow_up_add(request, slug, decision_id):
    """Add who follows a decision up, by when and what: those who record decisions."""
    access = access_programme(request.user, slug)
    decision = get_object_or_404(
        Decision.objects.select_related("meeting__group"),
        pk=decision_id,
        meeting__group__in=groups_visible_to(access),
    )
    meeting = decision.meeting
    require_writer(access, meeting.group)
    form = DecisionFollowUpForm(
        request.POST, owners=_owners(access, meeting), prefix=_follow_up_prefix(decision.pk)
    )
    if form.is_valid():
        try:
            services.decision_follow_up_add(decision=decision, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The follow-up is added to the decision."))
            url = reverse("meeting_detail", args=[slug, meeting.pk])
            return redirect(f"{url}#decision-{decision.pk}")
    return _render_meeting(request, access, meeting, follow_up=(decision.pk, form))


def _next_url(request) -> str:
    url = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else ""


urlpatterns = [
    path("p/<slug:slug>/groups/<int:group_id>/", group_detail, name="group_detail"),
    path(
        "p/<slug:slug>/groups/<int:group_id>/attendance/",
        attendance_overview,
        name="attendance_overview",
    ),
    path(
        "p/<slug:slug>/groups/<int:group_id>/meetings/new/", meeting_create, name="meeting_create"
    ),
    path(
        "p/<slug:slug>/groups/<int:group_id>/meetings/series/",
        meeting_series_create,
        name="meeting_series_create",
    ),
    path("p/<slug:slug>/meetings/<int:meeting_id>/", meeting_detail, name="meeting_detail"),
    path("p/<slug:slug>/meetings/<int:meeting_id>/edit/", meeting_edit, name="meeting_edit"),
    path("p/<slug:slug>/meetings/<int:meeting_id>/cancel/", meeting_cancel, name="meeting_cancel"),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/agenda/propose/",
        agenda_item_propose,
        name="agenda_item_propose",
    ),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/agenda/add/",
        agenda_item_add,
        name="agenda_item_add",
    ),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/agenda/<int:item_id>/decide/",
        agenda_item_decide,
        name="agenda_item_decide",
    ),
    path("p/<slug:slug>/meetings/<int:meeting_id>/agenda/send/", agenda_send, name="agenda_send"),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/attendance/",
        meeting_attendance,
        name="meeting_attendance",
    ),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/minutes/", meeting_minutes, name="meeting_minutes"
    ),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/minutes/draft/",
        meeting_minutes_draft,
        name="meeting_minutes_draft",
    ),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/minutes/approve/",
        meeting_minutes_approve,
        name="meeting_minutes_approve",
    ),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/decisions/add/",
        meeting_decision_add,
        name="meeting_decision_add",
    ),
    path(
        "p/<slug:slug>/meetings/<int:meeting_id>/action-items/add/",
        meeting_action_add,
        name="meeting_action_add",
    ),
    path(
        "p/<slug:slug>/decisions/<int:decision_id>/follow-ups/add/",
        decision_follow_up_add,
        name="decision_follow_up_add",
    ),
    path(
        "p/<slug:slug>/action-items/<int:item_id>/status/",
        action_item_status,
        name="action_item_status",
    ),
]

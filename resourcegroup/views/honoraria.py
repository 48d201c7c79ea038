"""Honoraria for volunteer members (from attendance) and travel claims.

Members claim their own travel and see their own honoraria; coordinators set the rates,
make a month's honoraria from attendance, and approve or return claims. Others get a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation.access import access_programme
from participation.forms import add_service_errors
from participation.forms.kept import forget_typed

from .. import access as rules
from ..forms.honoraria import GenerateForm, HonorariumRateForm, TravelClaimForm
from ..forms.hours import ReturnForm
from ..models import TravelClaim
from ..selectors.honoraria import (
    attended_meetings,
    honoraria_month,
    honoraria_months,
    honorarium_for,
    honorarium_rates,
    own_honoraria,
    travel_claim_for,
    travel_claim_list,
    waiting_counts,
)
from ..selectors.hours import month_or_404
from ..services import honoraria as service
from .timesheets import keep_return_comment, return_form_with_kept, seen_submitted_at


def _coordinator(request, slug):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    return access


def _member_or_coordinator(request, slug):
    access = access_programme(request.user, slug)
    if not (rules.can_manage(access) or rules.can_claim_travel(access)):
        raise Http404
    return access


# --- Travel claims -----------------------------------------------------------------------


@login_required
def travel_list(request, slug):
    access = _member_or_coordinator(request, slug)
    status = request.GET.get("status", "")
    if status not in TravelClaim.Status.values:
        status = ""
    return render(
        request,
        "resourcegroup/honoraria/travel_list.html",
        {
            "access": access,
            "programme": access.programme,
            "claims": travel_claim_list(access=access, user=request.user, status=status),
            "status": status,
            "statuses": TravelClaim.Status.choices,
            "can_claim": rules.can_claim_travel(access),
            "honoraria": own_honoraria(programme=access.programme, person=request.user)
            if rules.can_claim_travel(access)
            else [],
        },
    )


def _claim_form(request, access, **kwargs):
    meetings = attended_meetings(
        programme=access.programme, person=request.user, today=timezone.localdate()
    )
    return TravelClaimForm(request.POST or None, meetings=meetings, **kwargs)


@login_required
def travel_new(request, slug):
    access = access_programme(request.user, slug)
    if not rules.can_claim_travel(access):
        raise Http404
    form = _claim_form(request, access, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            claim = service.travel_claim_submit(
                programme=access.programme, person=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your travel on %(date)s is sent for approval.")
                % {"date": date_format(claim.date, "MONTH_DAY_FORMAT")},
            )
            return redirect("resourcegroup:travel_list", slug=slug)
    return render(
        request,
        "resourcegroup/honoraria/travel_form.html",
        {"access": access, "programme": access.programme, "form": form, "claim": None},
    )


@login_required
def travel_edit(request, slug, claim_id):
    access = access_programme(request.user, slug)
    claim = travel_claim_for(access=access, user=request.user, claim_id=claim_id)
    if claim.person_id != request.user.pk:
        raise Http404
    initial = {
        "date": claim.date,
        "meeting": claim.meeting_id,
        "from_place": claim.from_place,
        "to_place": claim.to_place,
        "kilometres": claim.kilometres,
        "ticket_amount": claim.ticket_amount,
        "comment": claim.comment,
    }
    form = _claim_form(request, access, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service.travel_claim_update(claim=claim, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved and sent for approval again."))
            return redirect("resourcegroup:travel_list", slug=slug)
    return render(
        request,
        "resourcegroup/honoraria/travel_form.html",
        {"access": access, "programme": access.programme, "form": form, "claim": claim},
    )


@login_required
def travel_detail(request, slug, claim_id):
    access = _member_or_coordinator(request, slug)
    claim = travel_claim_for(access=access, user=request.user, claim_id=claim_id)
    return _detail(request, access, claim, return_form_with_kept(request, page=_return_page(claim)))


def _return_page(claim) -> str:
    return f"travel_claim:{claim.pk}:return"


def _detail(request, access, claim, return_form):
    return render(
        request,
        "resourcegroup/honoraria/travel_detail.html",
        {
            "access": access,
            "programme": access.programme,
            "claim": claim,
            "return_form": return_form,
            "is_own": claim.person_id == request.user.pk,
        },
    )


@login_required
@require_POST
def travel_approve(request, slug, claim_id):
    access = _coordinator(request, slug)
    claim = travel_claim_for(access=access, user=request.user, claim_id=claim_id)
    if keep_return_comment(request, page=_return_page(claim)):
        # A comment typed to return the claim says the approver was about to return it.
        messages.error(
            request,
            _(
                "You have written a comment to return the claim with. Return the claim, or "
                "empty the comment, before you approve it."
            ),
        )
        return redirect("resourcegroup:travel_detail", slug=slug, claim_id=claim_id)
    try:
        service.travel_claim_approve(
            claim=claim,
            by=request.user,
            seen_submitted_at=seen_submitted_at(request, claim.submitted_at),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("resourcegroup:travel_detail", slug=slug, claim_id=claim_id)
    messages.success(
        request,
        _("The travel claim from %(name)s is approved.") % {"name": claim.person.display_name},
    )
    return redirect("resourcegroup:travel_list", slug=slug)


@login_required
@require_POST
def travel_return(request, slug, claim_id):
    access = _coordinator(request, slug)
    claim = travel_claim_for(access=access, user=request.user, claim_id=claim_id)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            service.travel_claim_return(
                claim=claim, by=request.user, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            forget_typed(request, page=_return_page(claim))
            messages.success(
                request,
                _("The claim is returned to %(name)s with your comment.")
                % {"name": claim.person.display_name},
            )
            return redirect("resourcegroup:travel_list", slug=slug)
    return _detail(request, access, claim, form)


# --- Honoraria (coordinators) ------------------------------------------------------------


@login_required
def honoraria(request, slug):
    access = _coordinator(request, slug)
    generate_form = GenerateForm(prefix="generate", initial={"month": timezone.localdate()})
    return _honoraria_page(request, access, generate_form)


def _honoraria_page(request, access, generate_form):
    return render(
        request,
        "resourcegroup/honoraria/honoraria.html",
        {
            "access": access,
            "programme": access.programme,
            "rates": honorarium_rates(programme=access.programme),
            "months": honoraria_months(programme=access.programme),
            "waiting": waiting_counts(programme=access.programme),
            "generate_form": generate_form,
        },
    )


@login_required
def honorarium_rate_set(request, slug):
    """A new rate on a page of its own: on the honoraria page it shared the page with making
    the list, and a rate being typed was lost when the list was made."""
    access = _coordinator(request, slug)
    form = HonorariumRateForm(request.POST or None, prefix="rate")
    if request.method == "POST" and form.is_valid():
        try:
            service.honorarium_rate_set(programme=access.programme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The rate is saved."))
            return redirect("resourcegroup:honoraria", slug=slug)
    return render(
        request,
        "resourcegroup/honoraria/rate_form.html",
        {"access": access, "programme": access.programme, "form": form},
    )


@login_required
@require_POST
def honoraria_generate(request, slug):
    access = _coordinator(request, slug)
    form = GenerateForm(request.POST, prefix="generate")
    if not form.is_valid():
        return _honoraria_page(request, access, form)
    month = form.cleaned_data["month"].replace(day=1)
    result = service.honoraria_generate(programme=access.programme, month=month)
    messages.success(
        request,
        _("%(count)s new honoraria from the attendance in %(month)s.")
        % {"count": result.created, "month": date_format(month, "YEAR_MONTH_FORMAT")},
    )
    if result.without_rate:
        messages.warning(
            request,
            _("%(count)s meetings have no rate for their date. Set a rate and make the list again.")
            % {"count": result.without_rate},
        )
    return redirect("resourcegroup:honoraria_month", slug=slug, year=month.year, month=month.month)


@login_required
def honoraria_month_view(request, slug, year, month):
    access = _coordinator(request, slug)
    month = month_or_404(year, month)
    return render(
        request,
        "resourcegroup/honoraria/honoraria_month.html",
        {
            "access": access,
            "programme": access.programme,
            "page": honoraria_month(programme=access.programme, month=month),
            "month": month,
        },
    )


@login_required
def honoraria_approve(request, slug, year, month):
    """The check step shows who gets what; only the confirming POST approves, and only the
    list it showed."""
    access = _coordinator(request, slug)
    month = month_or_404(year, month)
    if request.method == "POST":
        try:
            count = service.honoraria_approve(
                programme=access.programme,
                month=month,
                by=request.user,
                seen_ids=_seen_ids(request.POST.get("seen", "")),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(
                "resourcegroup:honoraria_approve", slug=slug, year=year, month=month.month
            )
        messages.success(
            request,
            _("%(count)s honoraria in %(month)s are approved.")
            % {"count": count, "month": date_format(month, "YEAR_MONTH_FORMAT")},
        )
        return redirect("resourcegroup:honoraria_month", slug=slug, year=year, month=month.month)
    page = honoraria_month(programme=access.programme, month=month)
    if not page.waiting:
        messages.error(request, _("Nothing in this month waits for approval."))
        return redirect("resourcegroup:honoraria_month", slug=slug, year=year, month=month.month)
    return render(
        request,
        "resourcegroup/honoraria/honoraria_approve_check.html",
        {
            "access": access,
            "programme": access.programme,
            "page": page,
            "month": month,
            "own": any(row.person.pk == request.user.pk for row in page.waiting_people),
        },
    )


def _seen_ids(text: str) -> set[int]:
    """The ids the check step listed; anything unreadable is an empty list, which matches
    nothing that waits, so nothing unseen is approved."""
    try:
        return {int(part) for part in text.split(",") if part.strip()}
    except ValueError:
        return set()


@login_required
@require_POST
def honorarium_decline(request, slug, honorarium_id):
    access = _coordinator(request, slug)
    honorarium = honorarium_for(access=access, honorarium_id=honorarium_id)
    restore = request.POST.get("restore") == "1"
    try:
        if restore:
            service.honorarium_restore(honorarium=honorarium, by=request.user)
        else:
            service.honorarium_decline(honorarium=honorarium, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The honorarium is back on the list.") if restore else _("It will not be paid."),
        )
    return redirect(
        "resourcegroup:honoraria_month",
        slug=slug,
        year=honorarium.month.year,
        month=honorarium.month.month,
    )


BASE = "p/<slug:slug>/resource-group/"
urlpatterns = [
    path(BASE + "travel/", travel_list, name="travel_list"),
    path(BASE + "travel/new/", travel_new, name="travel_new"),
    path(BASE + "travel/<int:claim_id>/", travel_detail, name="travel_detail"),
    path(BASE + "travel/<int:claim_id>/edit/", travel_edit, name="travel_edit"),
    path(BASE + "travel/<int:claim_id>/approve/", travel_approve, name="travel_approve"),
    path(BASE + "travel/<int:claim_id>/return/", travel_return, name="travel_return"),
    path(BASE + "honoraria/", honoraria, name="honoraria"),
    path(BASE + "honoraria/rates/", honorarium_rate_set, name="honorarium_rate_set"),
    path(BASE + "honoraria/generate/", honoraria_generate, name="honoraria_generate"),
    path(
        BASE + "honoraria/<int:year>/<int:month>/",
        honoraria_month_view,
        name="honoraria_month",
    ),
    path(
        BASE + "honoraria/<int:year>/<int:month>/approve/",
        honoraria_approve,
        name="honoraria_approve",
    ),
    path(
        BASE + "honoraria/items/<int:honorarium_id>/decline/",
        honorarium_decline,
        name="honorarium_decline",
    ),
]

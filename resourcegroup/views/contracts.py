"""Contracts: the coordinator makes and renews them; a representative sees their own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from participation.access import access_programme
from participation.forms import add_service_errors

from .. import access as rules
from ..forms.hours import ContractForm, RenewForm
from ..selectors.hours import contract_for, contracts_visible_to
from ..services.contracts import contract_create, contract_renew


@login_required
def contract_list(request, slug):
    access = access_programme(request.user, slug)
    if not (rules.can_manage(access) or rules.has_hours(access=access, user=request.user)):
        raise Http404
    return render(
        request,
        "resourcegroup/contracts/contract_list.html",
        {
            "access": access,
            "programme": access.programme,
            "contracts": contracts_visible_to(access=access, user=request.user),
        },
    )


@login_required
def contract_new(request, slug):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    programme = access.programme
    form = ContractForm(
        request.POST or None,
        programme=programme,
        initial={"starts_on": programme.starts_on, "ends_on": programme.ends_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            contract = contract_create(
                programme=programme, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The contract for %(name)s is saved.") % {"name": contract.person.display_name},
            )
            return redirect("resourcegroup:contract_list", slug=slug)
    return render(
        request,
        "resourcegroup/contracts/contract_form.html",
        {"access": access, "programme": programme, "form": form, "contract": None},
    )


@login_required
def contract_renew_view(request, slug, contract_id):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    contract = contract_for(access=access, user=request.user, contract_id=contract_id)
    form = RenewForm(
        request.POST or None,
        programme=access.programme,
        initial={
            "hourly_pay": contract.hourly_pay,
            "ends_on": access.programme.ends_on or contract.ends_on,
            "expected_hours_per_month": contract.expected_hours_per_month,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            contract_renew(contract=contract, created_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The contract for %(name)s is renewed. The old one is kept in the history.")
                % {"name": contract.person.display_name},
            )
            return redirect("resourcegroup:contract_list", slug=slug)
    return render(
        request,
        "resourcegroup/contracts/contract_form.html",
        {"access": access, "programme": access.programme, "form": form, "contract": contract},
    )


BASE = "p/<slug:slug>/resource-group/contracts/"
urlpatterns = [
    path(BASE, contract_list, name="contract_list"),
    path(BASE + "new/", contract_new, name="contract_new"),
    path(BASE + "<int:contract_id>/renew/", contract_renew_view, name="contract_renew"),
]

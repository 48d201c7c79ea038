from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language as django_set_language

from .. import services
from ..access import (
    access_group,
    access_programme,
    meetings_visible_to,
    programme_accesses_for,
    require_manage,
)
from ..forms import InvitationAcceptForm, InvitationForm, MembershipEndForm, add_service_errors
from ..models import Invitation
from ..selectors import coordinator_dashboard, group_list_for_landing, is_set_up
from ..selectors.inputs import inputs_owed_by
from ..selectors.meetings import action_items_owed_by
from ..selectors.tasks import coordinator_tasks
from ..selectors.training import training_refreshers_due


@login_required
def home(request):
    """The landing page: straight into the programme when there is only one."""
    accesses = programme_accesses_for(request.user)
    if len(accesses) == 1:
        access = accesses[0]
        if access.can_manage and not is_set_up(programme=access.programme):
            # The first login of a new coordinator leads through setting up.
            return redirect("setup_start", slug=access.programme.slug)
        return redirect("programme_detail", slug=access.programme.slug)
    return render(request, "participation/home.html", {"accesses": accesses})


@login_required
def programme_detail(request, slug):
    """Every role's landing page; for coordinators it is the dashboard of the day."""
    access = access_programme(request.user, slug)
    context = {
        "access": access,
        "programme": access.programme,
        "groups": group_list_for_landing(access=access),
        # What the person has taken on: action items and decisions to follow up.
        "owed_action_items": action_items_owed_by(
            programme=access.programme, person_id=access.person_id
        ),
    }
    if access.can_manage:
        context["dashboard"] = coordinator_dashboard(access=access)
        tasks = coordinator_tasks(access=access, user=request.user)
        context["tasks_waiting"] = [task for task in tasks if task.count]
        context["pending_invitations"] = (
            access.programme.invitations.filter(accepted_at__isnull=True, declined_at__isnull=True)
            .select_related("person", "membership__group", "group")
            .order_by("-created_at")
        )
    else:
        # A member's own groups, even when the steering seat lets them see every group.
        context["next_meetings"] = (
            meetings_visible_to(access)
            .filter(group__in=access.group_ids())
            .upcoming()
            .order_by("starts_at")[:4]
        )
        # What the person owes: answers to inputs given to them, their office or their group.
        context["owed_inputs"] = list(inputs_owed_by(access=access))
        context["training_due"] = training_refreshers_due(
            programme=access.programme, person=request.user, today=timezone.localdate()
        )
    return render(request, "participation/programme_detail.html", context)


@login_required
def person_invite(request, slug):
    access = access_programme(request.user, slug)
    if not access.can_manage:
        raise Http404
    data = request.POST or None
    editing = data is not None and "edit" in data
    if editing:
        # Back from the check step to change the details: every value kept, the check undone.
        data = data.copy()
        data.pop("confirm_existing", None)
    form = InvitationForm(data, programme=access.programme)
    if request.method == "POST" and not editing and form.is_valid():
        existing = services.account_for_email(email=form.cleaned_data["email"])
        if existing is not None and not form.cleaned_data["confirm_existing"]:
            # Whom the invitation will go to, and nothing else about their account.
            return render(
                request,
                "participation/person_invite_confirm.html",
                {
                    "form": form,
                    "programme": access.programme,
                    "access": access,
                    "account_name": existing.display_name,
                },
            )
        try:
            invitation = services.person_invite(
                programme=access.programme, invited_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if invitation.membership_id is None:
                text = _(
                    "%(name)s has been invited. They join the group when they accept the "
                    "invitation in Medvirk."
                )
            else:
                text = _("%(name)s has been invited. The email is on its way to %(email)s.")
            messages.success(
                request,
                text % {"name": invitation.person.display_name, "email": invitation.email},
            )
            return redirect("programme_detail", slug=slug)
    return render(
        request,
        "participation/person_invite.html",
        {"form": form, "programme": access.programme, "access": access},
    )


@login_required
def group_members(request, slug, group_id):
    """Everyone who is or was in the group: roles, offices, periods and why people left."""
    access, group = access_group(request.user, slug, group_id)
    require_manage(access)
    memberships = group.memberships.select_related(
        "person", "office", "predecessor__person"
    ).order_by("ends_on", "person__display_name")
    return render(
        request,
        "participation/group_members.html",
        {
            "access": access,
            "programme": access.programme,
            "group": group,
            "memberships": memberships,
        },
    )


@login_required
def membership_end(request, slug, group_id, membership_id):
    access, group = access_group(request.user, slug, group_id)
    require_manage(access)
    membership = get_object_or_404(
        group.memberships.select_related("person"), pk=membership_id, ends_on__isnull=True
    )
    form = MembershipEndForm(request.POST or None, initial={"ends_on": timezone.localdate()})
    context = {
        "form": form,
        "programme": access.programme,
        "group": group,
        "membership": membership,
    }
    if request.method == "POST" and form.is_valid() and "change" not in request.POST:
        if request.POST.get("confirm") != "end":
            # The check step: what will happen, with the typed values carried along.
            return render(request, "participation/membership_end_check.html", context)
        try:
            services.membership_end(membership=membership, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has left %(group)s.")
                % {"name": membership.person.display_name, "group": group.name},
            )
            return redirect("group_members", slug=slug, group_id=group.pk)
    return render(request, "participation/membership_end.html", context)


@login_required
@require_POST
def invitation_resend(request, slug, pk):
    access = access_programme(request.user, slug)
    if not access.can_manage:
        raise Http404
    invitation = get_object_or_404(access.programme.invitations, pk=pk)
    try:
        services.invitation_resend(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The invitation was sent again to %(email)s.") % {"email": invitation.email}
        )
    return redirect("programme_detail", slug=slug)


def invitation_accept(request, uidb64, token):
    """Where an invited person chooses a password. A used or expired link says so kindly."""
    User = get_user_model()
    try:
        person = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)), is_active=True)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        person = None
    if person is None or not default_token_generator.check_token(person, token):
        return render(request, "participation/invitation_invalid.html", status=400)

    form = InvitationAcceptForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_accept(person=person, password=form.cleaned_data["new_password1"])
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome to Medvirk, %(name)s!") % {"name": person.get_short_name()}
        )
        return redirect("home")
    return render(request, "participation/invitation_accept.html", {"form": form, "person": person})


@login_required
def invitation_respond(request, pk):
    """Someone who already has an account accepts or declines a seat offered to them."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("programme", "group", "office", "invited_by"),
        pk=pk,
        person=request.user,
        membership__isnull=True,
        accepted_at__isnull=True,
        declined_at__isnull=True,
    )
    if request.method == "POST":
        accept = "accept" in request.POST
        try:
            services.invitation_respond(invitation=invitation, person=request.user, accept=accept)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("home")
        if accept:
            messages.success(
                request,
                _("You are now in %(group)s.") % {"group": invitation.group.name},
            )
            return redirect("programme_detail", slug=invitation.programme.slug)
        messages.info(request, _("You have declined the invitation."))
        return redirect("home")
    return render(request, "participation/invitation_respond.html", {"invitation": invitation})


@require_POST
def set_language(request):
    """Django's language switch, and the choice remembered on the user for emails."""
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=request.POST.get("language", ""))
    return django_set_language(request)


# Other modules used to import this name; add_service_errors is the public one.
_add_errors = add_service_errors


@require_safe
@login_required
def glossary(request):
    """The words of the field that cannot be avoided, explained in plain language."""
    return render(request, "participation/glossary.html")


urlpatterns = [
    path("ordliste/", glossary, name="glossary"),
    path("", home, name="home"),
    path("p/<slug:slug>/", programme_detail, name="programme_detail"),
    path("p/<slug:slug>/invite/", person_invite, name="person_invite"),
    path("p/<slug:slug>/groups/<int:group_id>/members/", group_members, name="group_members"),
    path(
        "p/<slug:slug>/groups/<int:group_id>/members/<int:membership_id>/end/",
        membership_end,
        name="membership_end",
    ),
    path(
        "p/<slug:slug>/invitations/<int:pk>/resend/",
        invitation_resend,
        name="invitation_resend",
    ),
    path("accounts/invitation/<uidb64>/<token>/", invitation_accept, name="invitation_accept"),
    path("invitations/<int:pk>/", invitation_respond, name="invitation_respond"),
    path("i18n/setlang/", set_language, name="set_language"),
]

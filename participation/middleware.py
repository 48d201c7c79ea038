import logging

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .access import requires_mfa

logger = logging.getLogger(__name__)

# Pages a user without a second factor may still reach: setting it up, and leaving.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/healthz", "/i18n/", "/s/", "/calendar/")
# Pages that never show anything of a signed-in person's: no need to check the session there.
PUBLIC_PREFIXES = ("/static/", "/healthz", "/s/", "/calendar/")


def session_passed_mfa(request, user) -> bool:
    """True when this session's login used a second factor (allauth records it per session)."""
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


class RequireMFAMiddleware:
    """Two-step login on every way in.

    A person with an authenticator app reaches no signed-in page unless this session's login
    used it: a session that got in another way (a password-only login form, an old session)
    is ended and sent to the login page. Coordinators and staff without an authenticator are
    sent to set one up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or request.path.startswith(PUBLIC_PREFIXES)
            or session_passed_mfa(request, user)
        ):
            return self.get_response(request)
        has_authenticator = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
        if has_authenticator:
            logger.warning("session without the second factor ended", extra={"user_id": user.pk})
            logout(request)
            messages.info(request, _("Log in again with your password and your authenticator app."))
            return redirect(reverse("account_login"))
        if not request.path.startswith(ALLOWED_PREFIXES) and requires_mfa(user):
            messages.info(
                request,
                _(
                    "Your role needs two-step login. Set up an authenticator app on your "
                    "phone to continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


def record_mfa_on_activation(sender, request, user, authenticator, **kwargs):
    """Setting up an authenticator app counts as using it for the session that set it up.

    allauth asks for the password again before it lets anyone add one, and the new app's
    first code is checked; without this the person would be sent to log in again at once.
    """
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .access import requires_mfa

# Pages a user without a second factor may still reach: setting it up, and leaving.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/healthz", "/i18n/", "/s/", "/calendar/")


class RequireMFAMiddleware:
    """Send coordinators and staff without an authenticator app to set one up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and requires_mfa(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.info(
                request,
                _(
                    "Your role needs two-step login. Set up an authenticator app on your "
                    "phone to continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

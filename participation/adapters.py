from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from .models import User


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: people are invited by a coordinator."""

    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        """allauth's emails (password reset, changes to the account) in the person's own
        language, like every other email from Medvirk; the page's language if we do not know."""
        person = User.objects.filter(email__iexact=email).only("language").first()
        language = (person.language if person else "") or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

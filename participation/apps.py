from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("User participation")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .middleware import record_mfa_on_activation

        authenticator_added.connect(record_mfa_on_activation, dispatch_uid="medvirk_mfa_added")

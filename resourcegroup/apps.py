from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourceGroupConfig(AppConfig):
    name = "resourcegroup"
    verbose_name = _("Resource group")

from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations status for staff: workers, queues, the beat schedule and each task's last run."""

    name = "ops"
    verbose_name = "Operations"

    def ready(self):
        from . import signals

        signals.connect()

from django.db import models


class TaskRun(models.Model):
    """The last run of one scheduled task, kept across restarts for the operations page."""

    class Outcome(models.TextChoices):
        RUNNING = "RUNNING", "running"
        SUCCESS = "SUCCESS", "success"
        FAILURE = "FAILURE", "failure"
        RETRY = "RETRY", "retry"

    task = models.CharField(max_length=200, unique=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    # The exception's class only: a message may quote personal data.
    error = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return f"{self.task}: {self.outcome}"

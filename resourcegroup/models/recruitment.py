"""Recruitment: a job posting, applications through a public phone form, and the pipeline."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import Group, Membership, Programme


class Posting(models.Model):
    """A job posting for the resource group, with a stable public application page."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="postings", verbose_name=_("programme")
    )
    group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        related_name="postings",
        verbose_name=_("group the people chosen join"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("short name in the link"),
        max_length=80,
        unique=True,
        help_text=_(
            "The application form is at /apply/short-name/ (this short name). "
            "Do not change it later."
        ),
    )
    text = models.TextField(_("posting text"))
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("application deadline"))
    advertised_where = models.TextField(
        _("where it was advertised"),
        blank=True,
        help_text=_("For example NAV's offices, the municipalities' web pages, Instagram."),
    )
    target_group = models.CharField(
        _("target group"),
        max_length=200,
        blank=True,
        help_text=_("For example: age 18–29 with activity duty."),
    )
    target_age_min = models.PositiveSmallIntegerField(_("youngest age in the target group"))
    target_age_max = models.PositiveSmallIntegerField(_("oldest age in the target group"))
    delete_after_days = models.PositiveSmallIntegerField(
        _("days after the deadline before applications not chosen are deleted"), default=90
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="posting_closes_after_it_opens",
                violation_error_message=_("The deadline cannot be before the posting opens."),
            ),
            models.CheckConstraint(
                condition=Q(target_age_max__gte=F("target_age_min")),
                name="posting_age_band_in_order",
                violation_error_message=_("The oldest age cannot be below the youngest."),
            ),
        ]

    def __str__(self):
        return self.title

    def is_open(self, *, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


# The words the applicant agrees to; stored with the application as it was shown.
APPLICATION_CONSENT = _(
    "I agree that NAV stores my application to choose members for the group. Applications "
    "not chosen are deleted after the recruitment."
)


class Application(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        INTERVIEW_BOOKED = "interview_booked", _("Interview booked")
        INTERVIEWED = "interviewed", _("Interviewed")
        OFFERED = "offered", _("Offered a place")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined the offer")
        NOT_CHOSEN = "not_chosen", _("Not chosen")

    # Where each step may go next; accepted, declined and not chosen end the way.
    NEXT = {
        Status.RECEIVED: (Status.INTERVIEW_BOOKED, Status.NOT_CHOSEN, Status.DECLINED),
        Status.INTERVIEW_BOOKED: (Status.INTERVIEWED, Status.NOT_CHOSEN, Status.DECLINED),
        Status.INTERVIEWED: (Status.OFFERED, Status.NOT_CHOSEN, Status.DECLINED),
        Status.OFFERED: (Status.ACCEPTED, Status.DECLINED),
        Status.ACCEPTED: (),
        Status.DECLINED: (),
        Status.NOT_CHOSEN: (),
    }

    class AgeBand(models.TextChoices):
        UNDER_18 = "under_18", _("Under 18")
        FROM_18_TO_23 = "18_23", _("18–23")
        FROM_24_TO_29 = "24_29", _("24–29")
        FROM_30 = "30_plus", _("30 or older")

    # The ages each band covers, for the eligibility hint.
    AGE_BANDS = {
        AgeBand.UNDER_18: (0, 17),
        AgeBand.FROM_18_TO_23: (18, 23),
        AgeBand.FROM_24_TO_29: (24, 29),
        AgeBand.FROM_30: (30, 200),
    }

    class Source(models.TextChoices):
        FORM = "form", _("Application form")
        COORDINATOR = "coordinator", _("Entered by the coordinator")

    posting = models.ForeignKey(
        Posting, on_delete=models.CASCADE, related_name="applications", verbose_name=_("posting")
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices)
    motivation = models.TextField(_("why do you want to join?"))
    has_consented = models.BooleanField(_("consent to store the application"), default=False)
    # What the applicant agreed to, word for word in their language, and when.
    consent_text = models.TextField(_("consent given"), blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.FORM)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    interview_at = models.DateTimeField(_("interview"), null=True, blank=True)
    membership = models.OneToOneField(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("membership"),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    # The applicant's own way to withdraw: the receipt carries a random key; only its SHA-256
    # is stored, so the database alone cannot withdraw anyone's application.
    withdraw_key_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["received_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="application_has_contact"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_closed(self) -> bool:
        return not self.NEXT[self.status]

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        return [(status, self.Status(status).label) for status in self.NEXT[self.status]]


class ApplicationEvent(models.Model):
    """One step in an application's way through the pipeline, with the coordinator's note."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=Application.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Application.Status.choices)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.from_status} → {self.to_status}"

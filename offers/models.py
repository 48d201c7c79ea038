"""The region's activity offers: the register, young people's judgements, recorded
cross-border use, and the inputs raised about offers."""

import datetime
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models import Input, Office, Programme

WEEKDAYS = (
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
)
WEEKDAY_CODES = tuple(code for code, _label in WEEKDAYS)


def new_public_code() -> str:
    # Not the primary key: the judgement pages must not let anyone walk through the register.
    return secrets.token_urlsafe(6).replace("-", "x").replace("_", "y").lower()


class Offer(models.Model):
    """One activity offer in the programme's region, kept by one office."""

    class Kind(models.TextChoices):
        WORK_TRAINING = "work_training", _("Work training and practice")
        JOB_HOUSE = "job_house", _("Job house")
        EDUCATION = "education", _("School and courses")
        HEALTH = "health", _("Health and coping")
        SOCIAL = "social", _("Social and leisure")
        VOLUNTEERING = "volunteering", _("Volunteering")
        JOB_SEEKING = "job_seeking", _("Job seeking")

    class Openness(models.TextChoices):
        OWN_MUNICIPALITY = "own", _("Only for young people in the municipality")
        AGREED_OFFICES = "agreed", _("Also for young people from the offices chosen below")
        WHOLE_REGION = "region", _("Open to young people from the whole region")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="offers", verbose_name=_("programme")
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="kept_offers",
        verbose_name=_("kept by office"),
        help_text=_("The office whose advisors keep this entry up to date."),
    )
    title = models.CharField(_("name of the offer"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    provider = models.CharField(_("who runs it"), max_length=200)
    description = models.TextField(_("what it is"))
    age_min = models.PositiveSmallIntegerField(
        _("youngest age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("oldest age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    needs = models.TextField(
        _("for whom"), blank=True, help_text=_("Needs, language, health: who it suits.")
    )
    municipality = models.CharField(_("municipality"), max_length=100)
    address = models.CharField(_("address"), max_length=200, blank=True)
    public_transport = models.TextField(_("how to get there by bus or train"), blank=True)
    weekdays = models.CharField(
        _("days"), max_length=40, blank=True, help_text=_("The days the offer is held.")
    )
    hours = models.CharField(_("when"), max_length=200, blank=True)
    how_to_start = models.TextField(_("how to start"), blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)
    cost_to_office = models.CharField(_("cost to the office"), max_length=200, blank=True)
    openness = models.CharField(
        _("open to young people from other municipalities?"),
        max_length=10,
        choices=Openness.choices,
        default=Openness.OWN_MUNICIPALITY,
    )
    open_to_offices = models.ManyToManyField(
        Office, blank=True, related_name="+", verbose_name=_("also open to young people from")
    )
    cross_border_terms = models.TextField(
        _("terms for young people from other municipalities"),
        blank=True,
        help_text=_("The agreement: who pays, how many places, whom to call."),
    )
    is_active = models.BooleanField(_("running now"), default=True)
    last_checked_on = models.DateField(_("last checked"))
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    public_code = models.SlugField(
        _("code in the judgement link"), max_length=20, unique=True, default=new_public_code
    )

    class Meta:
        verbose_name = _("activity offer")
        verbose_name_plural = _("activity offers")
        ordering = ["municipality", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_min__isnull=True)
                | Q(age_max__isnull=True)
                | Q(age_max__gte=models.F("age_min")),
                name="offer_age_range_in_order",
                violation_error_message=_("The oldest age cannot be under the youngest age."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def weekday_codes(self) -> list[str]:
        return [code for code in self.weekdays.split(",") if code in WEEKDAY_CODES]

    @property
    def weekday_labels(self) -> list[str]:
        chosen = set(self.weekday_codes)
        return [str(label) for code, label in WEEKDAYS if code in chosen]

    @property
    def is_cross_border(self) -> bool:
        return self.openness != self.Openness.OWN_MUNICIPALITY

    def check_due_on(self) -> datetime.date:
        return self.last_checked_on + datetime.timedelta(days=settings.MEDVIRK_OFFERS_CHECK_DAYS)

    def needs_check(self, today: datetime.date) -> bool:
        """An entry nobody has checked for a while may be wrong: it asks for a check."""
        return today >= self.check_due_on()


class Judgement(models.Model):
    """One young person's anonymous judgement of an offer: no account, no address, no time of
    day, only the day it came."""

    class Recommend(models.TextChoices):
        YES = "yes", _("Yes")
        UNSURE = "unsure", _("Not sure")
        NO = "no", _("No")

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="judgements", verbose_name=_("offer")
    )
    given_on = models.DateField(_("given"))
    usefulness = models.PositiveSmallIntegerField(
        _("useful"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    welcome = models.PositiveSmallIntegerField(
        _("felt welcome"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    recommend = models.CharField(_("would recommend"), max_length=10, choices=Recommend.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("judgement")
        verbose_name_plural = _("judgements")
        ordering = ["-given_on", "-pk"]

    def __str__(self):
        return f"{self.offer} ({self.given_on})"


class CrossBorderUse(models.Model):
    """How many young people from another office used an offer in a month (counts only)."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="cross_border_uses", verbose_name=_("offer")
    )
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="+", verbose_name=_("young people from")
    )
    month = models.DateField(_("month"))
    young_people = models.PositiveSmallIntegerField(
        _("number of young people"), validators=[MinValueValidator(1)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("cross-border use")
        verbose_name_plural = _("cross-border uses")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "office", "month"],
                name="cross_border_use_once_per_office_and_month",
                violation_error_message=_(
                    "Use from this office in this month is already recorded."
                ),
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="cross_border_use_month_starts_on_the_first",
            ),
        ]

    def __str__(self):
        return f"{self.offer} – {self.office} ({self.month:%Y-%m})"


class OfferInput(models.Model):
    """An input raised about an offer, or about an offer that is missing."""

    class Reason(models.TextChoices):
        POOR_JUDGEMENT = "poor", _("Young people judge the offer poorly")
        RESOURCE_GROUP = "resource_group", _("The resource group's assessment")
        MISSING = "missing", _("An offer is missing")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, null=True, blank=True, related_name="offer_inputs"
    )
    input = models.OneToOneField(Input, on_delete=models.CASCADE, related_name="offer_link")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    kind = models.CharField(_("type"), max_length=20, choices=Offer.Kind.choices, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("input about an offer")
        verbose_name_plural = _("inputs about offers")

    def __str__(self):
        return str(self.input)

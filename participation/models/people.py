"""People, offices, programmes, groups and memberships: the base every app builds on."""

import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a login. Email is the identifier; no national ID number, ever."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)
    # Where the person lives, so that the programme sees how well each municipality is
    # represented. Optional; never an address, a birth date or a national ID.
    municipality = models.CharField(_("home municipality"), max_length=100, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["display_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_case_insensitive_unique"),
        ]

    def __str__(self):
        return self.display_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name.split(" ")[0] if self.display_name else self.email


class Office(models.Model):
    """A local NAV office, one per municipality."""

    name = models.CharField(_("name"), max_length=100)
    municipality = models.CharField(_("municipality"), max_length=100)
    code = models.SlugField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_("Short code used in links, for example gjovik."),
    )
    # An office with people, meetings or answers is never deleted; it stops being offered.
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("An office no longer in use keeps its history but is not offered in lists."),
    )

    class Meta:
        verbose_name = _("NAV office")
        verbose_name_plural = _("NAV offices")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Programme(models.Model):
    """A funded, time-limited participation effort spanning several offices."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in links"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    offices = models.ManyToManyField(Office, related_name="programmes", verbose_name=_("offices"))
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="coordinated_programmes",
        blank=True,
        verbose_name=_("coordinators"),
    )
    mandate = models.TextField(_("mandate"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    budget_nok = models.DecimalField(
        _("participation budget (NOK)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    budget_hours = models.DecimalField(
        _("participation budget (hours)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    feedback_due_weeks = models.PositiveSmallIntegerField(
        _("weeks before an input must have feedback"),
        default=6,
        help_text=_("An input without feedback after this many weeks is flagged."),
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_it_starts",
                violation_error_message=_("The programme cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.name


class Weekday(models.IntegerChoices):
    """Python's numbering (date.weekday()): Monday is 0."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Group(models.Model):
    """A group that meets: steering group, project group, resource group, user committee."""

    class Kind(models.TextChoices):
        STEERING = "steering", _("Steering group")
        PROJECT = "project", _("Project group")
        RESOURCE = "resource", _("Resource group")
        USER_COMMITTEE = "user_committee", _("User committee")
        WORKING = "working", _("Working group")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # One steering group may govern several programmes.
    programmes = models.ManyToManyField(
        Programme, related_name="groups", verbose_name=_("programmes")
    )
    mandate = models.TextField(_("mandate"), blank=True)
    meeting_interval_days = models.PositiveSmallIntegerField(
        _("days between meetings"), default=14, help_text=_("14 for every other week.")
    )
    meeting_time = models.TimeField(_("usual start time"), default=datetime.time(16, 0))
    meeting_duration_minutes = models.PositiveSmallIntegerField(
        _("usual length in minutes"), default=120
    )
    meeting_weekday = models.PositiveSmallIntegerField(
        _("usual weekday"), choices=Weekday.choices, null=True, blank=True
    )
    default_place = models.CharField(_("usual place"), max_length=200, blank=True)
    seats = models.PositiveSmallIntegerField(
        _("members' seats"),
        null=True,
        blank=True,
        help_text=_("How many members the group should have. Leave empty if it is open."),
    )
    min_meetings_per_year = models.PositiveSmallIntegerField(
        _("minimum meetings a year"),
        default=0,
        help_text=_("A user committee must meet at least four times a year."),
    )
    absence_threshold = models.PositiveSmallIntegerField(
        _("absences in a row before a member is flagged"), default=3
    )
    agenda_deadline_days = models.PositiveSmallIntegerField(
        _("days before the meeting the agenda closes for proposals"), default=3
    )

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def current(self, *, on=None):
        """Memberships that have started and not ended on the given day (default today)."""
        day = on or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class Membership(models.Model):
    """A person's place in a group for a period, with a role and (for staff) an office."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")
        PAID_REPRESENTATIVE = "paid_representative", _("Paid user representative")
        ADVISOR = "advisor", _("Advisor")
        LEADER = "leader", _("Office leader")
        OBSERVER = "observer", _("Observer")

    class EndReason(models.TextChoices):
        GOT_JOB = "got_job", _("Got a job")
        EDUCATION = "education", _("Started education")
        TRAVEL = "travel", _("Travel distance")
        HEALTH = "health", _("Health or everyday life")
        MOVED = "moved", _("Moved")
        OTHER = "other", _("Other")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("group")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.MEMBER)
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("office"),
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("to"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason for leaving"), max_length=20, choices=EndReason.choices, blank=True
    )
    # A seat passes from one person to the next; the successor reads the handover note.
    predecessor = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
        verbose_name=_("takes over from"),
    )
    handover_note = models.TextField(
        _("handover note"),
        blank=True,
        help_text=_("What the next person in this seat should know."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group", "person__display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_it_starts",
                violation_error_message=_("A membership cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.group} ({self.get_role_display()})"

    @property
    def is_paid_representative(self):
        return self.role == self.Role.PAID_REPRESENTATIVE


class Invitation(models.Model):
    """A coordinator's invitation of a person into a group; the person sets their own password."""

    email = models.EmailField(_("email address"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("person"),
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="invitations", null=True, blank=True
    )
    # The seat offered to someone who already has an account: it becomes a membership only
    # when they accept it while logged in.
    group = models.ForeignKey(
        Group,
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("group"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Membership.Role.choices, blank=True)
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    predecessor = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("programme")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_accepted(self):
        return self.accepted_at is not None


class MandateVersion(models.Model):
    """One version of a programme's or a group's mandate: the text, from when, and why."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="mandate_versions",
        null=True,
        blank=True,
        verbose_name=_("programme"),
    )
    group = models.ForeignKey(
        Group,
        on_delete=models.CASCADE,
        related_name="mandate_versions",
        null=True,
        blank=True,
        verbose_name=_("group"),
    )
    text = models.TextField(_("mandate"))
    reason = models.CharField(_("why the mandate changed"), max_length=500)
    valid_from = models.DateField(_("valid from"))
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("mandate version")
        verbose_name_plural = _("mandate versions")
        ordering = ["-valid_from", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(programme__isnull=False, group__isnull=True)
                | Q(programme__isnull=True, group__isnull=False),
                name="mandate_version_of_a_programme_or_a_group",
            ),
        ]

    def __str__(self):
        return f"{self.programme or self.group} – {self.valid_from}"

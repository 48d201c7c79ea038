"""Medvirk settings, read from the environment only (see CONTRACT.md).

Production-safe defaults: DEBUG is off and the development secret key is refused unless
DEBUG is turned on explicitly.
"""

from pathlib import Path

import environ
import xstatic.pkg.bootstrap
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Queue

from config.error_reporting import parse_admins, sentry_init

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT_SECRET_KEY = "django-insecure-medvirk-development-key-do-not-use-in-production"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a secret value when DJANGO_DEBUG is off."
    )
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])


def database_from_url(url: str) -> dict:
    """Parse DATABASE_URL; a relative SQLite path is taken from the project folder."""
    config = environ.Env.db_url_config(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        name = config["NAME"]
        if name and name != ":memory:" and not Path(name).is_absolute():
            config["NAME"] = str(BASE_DIR / name)
    else:
        config.setdefault("CONN_MAX_AGE", 60)
        config.setdefault("CONN_HEALTH_CHECKS", True)
    return config


DATABASES = {
    "default": database_from_url(env.str("DATABASE_URL", default="sqlite:///var/db.sqlite3"))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "auditlog",
    "participation",
    "resourcegroup",
    "checklists",
    "surveys",
    "offers",
    "reports",
    "ops",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id (config/logs.py).
    "config.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records who made each change to the models registered in AUDITLOG_INCLUDE_TRACKING_MODELS.
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "participation.middleware.RequireMFAMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "participation.context_processors.navigation",
                "participation.context_processors.undo",
            ],
        },
    },
]

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "participation.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "participation.adapters.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# An address logs in, and becomes the one mail goes to, only once its owner has proved it:
# a new address waits unverified beside the old one and replaces it when confirmed.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Medvirk] "
ACCOUNT_SESSION_REMEMBER = None
# Every login form is throttled, the admin's included (it sends people to this one): per
# address, and failed attempts per login name. A refusal is a calm page (templates/429.html)
# or a message on the form; counts live in the cache only.
# Behind N reverse proxies the visitor's address is the Nth from the right in X-Forwarded-For;
# with 0 (direct) it is REMOTE_ADDR. Wrong here, every visitor shares one login limit.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("MEDVIRK_TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Medvirk"
# Coordinators and staff must have a second factor; `make run` turns this off for the demo.
MEDVIRK_REQUIRE_MFA = env.bool("MEDVIRK_REQUIRE_MFA", default=True)
# Invitation links use Django's token generator, so they are valid as long as a
# password-reset link: PASSWORD_RESET_TIMEOUT (three days). A coordinator can send again.

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Norwegian date formats ("9. november 2026", "man. 9. nov. kl. 16.00"); see config/formats.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Bootstrap comes from the xstatic-bootstrap package and is served from our own origin.
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"


# --- Email ----------------------------------------------------------------------------------
def email_from_url(url: str) -> dict:
    """Parse EMAIL_URL; a relative filemail folder is taken from the project folder.

    django-environ reads `filemail:///var/mail` as the relative path `var/mail`; an absolute
    folder is `filemail:////srv/mail`.
    """
    config = environ.Env.email_url_config(url)
    path = config.get("EMAIL_FILE_PATH")
    if path and not Path(path).is_absolute():
        config["EMAIL_FILE_PATH"] = str(BASE_DIR / path)
    return config


EMAIL_CONFIG = email_from_url(env.str("EMAIL_URL", default="consolemail://"))
vars().update(EMAIL_CONFIG)
# Emails carry login, invitation and password-reset links: in production they must not end
# up in a log or vanish in memory.
UNSAFE_PRODUCTION_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
if not DEBUG and EMAIL_CONFIG["EMAIL_BACKEND"] in UNSAFE_PRODUCTION_EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        "EMAIL_URL must name a real mail server (smtp://… or smtp+tls://…) when DJANGO_DEBUG is "
        "off: the console backend would write login and invitation links to the log."
    )
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="medvirk@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery and cache -----------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A late-acked task is redelivered when the visibility timeout passes; PDF renders of a
# large programme may take minutes, so give them well over the longest expected render.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# PDF renders go to a queue of their own (config/celery.py), served by its own worker, so that
# reminders never wait behind them; everything else to the default queue, "celery".
MEDVIRK_PDF_QUEUE = "pdf"
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_ROUTES = ("config.celery.route_task",)
# A plain `celery -A config worker` takes both queues; `--queues=celery` or `--queues=pdf` one.
CELERY_TASK_QUEUES = (Queue(CELERY_TASK_DEFAULT_QUEUE), Queue(MEDVIRK_PDF_QUEUE))
# The worker logs through Django's LOGGING (config/logs.py), with each task's id on its lines.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_ENABLE_UTC = True

if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Security -------------------------------------------------------------------------------
# A session ends after this many seconds without a request (every request renews it).
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
# HTTPS only outside debug: redirect plain HTTP (the health check excepted, for the container's
# own probe) and tell browsers to use HTTPS for a year (HSTS).
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): everything from our own origin, no inline script or
# style anywhere (templates use classes and static files), images also as data: URLs (charts,
# QR codes), and no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Features no page of Medvirk uses, switched off for every page (config/middleware.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

# --- Error reporting ------------------------------------------------------------------------
# Errors are emailed to DJANGO_ADMINS ("Name <address>", comma-separated) and sent to Sentry
# when SENTRY_DSN is set; neither report holds personal data (config/error_reporting.py).
ADMINS = parse_admins(env.list("DJANGO_ADMINS", default=[]))
# Logs go to standard output, one JSON object a line with the request's (or Celery task's) id
# and no client address or query string (config/logs.py); `make run` keeps a readable line.
LOG_FORMAT = env.str("DJANGO_LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "redact_secrets": {"()": "config.error_reporting.RedactSecretsFilter"},
        "request_id": {"()": "config.logs.RequestIdFilter"},
    },
    "formatters": {
        "json": {"()": "config.logs.JsonFormatter"},
        "text": {"()": "config.logs.TextFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        },
        "mail_admins": {
            "level": "ERROR",
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["require_debug_false", "redact_secrets"],
            "include_html": False,
            "reporter_class": "config.error_reporting.PrivateExceptionReporter",
        },
    },
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # runserver's request lines (`make run`) through the same private formatter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}
DEFAULT_EXCEPTION_REPORTER = "config.error_reporting.PrivateExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "config.error_reporting.PrivateReporterFilter"
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    sentry_init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("SENTRY_RELEASE", default="") or None,
    )

# Absolute links in emails sent by workers, where there is no request to take them from.
MEDVIRK_BASE_URL = env.str("MEDVIRK_BASE_URL", default="http://127.0.0.1:8000")
if not DEBUG and not MEDVIRK_BASE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "MEDVIRK_BASE_URL must be the site's https:// address when DJANGO_DEBUG is off: links "
        "in emails carry login and invitation tokens."
    )
# An activity offer nobody has checked for this many days asks for a check.
MEDVIRK_OFFERS_CHECK_DAYS = env.int("MEDVIRK_OFFERS_CHECK_DAYS", default=180)
CELERY_BEAT_SCHEDULE_FILENAME = str(BASE_DIR / "var" / "celerybeat-schedule")

# --- Reminders and scheduled reports (issue 8) ------------------------------------------------
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE = {
    # One reminder sweep every 15 minutes; what was sent is never sent again, and the sweep
    # itself defers in the quiet hours.
    "reminder-sweep": {
        "task": "participation.tasks.run_reminder_sweep",
        "schedule": crontab(minute="*/15"),
    },
    # Once a day, in working hours: remind owners of inputs due soon or overdue (issue 15).
    "input-owner-reminders": {
        "task": "participation.tasks.remind_input_owners",
        "schedule": crontab(hour=9, minute=0),
    },
    # Once a day, in working hours: training refreshers due in 30 days or today (issue 15).
    "training-refresher-reminders": {
        "task": "participation.tasks.remind_training_refreshers",
        "schedule": crontab(hour=9, minute=15),
    },
    # Once a day: make the steering reports due before meetings and email finished ones.
    "steering-reports": {
        "task": "reports.tasks.run_report_schedule",
        "schedule": crontab(hour=8, minute=30),
    },
    # Applications not chosen are deleted a set time after their posting closed.
    "delete-expired-applications": {
        "task": "resourcegroup.tasks.delete_expired_applications",
        "schedule": crontab(hour=3, minute=15),
    },
    # Once a day: survey results take in each office's full batch of new answers (never more
    # often; surveys.services.releases).
    "release-survey-results": {
        "task": "surveys.tasks.release_survey_results",
        "schedule": crontab(hour=0, minute=30),
    },
    # Once a night: every rule of the data register (participation.retention).
    "apply-retention": {
        "task": "participation.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=45),
    },
}
# How long personal data is kept, in months (participation.retention; the register page).
MEDVIRK_RETENTION_MEMBER_MONTHS = env.int("MEDVIRK_RETENTION_MEMBER_MONTHS", default=12)
MEDVIRK_RETENTION_STORY_MONTHS = env.int("MEDVIRK_RETENTION_STORY_MONTHS", default=24)
MEDVIRK_RETENTION_FREE_TEXT_MONTHS = env.int("MEDVIRK_RETENTION_FREE_TEXT_MONTHS", default=24)
MEDVIRK_RETENTION_REPORT_MONTHS = env.int("MEDVIRK_RETENTION_REPORT_MONTHS", default=36)
MEDVIRK_RETENTION_AUDIT_MONTHS = env.int("MEDVIRK_RETENTION_AUDIT_MONTHS", default=24)
# No reminders from MEDVIRK_QUIET_HOURS_START to MEDVIRK_QUIET_HOURS_END (Oslo time).
MEDVIRK_QUIET_HOURS_START = env.int("MEDVIRK_QUIET_HOURS_START", default=21)
MEDVIRK_QUIET_HOURS_END = env.int("MEDVIRK_QUIET_HOURS_END", default=8)
# Defaults for groups without their own reminder settings.
MEDVIRK_REMINDER_DAY_BEFORE_AT = env.str("MEDVIRK_REMINDER_DAY_BEFORE_AT", default="12:00")
MEDVIRK_INVITATION_DAYS_BEFORE = env.int("MEDVIRK_INVITATION_DAYS_BEFORE", default=7)
# Owners of inputs are reminded this many days before the answer is due (issue 15).
MEDVIRK_INPUT_DUE_SOON_DAYS = env.int("MEDVIRK_INPUT_DUE_SOON_DAYS", default=3)
# Defaults for programmes without their own report schedule.
MEDVIRK_STEERING_REPORT_DAYS_BEFORE = env.int("MEDVIRK_STEERING_REPORT_DAYS_BEFORE", default=5)
MEDVIRK_STEERING_REPORT_ATTACH_PDF = env.bool("MEDVIRK_STEERING_REPORT_ATTACH_PDF", default=False)
# Text messages: a class with send_sms(to, text). The console backend prints them.
MEDVIRK_SMS_BACKEND = env.str(
    "MEDVIRK_SMS_BACKEND", default="participation.services.notifications.ConsoleSmsBackend"
)
MEDVIRK_SMS_FILE_PATH = env.path("MEDVIRK_SMS_FILE_PATH", default=BASE_DIR / "var" / "sms")

# --- Audit log (issue 12) -------------------------------------------------------------------
# Who created, changed or deleted personal data and pay is kept by django-auditlog (model
# history, actor from the request); who viewed, exported or downloaded it is kept by
# participation.services.audit.audit_event. No IP addresses: the actor is enough.
AUDITLOG_DISABLE_REMOTE_ADDR = True
# Passwords and login times are not history; free text stays out of the log, so that deleting
# or anonymising it (retention) removes it everywhere.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {"model": "participation.User", "exclude_fields": ["password", "last_login"]},
    {"model": "participation.Membership", "exclude_fields": ["handover_note"]},
    "participation.Invitation",
    "participation.Attendance",
    {"model": "resourcegroup.Contract", "exclude_fields": ["role_description"]},
    {"model": "resourcegroup.Timesheet", "exclude_fields": ["return_comment"]},
    {"model": "resourcegroup.TimeEntry", "exclude_fields": ["comment"]},
    "resourcegroup.PayrollExport",
    "resourcegroup.HonorariumRate",
    "resourcegroup.Honorarium",
    "resourcegroup.BudgetLine",
    "resourcegroup.OtherCost",
    {
        "model": "resourcegroup.TravelClaim",
        "exclude_fields": ["comment", "return_comment", "from_place", "to_place"],
    },
    {"model": "resourcegroup.Onboarding", "exclude_fields": ["note"]},
    {"model": "resourcegroup.Application", "exclude_fields": ["motivation"]},
    {"model": "resourcegroup.FollowUpContact", "exclude_fields": ["note"]},
    {"model": "resourcegroup.Story", "exclude_fields": ["text", "anonymised_text"]},
    {"model": "reports.Report", "exclude_fields": ["parameters", "error"]},
)

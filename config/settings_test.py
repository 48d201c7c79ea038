"""Settings for the test suite: fast hashing, in-memory email, eager tasks unless Redis is set."""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
# Production refuses the console email backend and a plain-http base URL; the tests run with
# DEBUG off, so they name a mail server (replaced by the in-memory backend below) and https.
os.environ.setdefault("EMAIL_URL", "smtp://localhost:25")
os.environ.setdefault("MEDVIRK_BASE_URL", "https://testserver")

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
MEDVIRK_REQUIRE_MFA = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the finders, as in development: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

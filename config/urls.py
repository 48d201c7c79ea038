from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from .health import healthz

# The admin has no login form of its own: it sends people to allauth's, with its two-step
# login and throttling.
admin.site.login = secure_admin_login(admin.site.login)

# Each app defines its full paths: programme pages under p/<slug>/..., and the public survey
# pages at s/<slug>/ (stable for the life of a survey, no language prefix: CONTRACT.md).
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("participation.urls")),
    path("", include("resourcegroup.urls")),
    path("", include("checklists.urls")),
    path("", include("surveys.urls")),
    path("", include("offers.urls")),
    path("", include("reports.urls")),
    path("", include("ops.urls")),
]

# Files in MEDIA_ROOT (report PDFs) are never served by URL, in debug neither: each is handed
# out by its app's view after the access check (reports:report_download), and logged.

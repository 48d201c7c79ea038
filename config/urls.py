from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("participation.urls")),
    path("accounts/", include("allauth.urls")),
    path("resource-group/", include("resourcegroup.urls")),
    path("checklists/", include("checklists.urls")),
    path("reports/", include("reports.urls")),
    # Public survey pages: stable for the life of a survey, no language prefix (CONTRACT.md).
    path("s/", include("surveys.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

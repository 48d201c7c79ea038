"""Files in MEDIA_ROOT are handed out only by a view that checks access, in every mode, and
their names cannot be guessed from the programme or the period."""

import importlib
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import Resolver404, clear_url_caches, resolve

import config.urls
from reports.models import Report
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(cast):
    report = ReportFactory(programme=cast.programme, status=Report.Status.DONE)
    report.file.save(report.filename, ContentFile(b"%PDF-1.7 secret"))
    return report


def test_a_report_file_has_an_unguessable_name(report):
    name = report.file.name

    assert re.fullmatch(r"reports/[0-9a-f]{32}(_\w+)?\.pdf", name), name
    assert report.programme.slug not in name
    assert str(report.period_start) not in name


def test_a_media_url_is_not_served_to_an_outsider(login, client, cast, report):
    login(cast.outsider)

    assert client.get(f"/media/{report.file.name}").status_code == 404
    assert client.get(f"/p/best/reports/{report.pk}/download/").status_code == 404


def test_a_media_url_is_not_served_even_to_the_coordinator(login, client, cast, report):
    login(cast.coordinator)

    assert client.get(f"/media/{report.file.name}").status_code == 404
    assert client.get(f"/p/best/reports/{report.pk}/download/").status_code == 200


@pytest.fixture
def debug_urls(settings):
    """The URLs as `make run` builds them, with DEBUG on."""
    from django.contrib import admin

    login = admin.site.login  # config.urls wraps it; a reload must not wrap it twice
    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    admin.site.login = login
    importlib.reload(config.urls)
    admin.site.login = login
    clear_url_caches()


def test_no_url_serves_media_files_in_debug_either(debug_urls, settings, report):
    with pytest.raises(Resolver404):
        resolve(f"/{settings.MEDIA_URL.strip('/')}/{report.file.name}")

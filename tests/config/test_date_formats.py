"""Dates read as Norwegian on Norwegian pages: "9. november 2026", "man. 9. nov. kl. 16.00"."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from participation.selectors.tasks import _short_date_of_day

MONDAY = datetime.datetime(2026, 11, 9, 16, 0, tzinfo=ZoneInfo("Europe/Oslo"))
MAY = datetime.date(2026, 5, 6)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_named_formats_follow_spraakraadet_in_both_norwegian_languages(language):
    with translation.override(language):
        assert date_format(MONDAY, "DATE_FORMAT") == "9. november 2026"
        assert date_format(MONDAY, "DATETIME_FORMAT") == "9. november 2026 kl. 16.00"
        assert date_format(MONDAY, "TIME_FORMAT") == "16.00"
        assert date_format(MONDAY, "SHORT_DATE_FORMAT") == "man. 9. nov."
        assert date_format(MONDAY, "SHORT_DATETIME_FORMAT") == "man. 9. nov. kl. 16.00"


def test_may_is_not_abbreviated_with_a_dot():
    with translation.override("nb"):
        assert date_format(MAY, "SHORT_DATE_FORMAT") == "ons. 6. mai"


def test_english_pages_get_english_order_and_no_kl():
    with translation.override("en"):
        assert date_format(MONDAY, "DATETIME_FORMAT") == "9 November 2026, 16:00"
        assert date_format(MONDAY, "SHORT_DATE_FORMAT") == "Mon 9 Nov"


def test_templates_use_the_named_formats():
    template = Template('{{ at|date:"SHORT_DATETIME_FORMAT" }} | {{ at|date:"TIME_FORMAT" }}')
    with translation.override("nn"):
        assert template.render(Context({"at": MONDAY})) == "man. 9. nov. kl. 16.00 | 16.00"


def test_start_page_task_dates_are_short_norwegian_dates():
    with translation.override("nb"):
        assert _short_date_of_day(MONDAY.date()) == "man. 9. nov."

"""Response rates that cannot pass 100 %: with answer codes the denominator is the codes
handed out; with an open link Medvirk counts answers per first meeting recorded instead."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from surveys.selectors import OfficeRate
from surveys.selectors.results import codes_handed_out
from surveys.services.codes import codes_make

pytestmark = pytest.mark.django_db


def _row(n, hidden=False):
    return SimpleNamespace(n=n, is_hidden=hidden)


def test_codes_made_before_the_round_count_as_handed_out_for_it(survey, cast):
    survey.requires_code = True
    survey.save(update_fields=["requires_code"])
    today = timezone.localdate()
    codes_make(
        survey=survey, office=cast.offices.toten, count=3, today=today - datetime.timedelta(60)
    )
    codes_make(survey=survey, office=cast.offices.toten, count=2, today=today)

    assert codes_handed_out(survey=survey, end=today)[cast.offices.toten.pk] == 5
    # A batch made after the round's end is not counted for it.
    assert codes_handed_out(survey=survey, end=today - datetime.timedelta(1)) == {
        cast.offices.toten.pk: 3
    }


def test_with_codes_it_is_a_response_rate():
    rate = OfficeRate("NAV Østre Toten", 1, _row(4), 5, is_response_rate=True)

    assert rate.percent == 80
    assert rate.per_first_meeting is None


def test_with_an_open_link_it_is_answers_per_first_meeting_shown_as_it_is():
    rate = OfficeRate("NAV Østre Toten", 1, _row(16), 13, is_response_rate=False)

    assert rate.percent is None
    # 16 answers after 13 recorded first meetings: more than one, and not capped.
    assert rate.per_first_meeting == pytest.approx(16 / 13)


def test_a_hidden_count_hides_both():
    rate = OfficeRate("NAV Østre Toten", 1, _row(3, hidden=True), 5, is_response_rate=True)

    assert rate.percent is None and rate.per_first_meeting is None

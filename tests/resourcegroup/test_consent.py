"""Consent to store an application: what was agreed, word for word, and when; and it can be
withdrawn."""

import pytest
from django.utils import timezone, translation

from resourcegroup.models import Application
from resourcegroup.services.recruitment import application_submit, application_withdraw_consent
from tests.resourcegroup.factories import PostingFactory

pytestmark = pytest.mark.django_db


def submit(cast):
    posting = PostingFactory(programme=cast.programme, group=cast.resource_group)
    return application_submit(
        posting=posting,
        name="Ola",
        email="ola@example.org",
        municipality="Gjøvik",
        age_band=Application.AgeBand.FROM_18_TO_23,
        motivation="Jeg vil være med.",
        has_consented=True,
        source=Application.Source.COORDINATOR,
    )


def test_the_consent_is_stored_with_its_words_and_time(cast):
    with translation.override("nb"):
        application = submit(cast)

    application.refresh_from_db()
    assert application.consent_text.startswith("Jeg samtykker") or "NAV" in application.consent_text
    assert application.consented_at is not None
    assert abs((timezone.now() - application.consented_at).total_seconds()) < 60


def test_withdrawing_consent_deletes_the_application(cast):
    application = submit(cast)

    application_withdraw_consent(application=application)

    assert not Application.objects.exists()

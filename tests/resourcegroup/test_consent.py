"""Consent to store an application: what was agreed, word for word, and when; and it can be
withdrawn."""

import pytest
from django.urls import reverse
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


def withdraw_url(cast, application):
    return reverse(
        "resourcegroup:application_withdraw_consent",
        kwargs={"slug": cast.programme.slug, "application_id": application.pk},
    )


def test_the_coordinator_checks_then_withdraws_the_consent(client, english, login, cast):
    application = submit(cast)
    login(cast.coordinator)
    detail = reverse(
        "resourcegroup:application_detail",
        kwargs={"slug": cast.programme.slug, "application_id": application.pk},
    )
    assert withdraw_url(cast, application) in client.get(detail).content.decode()

    check = client.get(withdraw_url(cast, application))
    assert check.status_code == 200
    assert "Ola withdraws the consent to store the application" in check.content.decode()
    assert Application.objects.filter(pk=application.pk).exists()

    done = client.post(withdraw_url(cast, application), follow=True)
    assert not Application.objects.filter(pk=application.pk).exists()
    assert "The consent is withdrawn and the application from Ola is deleted." in (
        done.content.decode()
    )


def test_a_member_cannot_withdraw_an_application(client, login, cast):
    application = submit(cast)
    login(cast.member)

    assert client.post(withdraw_url(cast, application)).status_code == 404
    assert Application.objects.filter(pk=application.pk).exists()

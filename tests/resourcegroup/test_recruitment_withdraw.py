"""An applicant withdraws their own application from the link in the receipt, without an
account: withdrawing consent must be as easy as giving it."""

import re
import smtplib
from unittest import mock

import pytest
from django.core import mail

from resourcegroup.models import Application, ApplicationEvent
from resourcegroup.services import recruitment as service
from tests.resourcegroup.factories import application_form

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https://testserver(/apply/withdraw/[A-Za-z0-9_-]+/)")


def _apply(client, capture, **overrides):
    with capture(execute=True):
        return client.post("/apply/ressursgruppa-2025/", application_form(**overrides), follow=True)


def _withdraw_path(text: str) -> str:
    found = LINK.search(text)
    assert found, text
    return found.group(1)


def test_the_receipt_links_to_a_check_step_that_deletes_the_application(
    client, english, posting, django_capture_on_commit_callbacks
):
    thanks = _apply(client, django_capture_on_commit_callbacks)
    assert "We have sent you a receipt" in thanks.content.decode()
    [receipt] = mail.outbox
    assert receipt.to == ["nora@example.org"]
    assert posting.title in receipt.body
    path = _withdraw_path(receipt.body)

    # Opening the link (as a mail program scanning it would) deletes nothing.
    check = client.get(path)
    assert check.status_code == 200
    assert "Withdraw and delete my application" in check.content.decode()
    assert Application.objects.count() == 1

    done = client.post(path)

    assert done.status_code == 200
    assert "Your application is deleted" in done.content.decode()
    assert not Application.objects.exists()
    assert not ApplicationEvent.objects.exists()


def test_a_used_or_wrong_link_says_so_calmly(
    client, english, posting, django_capture_on_commit_callbacks
):
    _apply(client, django_capture_on_commit_callbacks)
    path = _withdraw_path(mail.outbox[0].body)
    client.post(path)

    again = client.post(path)
    wrong = client.get("/apply/withdraw/not-the-key/")

    for response in (again, wrong):
        assert response.status_code == 404
        assert "This link is no longer in use" in response.content.decode()


def test_one_applicants_link_withdraws_only_their_own(
    client, english, posting, django_capture_on_commit_callbacks
):
    _apply(client, django_capture_on_commit_callbacks)
    _apply(client, django_capture_on_commit_callbacks, name="Ali Hassan", email="ali@example.org")
    nora_path = _withdraw_path(mail.outbox[0].body)

    client.post(nora_path)

    assert list(Application.objects.values_list("name", flat=True)) == ["Ali Hassan"]


def test_the_database_holds_only_a_hash_of_the_key(
    client, posting, django_capture_on_commit_callbacks
):
    _apply(client, django_capture_on_commit_callbacks)
    key = _withdraw_path(mail.outbox[0].body).rstrip("/").rsplit("/", 1)[1]
    application = Application.objects.get()

    assert len(key) >= 40
    assert application.withdraw_key_hash
    assert key not in application.withdraw_key_hash


def test_an_applicant_with_only_a_phone_number_gets_the_link_by_sms(
    client, settings, posting, django_capture_on_commit_callbacks
):
    settings.MEDVIRK_SMS_BACKEND = "participation.services.notifications.LocmemSmsBackend"
    from participation.services.notifications import LocmemSmsBackend

    LocmemSmsBackend.outbox.clear()
    _apply(client, django_capture_on_commit_callbacks, email="", phone="+4791234567")

    assert not mail.outbox
    [(to, text)] = LocmemSmsBackend.outbox
    assert to == "+4791234567"
    client.post(_withdraw_path(text))
    assert not Application.objects.exists()


def test_the_receipt_is_in_the_language_of_the_form(
    client, posting, django_capture_on_commit_callbacks
):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nb"
    _apply(client, django_capture_on_commit_callbacks)

    assert "Vi har fått søknaden din" in mail.outbox[0].subject


def test_a_mail_server_that_is_down_still_stores_the_application(
    client, english, posting, django_capture_on_commit_callbacks, caplog
):
    with mock.patch(
        "resourcegroup.services.recruitment.send_mail",
        side_effect=smtplib.SMTPServerDisconnected("down"),
    ):
        thanks = _apply(client, django_capture_on_commit_callbacks)

    assert thanks.status_code == 200
    assert Application.objects.count() == 1
    assert "could not be sent" in caplog.text


def test_an_application_the_coordinator_types_in_gets_a_receipt_too(
    cast, posting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        service.application_submit(
            posting=posting,
            name="Sara Lie",
            email="sara@example.org",
            municipality="Vestre Toten",
            age_band="24_29",
            motivation="Ringte inn.",
            has_consented=True,
            source=Application.Source.COORDINATOR,
            by=cast.coordinator,
        )

    assert mail.outbox[0].to == ["sara@example.org"]
    assert LINK.search(mail.outbox[0].body)


def test_a_script_trying_keys_is_refused_calmly(client, english, db):
    answers = [client.get(f"/apply/withdraw/guess-{n}/").status_code for n in range(25)]

    assert answers[:20] == [404] * 20
    assert answers[-1] == 429

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_forgotten_password_is_reset_through_the_emailed_link(client, cast):
    client.post("/accounts/password/reset/", {"email": "member@example.org"})

    assert len(mail.outbox) == 1
    link = re.search(
        r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body
    ).group(1)
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(
        action, {"password1": "nytt-langt-passord-9", "password2": "nytt-langt-passord-9"}
    )

    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.check_password("nytt-langt-passord-9")


def test_unknown_address_reveals_nothing_and_sends_no_reset_link(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert all("/password/reset/key/" not in message.body for message in mail.outbox)


def test_invited_person_who_lost_the_email_can_still_reset(client, cast):
    cast.member.set_unusable_password()
    cast.member.save()

    client.post("/accounts/password/reset/", {"email": "member@example.org"})

    assert any("/password/reset/key/" in message.body for message in mail.outbox)


@pytest.mark.parametrize(
    "language, subject, sentence",
    [
        ("nb", "Nytt passord", "noen har bedt om nytt passord til kontoen din"),
        ("nn", "Nytt passord", "nokon har bede om nytt passord til kontoen din"),
    ],
)
def test_reset_email_is_in_the_persons_own_norwegian(client, cast, language, subject, sentence):
    cast.member.language = language
    cast.member.save(update_fields=["language"])

    client.post("/accounts/password/reset/", {"email": "member@example.org"})

    [message] = mail.outbox
    assert subject in message.subject
    assert sentence in message.body
    assert "You're receiving" not in message.body and "Password Reset" not in message.subject

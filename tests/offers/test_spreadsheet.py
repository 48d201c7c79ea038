"""The register as CSV: an export that loads back, and an import checked line by line that
adds everything or nothing."""

import io

import pytest
from django.urls import reverse

from offers.models import Offer
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

HEADER = "Name of the offer;Type;Who runs it;What it is;Municipality;Kept by office;Days\n"


def _upload(client, text, action="check"):
    upload = io.BytesIO(text.encode("utf-8"))
    upload.name = "tilbud.csv"
    return client.post(
        reverse("offers:import", kwargs={"slug": "best"}), {"file": upload, "action": action}
    )


def _confirm(client, text):
    return client.post(
        reverse("offers:import", kwargs={"slug": "best"}), {"text": text, "action": "import"}
    )


def test_export_neutralises_formulas_and_loads_back(cast, login):
    OfferFactory(
        programme=cast.programme,
        office=cast.offices.gjovik,
        title="=HYPERLINK(1)",
        openness=Offer.Openness.AGREED_OFFICES,
        open_to_offices=[cast.offices.toten],
    )
    client = login(cast.coordinator)

    exported = client.get(reverse("offers:export", kwargs={"slug": "best"}))
    text = exported.content.decode("utf-8")
    Offer.objects.all().delete()
    _confirm(client, text)

    assert exported["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK(1)" in text
    offer = Offer.objects.get()
    assert offer.title == "=HYPERLINK(1)"
    assert list(offer.open_to_offices.all()) == [cast.offices.toten]
    assert offer.weekdays == "mon,wed"


def test_the_check_step_adds_nothing_and_shows_the_rows(cast, login):
    text = (
        HEADER
        + "Snekkerverksted;Work training and practice;Kommunen;Tre;Gjøvik;gjovik;Monday, Friday\n"
    )

    response = _upload(login(cast.advisor), text)

    assert "Check before you import" in response.content.decode()
    assert "Snekkerverksted" in response.content.decode()
    assert not Offer.objects.exists()


def test_confirming_adds_every_row_with_the_importer_as_checker(cast, login):
    text = (
        HEADER
        + "Snekkerverksted;Arbeidstrening og praksis;Kommunen;Tre;Gjøvik;gjovik;mandag, fredag\n"
        + "Jobbklubb;job_seeking;NAV;CV;Gjøvik;gjovik;\n"
    )

    response = _confirm(login(cast.advisor), text)

    assert response.status_code == 302
    assert Offer.objects.count() == 2
    first = Offer.objects.get(title="Snekkerverksted")
    assert first.weekdays == "mon,fri"
    assert first.last_checked_by == cast.advisor


def test_one_bad_row_stops_the_whole_import_and_is_named(cast, login):
    text = (
        HEADER
        + "Snekkerverksted;work_training;Kommunen;Tre;Gjøvik;gjovik;mon\n"
        + "Romreise;space;Kommunen;Rakett;Oslo;ostre-toten;someday\n"
    )

    response = _confirm(login(cast.advisor), text)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported." in content
    assert "Line 3 (Romreise)" in content
    assert "“space” is not one of the choices." in content
    assert "“someday” is not a day of the week." in content
    assert "Write the code of an office you keep offers for" in content
    assert not Offer.objects.exists()


def test_a_file_without_the_needed_columns_is_explained(cast, login):
    response = _upload(login(cast.coordinator), "Navn;Sted\nKafé;Gjøvik\n")

    assert "The file lacks these columns" in response.content.decode()
    assert not Offer.objects.exists()


def test_no_file_is_a_message_not_an_error(cast, login):
    response = login(cast.coordinator).post(
        reverse("offers:import", kwargs={"slug": "best"}), {"action": "check"}
    )

    assert response.status_code == 200
    assert "Choose a CSV file." in response.content.decode()


def test_members_may_neither_import_nor_export(cast, login):
    client = login(cast.member)

    assert client.get(reverse("offers:export", kwargs={"slug": "best"})).status_code == 404
    assert client.get(reverse("offers:import", kwargs={"slug": "best"})).status_code == 404
    assert _confirm(client, HEADER + "A;work_training;K;T;Gjøvik;gjovik;\n").status_code == 404
    assert not Offer.objects.exists()

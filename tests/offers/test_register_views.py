"""Finding, reading and keeping offers: what each role sees and may change."""

import pytest
from django.urls import reverse

from offers.models import Offer
from tests.offers.factories import OfferFactory, days_ago, judge

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def _list(slug="best"):
    return reverse("offers:list", kwargs={"slug": slug})


def _detail(offer, slug="best"):
    return reverse("offers:detail", kwargs={"slug": slug, "offer_id": offer.pk})


@pytest.fixture
def offers(cast):
    gjovik, toten = cast.offices.gjovik, cast.offices.toten
    return {
        "gjovik_own": OfferFactory(programme=cast.programme, office=gjovik, title="Kafé i Gjøvik"),
        "toten_own": OfferFactory(programme=cast.programme, office=toten, title="Gård på Kapp"),
        "toten_region": OfferFactory(
            programme=cast.programme,
            office=toten,
            title="Aktivitetshus Lena",
            kind=Offer.Kind.SOCIAL,
            openness=Offer.Openness.WHOLE_REGION,
            weekdays="fri",
        ),
        "toten_agreed": OfferFactory(
            programme=cast.programme,
            office=toten,
            title="Verksted Lena",
            openness=Offer.Openness.AGREED_OFFICES,
            open_to_offices=[gjovik],
        ),
    }


def test_advisor_first_sees_the_offers_open_to_her_offices_young_people(cast, login, offers):
    response = login(cast.advisor).get(_list())

    shown = [offer.title for offer in response.context["offers"]]
    assert shown == ["Kafé i Gjøvik", "Aktivitetshus Lena", "Verksted Lena"]
    assert "Gård på Kapp" not in response.content.decode()


def test_filters_narrow_by_type_and_day(cast, login, offers):
    client = login(cast.advisor)
    office = cast.offices.gjovik.pk

    by_kind = client.get(_list(), {"office": office, "open": "on", "kind": "social"})
    by_day = client.get(_list(), {"office": office, "open": "on", "day": "mon"})

    assert [o.title for o in by_kind.context["offers"]] == ["Aktivitetshus Lena"]
    assert "Aktivitetshus Lena" not in [o.title for o in by_day.context["offers"]]


def test_without_open_every_offer_of_the_region_is_listed(cast, login, offers):
    response = login(cast.advisor).get(_list(), {"office": "", "kind": ""})

    assert len(response.context["offers"]) == 4


def test_a_made_up_filter_value_shows_a_message_not_an_error(cast, login, offers):
    response = login(cast.advisor).get(_list(), {"kind": "space_travel", "km": "x"})

    assert response.status_code == 200
    assert response.context["offers"] == []
    assert "Please check the following" in response.content.decode()


def test_outsider_gets_404_for_the_list_and_an_offer(cast, login, offers):
    client = login(cast.outsider)

    assert client.get(_list()).status_code == 404
    assert client.get(_detail(offers["gjovik_own"])).status_code == 404


def test_an_offer_of_another_programme_is_404_under_this_programme(cast, login, offers):
    other_office = cast.offices.gjovik
    foreign = OfferFactory(programme=cast.other_programme, office=other_office)

    assert login(cast.coordinator).get(_detail(foreign)).status_code == 404


def test_member_reads_an_offer_but_may_not_change_it(cast, login, offers):
    client = login(cast.member)
    offer = offers["gjovik_own"]

    page = client.get(_detail(offer))
    edit = client.get(reverse("offers:edit", kwargs={"slug": "best", "offer_id": offer.pk}))

    assert page.status_code == 200
    assert "Change the entry" not in page.content.decode()
    assert edit.status_code == 404


def test_advisor_changes_her_offices_entry_but_not_another_offices(cast, login, offers):
    client = login(cast.advisor)

    own = client.get(
        reverse("offers:edit", kwargs={"slug": "best", "offer_id": offers["gjovik_own"].pk})
    )
    other = client.get(
        reverse("offers:edit", kwargs={"slug": "best", "offer_id": offers["toten_own"].pk})
    )

    assert own.status_code == 200
    assert other.status_code == 404


def _form_data(cast, **changes):
    data = {
        "title": "Snekkerverksted",
        "kind": "work_training",
        "provider": "Gjøvik kommune",
        "description": "Arbeidstrening med tre.",
        "municipality": "Gjøvik",
        "weekdays": ["mon", "thu"],
        "openness": "own",
        "office": cast.offices.gjovik.pk,
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_advisor_adds_an_offer_and_is_recorded_as_having_checked_it(cast, login):
    response = login(cast.advisor).post(
        reverse("offers:create", kwargs={"slug": "best"}), _form_data(cast)
    )

    offer = Offer.objects.get(title="Snekkerverksted")
    assert response.status_code == 302
    assert offer.weekdays == "mon,thu"
    assert offer.last_checked_by == cast.advisor
    assert offer.programme == cast.programme


def test_advisor_cannot_add_an_offer_for_another_office(cast, login):
    response = login(cast.advisor).post(
        reverse("offers:create", kwargs={"slug": "best"}),
        _form_data(cast, office=cast.offices.toten.pk),
    )

    assert response.status_code == 200
    assert not Offer.objects.exists()


def test_bad_input_comes_back_with_every_value_kept(cast, login):
    response = login(cast.advisor).post(
        reverse("offers:create", kwargs={"slug": "best"}),
        _form_data(cast, age_min="30", age_max="18", openness="agreed"),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "The oldest age cannot be under the youngest age." in content
    assert "Choose the offices whose young people may join." in content
    assert 'value="Snekkerverksted"' in content
    assert not Offer.objects.exists()


def test_a_national_id_number_in_the_description_is_refused(cast, login):
    response = login(cast.advisor).post(
        reverse("offers:create", kwargs={"slug": "best"}),
        _form_data(cast, description="Passer for 01020312345"),
    )

    assert "national identity number" in response.content.decode()
    assert not Offer.objects.exists()


def test_member_may_not_add_offers(cast, login):
    response = login(cast.member).post(
        reverse("offers:create", kwargs={"slug": "best"}), _form_data(cast)
    )

    assert response.status_code == 404
    assert not Offer.objects.exists()


def test_an_old_entry_asks_for_a_check_and_one_tap_marks_it_checked(cast, login, settings):
    settings.MEDVIRK_OFFERS_CHECK_DAYS = 180
    offer = OfferFactory(
        programme=cast.programme, office=cast.offices.gjovik, last_checked_on=days_ago(200)
    )
    client = login(cast.advisor)

    before = client.get(_detail(offer)).content.decode()
    client.post(reverse("offers:checked", kwargs={"slug": "best", "offer_id": offer.pk}))
    after = client.get(_detail(offer)).content.decode()

    offer.refresh_from_db()
    assert "This entry needs a check." in before
    assert "This entry needs a check." not in after
    assert offer.last_checked_on == days_ago(0)
    assert offer.last_checked_by == cast.advisor


def test_an_entry_checked_just_within_the_limit_does_not_ask(cast, settings):
    settings.MEDVIRK_OFFERS_CHECK_DAYS = 180
    offer = OfferFactory(
        programme=cast.programme, office=cast.offices.gjovik, last_checked_on=days_ago(179)
    )

    assert not offer.needs_check(days_ago(0))
    assert offer.needs_check(days_ago(-1))


def test_member_cannot_mark_an_offer_checked(cast, login, offers):
    offer = offers["gjovik_own"]
    response = login(cast.member).post(
        reverse("offers:checked", kwargs={"slug": "best", "offer_id": offer.pk})
    )

    assert response.status_code == 404


def test_judgements_show_only_from_five_and_comments_only_to_keepers(cast, login, offers):
    offer = offers["gjovik_own"]
    judge(offer, [(4, 4, "yes")] * 4)
    hidden = login(cast.member).get(_detail(offer)).content.decode()
    assert "Fewer than 5 young people" in hidden

    judge(offer, [(2, 2, "no")])
    offer.judgements.update(comment="Hyggelig sted")
    member_page = login(cast.member).get(_detail(offer)).content.decode()
    advisor_page = login(cast.advisor).get(_detail(offer)).content.decode()

    assert "5 young people have judged the offer." in member_page
    assert "Useful: 3.6 of 5" in member_page
    assert "Hyggelig sted" not in member_page
    assert "Hyggelig sted" in advisor_page


def test_saving_an_entry_counts_as_checking_it(cast, login):
    offer = OfferFactory(
        programme=cast.programme,
        office=cast.offices.toten,
        last_checked_on=days_ago(300),
        openness=Offer.Openness.AGREED_OFFICES,
        open_to_offices=[cast.offices.gjovik],
    )

    response = login(cast.coordinator).post(
        reverse("offers:edit", kwargs={"slug": "best", "offer_id": offer.pk}),
        _form_data(
            cast,
            title="Gård på Kapp",
            municipality="Østre Toten",
            office=cast.offices.toten.pk,
            openness="region",
            open_to_offices=[cast.offices.gjovik.pk],
        ),
    )

    offer.refresh_from_db()
    assert response.status_code == 302
    assert offer.title == "Gård på Kapp"
    assert offer.last_checked_on == days_ago(0)
    assert offer.last_checked_by == cast.coordinator
    # Open to the whole region: a list of offices would say something the openness does not.
    assert not offer.open_to_offices.exists()

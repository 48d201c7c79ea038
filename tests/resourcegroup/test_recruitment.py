"""Recruitment: the public phone form, the pipeline, invitations and deleting those not chosen."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.models import Invitation, Membership
from resourcegroup import tasks
from resourcegroup.models import Application, ApplicationEvent, Posting
from resourcegroup.selectors.recruitment import eligibility
from resourcegroup.services import recruitment as service
from tests.resourcegroup.factories import ApplicationFactory, PostingFactory, application_form

pytestmark = pytest.mark.django_db

D = datetime.date
BASE = "/p/best/resource-group/recruitment/"


def test_anyone_can_apply_without_logging_in(client, english, posting):
    page = client.get("/apply/ressursgruppa-2025/")
    assert page.status_code == 200
    assert "Your application" in page.content.decode()

    response = client.post("/apply/ressursgruppa-2025/", application_form(), follow=True)

    assert "Thank you for applying!" in response.content.decode()
    application = Application.objects.get()
    assert application.name == "Nora Bakken"
    assert application.status == Application.Status.RECEIVED
    assert application.has_consented
    assert application.events.count() == 1


def test_the_form_works_without_javascript_and_asks_for_no_national_id(client, english, posting):
    body = client.get("/apply/ressursgruppa-2025/").content.decode()

    assert "<script" not in body.split("<main", 1)[1]
    assert "novalidate" in body
    assert 'name="national_id"' not in body
    assert "never ask for your national identity number" in body


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"has_consented": ""}, "agree that we store it"),
        ({"email": "", "phone": ""}, "email address or a mobile number"),
        ({"motivation": "Mitt fødselsnummer er 01019912345"}, "national identity number"),
        ({"name": ""}, "This field is required"),
        ({"age_band": "12"}, "Select a valid choice"),
    ],
)
def test_bad_applications_come_back_with_values_kept(
    client, english, posting, overrides, field_message
):
    data = application_form(**overrides)

    response = client.post("/apply/ressursgruppa-2025/", data)

    body = response.content.decode()
    assert response.status_code == 200
    assert field_message in body
    assert "error-summary" in body
    assert "nora@example.org" in body or not data["email"]
    assert not Application.objects.exists()


def test_a_phone_number_alone_is_enough_to_apply(client, posting):
    client.post("/apply/ressursgruppa-2025/", application_form(email="", phone="470 12 345"))

    assert Application.objects.get().phone == "470 12 345"


def test_a_closed_posting_takes_no_applications(client, english, posting):
    Posting.objects.filter(pk=posting.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )

    body = client.get("/apply/ressursgruppa-2025/").content.decode()
    client.post("/apply/ressursgruppa-2025/", application_form())

    assert "It is not open now" in body
    assert not Application.objects.exists()


def test_an_unknown_posting_is_a_404(client, db):
    assert client.get("/apply/finnes-ikke/").status_code == 404


def test_the_pipeline_moves_forward_with_notes(cast, posting):
    application = ApplicationFactory(posting=posting)
    interview = timezone.now() + datetime.timedelta(days=3)

    for status in ["interview_booked", "interviewed", "offered", "accepted"]:
        application = service.application_move(
            application=application,
            to_status=status,
            by=cast.coordinator,
            note=f"Steg {status}",
            interview_at=interview if status == "interview_booked" else None,
        )

    assert application.status == Application.Status.ACCEPTED
    assert application.interview_at == interview
    assert [e.to_status for e in application.events.all()] == [
        "interview_booked",
        "interviewed",
        "offered",
        "accepted",
    ]


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("received", "accepted"),
        ("received", "offered"),
        ("accepted", "not_chosen"),
        ("not_chosen", "received"),
        ("declined", "accepted"),
        ("offered", "interviewed"),
        ("received", "nonsense"),
    ],
)
def test_the_pipeline_refuses_jumps_and_steps_back(cast, posting, start, to):
    application = ApplicationFactory(posting=posting, status=start)

    with pytest.raises(ValidationError):
        service.application_move(application=application, to_status=to, by=cast.coordinator)

    application.refresh_from_db()
    assert application.status == start
    assert not ApplicationEvent.objects.exists()


@pytest.mark.parametrize("start", ["received", "interview_booked", "interviewed"])
def test_an_applicant_can_be_not_chosen_at_every_step_before_an_offer(cast, posting, start):
    application = ApplicationFactory(posting=posting, status=start)

    application = service.application_move(
        application=application, to_status="not_chosen", by=cast.coordinator
    )

    assert application.status == "not_chosen"


def test_an_accepted_applicant_becomes_a_member_and_is_invited(
    cast, posting, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(posting=posting, status="accepted", email="nora@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        service.application_invite(application=application, by=cast.coordinator)

    application.refresh_from_db()
    membership = application.membership
    assert membership.group == cast.resource_group
    assert membership.role == Membership.Role.MEMBER
    assert membership.person.email == "nora@example.org"
    assert Invitation.objects.filter(person=membership.person).exists()
    assert len(mail.outbox) == 1


def test_only_accepted_applicants_are_invited_and_only_once(cast, posting):
    offered = ApplicationFactory(posting=posting, status="offered")
    with pytest.raises(ValidationError):
        service.application_invite(application=offered, by=cast.coordinator)

    accepted = ApplicationFactory(posting=posting, status="accepted")
    service.application_invite(application=accepted, by=cast.coordinator)
    with pytest.raises(ValidationError):
        service.application_invite(application=accepted, by=cast.coordinator)
    assert Membership.objects.filter(group=cast.resource_group).count() == 2


def test_an_invitation_needs_an_email_address(cast, posting):
    application = ApplicationFactory(posting=posting, status="accepted", email="", phone="47012345")

    with pytest.raises(ValidationError) as error:
        service.application_invite(application=application, by=cast.coordinator)

    assert "email" in error.value.message_dict


def test_applications_not_chosen_are_deleted_a_set_time_after_the_deadline(cast):
    posting = PostingFactory(
        programme=cast.programme,
        group=cast.resource_group,
        closes_on=D(2024, 1, 31),
        delete_after_days=30,
    )
    not_chosen = ApplicationFactory(posting=posting, status="not_chosen")
    declined = ApplicationFactory(posting=posting, status="declined")
    accepted = ApplicationFactory(posting=posting, status="accepted")
    waiting = ApplicationFactory(posting=posting, status="interviewed")

    assert service.applications_delete_expired(today=D(2024, 3, 1)) == 0  # 30 days: not yet
    assert service.applications_delete_expired(today=D(2024, 3, 2)) == 2

    remaining = set(Application.objects.values_list("pk", flat=True))
    assert remaining == {accepted.pk, waiting.pk}
    assert not_chosen.pk not in remaining and declined.pk not in remaining


def test_the_celery_task_deletes_through_the_service(cast):
    posting = PostingFactory(
        programme=cast.programme,
        group=cast.resource_group,
        opens_on=D(2020, 1, 1),
        closes_on=D(2020, 1, 31),
    )
    ApplicationFactory(posting=posting, status="not_chosen")

    assert tasks.delete_expired_applications.delay().get() == 1
    assert not Application.objects.exists()
    assert (
        tasks.delete_expired_applications.name == "resourcegroup.tasks.delete_expired_applications"
    )


@pytest.mark.parametrize(
    ("age_band", "municipality", "fits", "note"),
    [
        ("18_23", "Gjøvik", True, None),
        ("24_29", "Østre Toten", True, None),
        ("under_18", "Gjøvik", False, "outside the target group"),
        ("30_plus", "Gjøvik", False, "outside the target group"),
        ("18_23", "other", False, "outside the programme's municipalities"),
    ],
)
def test_the_eligibility_hint(cast, posting, age_band, municipality, fits, note):
    application = ApplicationFactory.build(
        posting=posting, age_band=age_band, municipality=municipality
    )

    from django.utils import translation

    with translation.override("en"):
        result = eligibility(application, posting=posting, municipalities=["Gjøvik", "Østre Toten"])

    assert result.fits is fits
    if note:
        assert note in " ".join(result.notes)


def test_a_partly_overlapping_age_band_asks_to_check(cast):
    posting = PostingFactory.build(target_age_min=20, target_age_max=29)
    application = ApplicationFactory.build(posting=posting, age_band="18_23", municipality="Gjøvik")

    result = eligibility(application, posting=posting, municipalities=["Gjøvik"])

    assert not result.fits


def test_the_coordinator_sees_the_pipeline_with_hints(login, client, english, cast, posting):
    ApplicationFactory(posting=posting, name="Nora Bakken", age_band="30_plus")
    ApplicationFactory(posting=posting, name="Ali Hassan", status="interviewed")
    login(cast.coordinator)

    body = client.get(BASE + f"{posting.pk}/").content.decode()

    assert "Nora Bakken" in body
    assert "Ali Hassan" in body
    assert "The age is outside the target group." in body
    assert "/apply/ressursgruppa-2025/" in body


def test_the_coordinator_moves_an_application_in_the_page(login, client, english, cast, posting):
    application = ApplicationFactory(posting=posting)
    login(cast.coordinator)

    client.post(
        BASE + f"applications/{application.pk}/",
        {
            "action": "move",
            "to_status": "interview_booked",
            "interview_at": "2030-05-04T15:00",
            "note": "Ringte og avtalte tid",
        },
    )

    application.refresh_from_db()
    assert application.status == "interview_booked"
    assert timezone.localtime(application.interview_at).hour == 15
    assert application.events.last().note == "Ringte og avtalte tid"


def test_a_move_not_allowed_comes_back_with_the_note_kept(login, client, english, cast, posting):
    application = ApplicationFactory(posting=posting)
    login(cast.coordinator)

    response = client.post(
        BASE + f"applications/{application.pk}/",
        {"action": "move", "to_status": "accepted", "note": "Hopper over"},
    )

    assert "Hopper over" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "received"


def test_a_note_half_written_survives_saving_the_step(login, client, english, cast, posting):
    application = ApplicationFactory(posting=posting)
    login(cast.coordinator)

    response = client.post(
        BASE + f"applications/{application.pk}/",
        {"action": "move", "to_status": "not_chosen", "note": "", "note-note": "Ring tilbake"},
        follow=True,
    )

    body = response.content.decode()
    assert "The application has moved on." in body
    assert "Ring tilbake" in body and "What you started writing here is kept" in body
    assert not application.events.filter(note="Ring tilbake").exists()


def test_the_step_half_written_survives_saving_a_note(login, client, english, cast, posting):
    application = ApplicationFactory(posting=posting)
    login(cast.coordinator)
    page = BASE + f"applications/{application.pk}/"

    response = client.post(
        page,
        {
            "action": "note",
            "to_status": "interview_booked",
            "note": "Avtalt tid på telefon",
            "note-note": "Hun svarte ikke første gang",
        },
        follow=True,
    )

    body = response.content.decode()
    assert "The note is saved." in body
    assert "Avtalt tid på telefon" in body
    assert application.events.filter(note="Hun svarte ikke første gang").exists()
    application.refresh_from_db()
    assert application.status == "received"
    # Once the step is saved, what was kept for it is gone from the page.
    client.post(
        page, {"action": "move", "to_status": "not_chosen", "note": "Avtalt tid på telefon"}
    )
    assert "What you started writing here is kept" not in client.get(page).content.decode()


def test_a_refused_note_keeps_both_texts(login, client, english, cast, posting):
    application = ApplicationFactory(posting=posting)
    login(cast.coordinator)

    response = client.post(
        BASE + f"applications/{application.pk}/",
        {"action": "note", "note": "Til steget", "note-note": "x" * 4001},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Til steget" in body and "x" * 4001 in body
    assert not application.events.filter(note__startswith="x").exists()


def test_a_note_half_written_survives_inviting_the_applicant(login, client, english, cast, posting):
    application = ApplicationFactory(posting=posting, status="accepted", name="Nora Bakken")
    login(cast.coordinator)
    page = BASE + f"applications/{application.pk}/"
    assert 'name="action" value="invite"' in client.get(page).content.decode()

    response = client.post(
        page,
        {
            "action": "invite",
            "email": "nora.b@example.org",
            "role": "member",
            "note-note": "Hun vil gjerne starte etter sommeren",
        },
        follow=True,
    )

    body = response.content.decode()
    assert "is now a member" in body
    assert "Hun vil gjerne starte etter sommeren" in body
    assert "What you started writing here is kept" in body


def test_the_coordinator_invites_from_the_page(login, client, english, cast, posting):
    application = ApplicationFactory(posting=posting, status="accepted", name="Nora Bakken")
    login(cast.coordinator)

    response = client.post(
        BASE + f"applications/{application.pk}/",
        {"action": "invite", "email": "nora.b@example.org", "role": "member"},
        follow=True,
    )

    assert "is now a member" in response.content.decode()
    application.refresh_from_db()
    assert application.membership.person.email == "nora.b@example.org"


def test_the_coordinator_creates_a_posting(login, client, english, cast):
    login(cast.coordinator)

    response = client.post(
        BASE + "new/",
        {
            "title": "Bli med i ressursgruppa!",
            "slug": "bli-med",
            "group": cast.resource_group.pk,
            "text": "Vi søker unge.",
            "opens_on": "2025-01-01",
            "closes_on": "2025-01-31",
            "target_age_min": "18",
            "target_age_max": "29",
            "delete_after_days": "90",
        },
    )

    assert response.status_code == 302
    assert Posting.objects.get().slug == "bli-med"


def test_a_posting_closing_before_it_opens_is_refused(login, client, english, cast):
    login(cast.coordinator)

    response = client.post(
        BASE + "new/",
        {
            "title": "Bli med!",
            "slug": "bli-med",
            "group": cast.resource_group.pk,
            "text": "Vi søker unge.",
            "opens_on": "2025-02-01",
            "closes_on": "2025-01-01",
            "target_age_min": "18",
            "target_age_max": "29",
            "delete_after_days": "90",
        },
    )

    assert "The deadline cannot be before the posting opens." in response.content.decode()
    assert not Posting.objects.exists()


def test_the_link_cannot_change_after_someone_applied(cast, posting):
    ApplicationFactory(posting=posting)

    with pytest.raises(ValidationError) as error:
        service.posting_save(
            programme=cast.programme,
            posting=posting,
            group=posting.group,
            title=posting.title,
            slug="nytt-navn",
            text=posting.text,
            opens_on=posting.opens_on,
            closes_on=posting.closes_on,
            target_age_min=18,
            target_age_max=29,
        )
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_see_applications(login, client, cast, posting, who):
    application = ApplicationFactory(posting=posting)
    login(getattr(cast, who))

    assert client.get(BASE).status_code == 404
    assert client.get(BASE + f"{posting.pk}/").status_code == 404
    assert client.get(BASE + f"applications/{application.pk}/").status_code == 404
    response = client.post(
        BASE + f"applications/{application.pk}/",
        {"action": "move", "to_status": "not_chosen"},
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "received"


def test_a_paid_representative_sees_no_applications(login, client, cast, reps, posting):
    login(reps.emma)

    assert client.get(BASE).status_code == 404


def test_an_application_of_another_programme_is_a_404(login, client, cast):
    from tests.participation.factories import GroupFactory

    other = PostingFactory(
        programme=cast.other_programme, group=GroupFactory(programmes=[cast.other_programme])
    )
    application = ApplicationFactory(posting=other)
    login(cast.coordinator)

    assert client.get(BASE + f"{other.pk}/").status_code == 404
    assert client.get(BASE + f"applications/{application.pk}/").status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, cast):
    response = client.get(BASE)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_pipeline_does_not_query_per_application(
    login, client, cast, posting, django_assert_max_num_queries
):
    login(cast.coordinator)
    ApplicationFactory(posting=posting)
    with django_assert_max_num_queries(30) as few:
        client.get(BASE + f"{posting.pk}/")
    ApplicationFactory.create_batch(11, posting=posting)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(BASE + f"{posting.pk}/")


def test_an_empty_form_lists_every_missing_answer_at_once(client, english, posting):
    body = client.post("/apply/ressursgruppa-2025/", {"name": ""}).content.decode()

    assert "email address or a mobile number" in body
    assert "agree that we store it" in body
    assert not Application.objects.exists()


def test_an_address_typed_for_the_invitation_survives_saving_a_note(
    login, client, english, cast, posting
):
    application = ApplicationFactory(
        posting=posting, status="accepted", name="Nora Bakken", email="nora@example.org"
    )
    login(cast.coordinator)
    page = BASE + f"applications/{application.pk}/"

    response = client.post(
        page,
        {
            "action": "note",
            "note-note": "Ringte henne, hun bruker en annen adresse",
            "email": "nora.b@example.org",
            "role": "paid_representative",
        },
        follow=True,
    )

    body = response.content.decode()
    assert "The note is saved." in body
    assert 'value="nora.b@example.org"' in body
    assert 'value="paid_representative" selected' in body
    assert application.events.filter(note__startswith="Ringte henne").exists()

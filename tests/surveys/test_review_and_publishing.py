"""The resource group's comments on a draft; publishing with links, QR codes and posters;
rounds; closing and opening again."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from surveys import services
from surveys.forms import QuestionForm
from surveys.models import ReviewComment, Survey

from .factories import SurveyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def draft(cast):
    survey = SurveyFactory(programme=cast.programme, slug="utkast")
    survey.question = services.question_create(
        survey=survey, kind="scale", text="Veilederen brukte ord jeg forsto."
    )
    return survey


@pytest.fixture
def in_review(cast, draft):
    return services.survey_send_for_review(survey=draft, group=cast.resource_group)


# --- Review -------------------------------------------------------------------------------------


def test_coordinator_sends_the_draft_to_the_resource_group(login, client, cast, draft):
    login(cast.coordinator)

    client.post(f"/p/best/surveys/{draft.pk}/review/send/", {"group": cast.resource_group.pk})

    draft.refresh_from_db()
    assert draft.status == Survey.Status.REVIEW
    assert draft.review_group == cast.resource_group


def test_a_group_of_another_programme_cannot_review(cast, draft):
    with pytest.raises(ValidationError):
        services.survey_send_for_review(survey=draft, group=cast.other_group)
    draft.refresh_from_db()
    assert draft.status == Survey.Status.DRAFT


def test_member_comments_on_a_question(login, client, cast, in_review):
    login(cast.member)
    url = f"/p/best/surveys/{in_review.pk}/review/"

    page = client.get(url).content.decode()
    response = client.post(
        url,
        {"question": in_review.question.pk, f"q{in_review.question.pk}-text": "Hva er «ord»?"},
    )

    assert "Veilederen brukte ord jeg forsto." in page
    assert response.status_code == 302
    comment = ReviewComment.objects.get()
    assert comment.author == cast.member
    assert comment.question == in_review.question


def test_an_empty_comment_gets_a_message_and_nothing_is_stored(login, client, cast, in_review):
    login(cast.member)

    response = client.post(
        f"/p/best/surveys/{in_review.pk}/review/",
        {"question": in_review.question.pk, f"q{in_review.question.pk}-text": "  "},
    )

    assert response.status_code == 200
    assert "Please check the following" in response.content.decode()
    assert not ReviewComment.objects.exists()


def test_a_comment_on_a_question_of_another_survey_is_not_found(login, client, cast, in_review):
    other = SurveyFactory(programme=cast.programme, slug="annen")
    question = services.question_create(survey=other, kind="scale", text="Annen")
    login(cast.member)

    response = client.post(
        f"/p/best/surveys/{in_review.pk}/review/",
        {"question": question.pk, f"q{question.pk}-text": "Hei"},
    )

    assert response.status_code == 404
    assert not ReviewComment.objects.exists()


@pytest.mark.parametrize("who", ["advisor", "leader", "outsider"])
def test_only_the_review_group_and_coordinators_see_the_draft(login, client, cast, in_review, who):
    login(getattr(cast, who))

    assert client.get(f"/p/best/surveys/{in_review.pk}/review/").status_code == 404


def test_members_do_not_see_a_draft_that_is_not_out_for_comments(login, client, cast, draft):
    login(cast.member)

    assert client.get(f"/p/best/surveys/{draft.pk}/review/").status_code == 404
    assert "utkast" not in client.get("/p/best/surveys/").content.decode()


def test_members_find_the_draft_on_the_survey_list(login, client, cast, in_review):
    login(cast.member)

    body = client.get("/p/best/surveys/").content.decode()

    assert "Read and comment" in body


def test_comments_close_when_the_review_ends(cast, in_review):
    services.survey_back_to_draft(survey=in_review)

    with pytest.raises(ValidationError):
        services.review_comment_add(question=in_review.question, author=cast.member, text="Sent")


def test_coordinator_marks_a_comment_as_dealt_with(login, client, cast, in_review):
    comment = services.review_comment_add(
        question=in_review.question, author=cast.member, text="Vanskelig ord"
    )
    login(cast.coordinator)

    client.post(f"/p/best/surveys/{in_review.pk}/comments/{comment.pk}/resolve/")

    comment.refresh_from_db()
    assert comment.is_resolved


def test_marking_a_comment_dealt_with_keeps_the_question_being_edited(
    login, client, english, cast, in_review
):
    question = in_review.question
    comment = services.review_comment_add(
        question=question, author=cast.member, text="Vanskelig ord"
    )
    login(cast.coordinator)
    edit = f"/p/best/surveys/{in_review.pk}/questions/{question.pk}/edit/"
    typed = {"kind": question.kind, "text": "Jeg fikk være med og bestemme."}

    response = client.post(
        f"/p/best/surveys/{in_review.pk}/comments/{comment.pk}/resolve/", typed, follow=True
    )

    comment.refresh_from_db()
    assert comment.is_resolved
    body = response.content.decode()
    assert "Jeg fikk være med og bestemme." in body
    assert "What you started writing here is kept" in body
    question.refresh_from_db()
    assert question.text != "Jeg fikk være med og bestemme."
    # Saved, the question is no longer kept.
    client.post(edit, typed)
    question.refresh_from_db()
    assert question.text == "Jeg fikk være med og bestemme."
    assert "What you started writing here is kept" not in client.get(edit).content.decode()


def as_the_page_posts_it(form) -> dict:
    """What a browser posts for an untouched form: unticked boxes are left out."""
    values = {name: form[name].value() for name in form.fields}
    return {
        name: "on" if value is True else ("" if value is None else value)
        for name, value in values.items()
        if value is not False
    }


def test_an_unchanged_question_is_not_kept_when_a_comment_is_dealt_with(
    login, client, english, cast, in_review
):
    question = in_review.question
    comment = services.review_comment_add(question=question, author=cast.member, text="Ok")
    login(cast.coordinator)

    response = client.post(
        f"/p/best/surveys/{in_review.pk}/comments/{comment.pk}/resolve/",
        as_the_page_posts_it(QuestionForm(instance=question, survey=in_review)),
        follow=True,
    )

    assert "What you started writing here is kept" not in response.content.decode()


# --- Publishing ---------------------------------------------------------------------------------


def test_publishing_opens_the_link_and_starts_the_baseline_round(login, client, cast, draft):
    login(cast.coordinator)

    check = client.get(f"/p/best/surveys/{draft.pk}/publish/", HTTP_ACCEPT_LANGUAGE="en")
    body = check.content.decode()
    assert "Check before you publish" in body and "The questions that will be locked" in body
    assert "http://testserver/s/utkast/?k=gjovik" in body
    draft.refresh_from_db()
    assert draft.status == Survey.Status.DRAFT  # looking publishes nothing

    client.post(f"/p/best/surveys/{draft.pk}/publish/", {"confirm": "publish"})

    draft.refresh_from_db()
    assert draft.status == Survey.Status.PUBLISHED
    assert draft.rounds.get().starts_on == timezone.localdate()
    client.logout()
    assert client.get("/s/utkast/?k=gjovik").status_code == 200


def test_publishing_without_the_check_step_publishes_nothing(login, client, cast, draft):
    login(cast.coordinator)

    response = client.post(f"/p/best/surveys/{draft.pk}/publish/")

    assert response.status_code == 302 and response["Location"].endswith("/publish/")
    draft.refresh_from_db()
    assert draft.status == Survey.Status.DRAFT


@pytest.mark.parametrize("role", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_reach_the_publish_check_step(login, client, cast, draft, role):
    login(getattr(cast, role))

    assert client.get(f"/p/best/surveys/{draft.pk}/publish/").status_code == 404
    assert (
        client.post(f"/p/best/surveys/{draft.pk}/publish/", {"confirm": "publish"}).status_code
        == 404
    )
    draft.refresh_from_db()
    assert draft.status == Survey.Status.DRAFT


def test_a_survey_without_questions_cannot_be_published(cast):
    empty = SurveyFactory(programme=cast.programme, slug="tom")

    with pytest.raises(ValidationError):
        services.survey_publish(survey=empty)
    empty.refresh_from_db()
    assert empty.status == Survey.Status.DRAFT


def test_share_page_has_a_link_and_a_qr_code_per_office(login, client, cast, draft):
    services.survey_publish(survey=draft)
    login(cast.coordinator)

    body = client.get(f"/p/best/surveys/{draft.pk}/share/").content.decode()

    assert "http://testserver/s/utkast/?k=gjovik" in body
    assert "http://testserver/s/utkast/?k=ostre-toten" in body
    assert body.count("<svg") == 2
    assert f"/p/best/surveys/{draft.pk}/poster/gjovik.pdf" in body
    assert f"/p/best/surveys/{draft.pk}/card/gjovik.pdf" in body


def test_qr_code_downloads_as_svg(login, client, cast, draft):
    services.survey_publish(survey=draft)
    login(cast.coordinator)

    response = client.get(f"/p/best/surveys/{draft.pk}/share/gjovik/qr.svg")

    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    png = client.get(f"/p/best/surveys/{draft.pk}/share/gjovik/qr.png")
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")


def test_qr_code_of_an_office_outside_the_survey_is_not_found(login, client, cast, draft):
    services.survey_publish(survey=draft)
    login(cast.coordinator)

    assert client.get(f"/p/best/surveys/{draft.pk}/share/oslo/qr.svg").status_code == 404


@pytest.mark.parametrize("kind", ["poster", "card"])
def test_poster_and_card_pdfs_carry_the_link_and_the_office(login, client, cast, draft, kind):
    services.survey_publish(survey=draft)
    login(cast.coordinator)

    response = client.get(f"/p/best/surveys/{draft.pk}/{kind}/gjovik.pdf")

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = reader.pages[0].extract_text()
    assert "s/utkast/?k=gjovik" in text
    assert "NAV Gjøvik" in text
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == (210 if kind == "poster" else 105)


@pytest.mark.parametrize("who", ["member", "advisor", "leader", "outsider"])
def test_only_coordinators_get_posters_and_share_pages(login, client, cast, draft, who):
    services.survey_publish(survey=draft)
    login(getattr(cast, who))

    assert client.get(f"/p/best/surveys/{draft.pk}/share/").status_code == 404
    assert client.get(f"/p/best/surveys/{draft.pk}/poster/gjovik.pdf").status_code == 404


def test_closing_shows_the_closed_page_and_reopening_takes_answers_again(
    login, client, cast, draft
):
    services.survey_publish(survey=draft)
    login(cast.coordinator)

    client.post(f"/p/best/surveys/{draft.pk}/close/")
    closed = client.get("/s/utkast/?k=gjovik").content.decode()
    client.post(f"/p/best/surveys/{draft.pk}/reopen/")
    reopened = client.get("/s/utkast/?k=gjovik").content.decode()

    assert "This survey is closed" in closed
    assert 'name="token"' in reopened


def test_a_new_round_ends_the_one_before(login, client, cast, draft):
    services.survey_publish(survey=draft, today=timezone.localdate() - datetime.timedelta(days=60))
    login(cast.coordinator)

    response = client.post(
        f"/p/best/surveys/{draft.pk}/rounds/new/",
        {"name": "Etter sjekklista", "starts_on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 302
    baseline, later = draft.rounds.order_by("starts_on")
    assert baseline.ends_on == timezone.localdate() - datetime.timedelta(days=1)
    assert later.name == "Etter sjekklista"


def test_a_round_starting_before_the_last_one_is_refused_with_values_kept(
    login, client, cast, draft
):
    services.survey_publish(survey=draft)
    login(cast.coordinator)

    response = client.post(
        f"/p/best/surveys/{draft.pk}/rounds/new/", {"name": "Feil", "starts_on": "2000-01-01"}
    )

    assert response.status_code == 200
    assert "Feil" in response.content.decode()
    assert draft.rounds.count() == 1


def test_answers_go_to_the_round_of_their_day(cast, draft):
    from surveys.services.responding import round_for

    services.survey_publish(survey=draft, today=timezone.localdate() - datetime.timedelta(days=60))
    later = services.round_start(
        survey=draft, name="Høst", starts_on=timezone.localdate() - datetime.timedelta(days=5)
    )

    assert round_for(draft, timezone.localdate()) == later
    assert (
        round_for(draft, timezone.localdate() - datetime.timedelta(days=30)).name == "Første måling"
    )  # stored in bokmål

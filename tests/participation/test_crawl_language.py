"""Every page a role reaches from the start page, on a small world, speaks Norwegian: no
English interface words on bokmål or nynorsk pages, no "---------" placeholders in lists and no
message shown twice. Pages for people without an account (login, password reset, invitation,
survey, application, judging an offer), allauth's own pages and error pages are read too.

The crawl follows the links of each page (GET only, inside the programme), as a coordinator,
a paid representative, a member, a steering-group leader and an advisor would.
"""

import re
from collections import deque
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone, translation

from participation import services
from participation.models import Input, Membership, User
from tests.checklists.factories import published_checklist
from tests.conftest import give_totp
from tests.offers.factories import OfferFactory
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import days_from_now
from tests.resourcegroup.factories import PostingFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory, published_survey

pytestmark = [pytest.mark.django_db, pytest.mark.calendar, pytest.mark.whole_pages]

# Words and phrases that only turn up when a string was left untranslated.
ENGLISH_TELLTALES = [
    "Please check",
    "This field is required",
    "Save",
    "Cancel",
    "Submit",
    "Delete",
    "Back to",
    "Choose a",
    "Approve",
    "Minutes",
    "Meeting",
    "Log out",
    "Overview",
    "Attendance",
    "Nothing is",
    " the ",
    " and the ",
    " you ",
    " your ",
    " is ",
    " are ",
    " of ",
    "You ",
    "Your ",
    # allauth's words, for its own pages and messages.
    "Password",
    "Sign ",
    "Email",
    "Two-Factor",
    "Authenticator",
    "Recovery",
    "Forgot",
    "Remember",
    "Reset",
    "Change",
    "Confirm",
    "Are you sure",
    "Activate",
    "Download",
    "Generate",
]
MAX_PAGES_PER_ROLE = 120
# A message box (flash message, error summary, notice): no page says the same thing twice.
ALERT = re.compile(r'(?s)<div class="alert\b[^"]*"[^>]*>(.*?)</div>')
# Where the crawl goes: the programme, the account pages (allauth's included), the glossary
# and the pages for people without an account.
FOLLOWED = ("/p/best/", "/accounts/", "/ordliste", "/s/", "/o/", "/apply/")
# Account pages a signed-in person reaches from the menu, listed in case a link is missing.
ACCOUNT_PAGES = (
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/2fa/",
    "/accounts/logout/",
    "/ordliste/",
)
# Files and actions, not pages to read: downloads, calendar feeds, logout.
SKIP = re.compile(r"(\.pdf|\.csv|\.ics|\.png|\.svg|/download|/export|/logout|/qr/|/calendar)")


@pytest.fixture
def world(cast):
    """A little of everything, so that most pages have something to show."""
    held = services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(-3),
        ends_at=days_from_now(-3) + timezone.timedelta(hours=2),
    )
    services.meeting_create(
        group=cast.resource_group,
        starts_at=days_from_now(5),
        ends_at=days_from_now(5) + timezone.timedelta(hours=2),
    )
    services.minutes_save(meeting=held, version=0, summary="Godt møte", item_minutes={})
    services.decision_add(meeting=held, text="Vi lager en plakat")
    services.action_item_create(meeting=held, title="Bestille lokale")
    services.input_create(
        programme=cast.programme,
        title="Brevene er vanskelige",
        source=Input.Source.MEETING,
        meeting=held,
        raised_on=timezone.localdate(held.starts_at),
    )
    # A draft survey and a published checklist, so their builder pages are read too.
    QuestionFactory(survey=SurveyFactory(programme=cast.programme, slug="utkast"))
    published_checklist(cast.programme)
    representative = MembershipFactory(
        group=cast.resource_group,
        role=Membership.Role.PAID_REPRESENTATIVE,
        person__display_name="Per Representant",
    ).person
    return {"representative": representative}


def visible_text(html: str) -> str:
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    # Attribute text people read too: labels of buttons and fields.
    attributes = " ".join(re.findall(r'(?:aria-label|placeholder|title|alt)="([^"]*)"', html))
    text = re.sub(r"(?s)<[^>]+>", " ", html)
    return unescape(re.sub(r"\s+", " ", f"{text} {attributes}"))


def crawl(client, *starts: str, language: str = "nb") -> dict[str, str]:
    seen, pages, queue = set(starts), {}, deque(starts)
    # Month pages and the like differ only by numbers: a few of each kind are enough.
    per_shape: dict[str, int] = {}
    while queue and len(pages) < MAX_PAGES_PER_ROLE:
        url = queue.popleft()
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in re.findall(r'href="(/[^"#]*)"', html):
            link = unescape(link)
            if link.startswith(FOLLOWED) and not SKIP.search(link):
                shape = re.sub(r"\d+", "N", link.split("?")[0])
                if link not in seen and per_shape.get(shape, 0) < 3:
                    seen.add(link)
                    per_shape[shape] = per_shape.get(shape, 0) + 1
                    queue.append(link)
    return pages


def problems_on(pages: dict[str, str]) -> list[str]:
    found = []
    for url, html in pages.items():
        if "---------" in html:
            found.append(f"{url}: a '---------' placeholder")
        alerts = [visible_text(alert).strip() for alert in ALERT.findall(html)]
        for alert in {a for a in alerts if a and alerts.count(a) > 1}:
            found.append(f"{url}: the message '{alert[:80]}' is shown twice")
        text = visible_text(html)
        for word in ENGLISH_TELLTALES:
            if word in text:
                index = text.index(word)
                found.append(
                    f"{url}: English '{word}' in …{text[max(0, index - 40) : index + 40]}…"
                )
    return found


@pytest.mark.parametrize(
    "role, language",
    [
        ("coordinator", "nb"),
        ("representative", "nb"),
        ("member", "nb"),
        ("leader", "nb"),
        ("advisor", "nb"),
        # Nynorsk leans on the project's catalogue for allauth's pages: check both ends.
        ("coordinator", "nn"),
        ("member", "nn"),
    ],
)
def test_every_page_a_role_reaches_is_in_norwegian(login, client, cast, world, role, language):
    user = world["representative"] if role == "representative" else getattr(cast, role)
    user.language = ""
    user.save(update_fields=["language"])
    login(user)

    pages = crawl(client, "/p/best/", *ACCOUNT_PAGES, language=language)

    assert len(pages) > 3
    problems = problems_on(pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


@pytest.fixture
def open_doors(cast):
    """What people without an account are given: an invitation link, an open survey, a job
    posting and an activity offer to judge."""
    invited = User.objects.create_user(email="nora.ny@example.org", display_name="Nora Ny")
    invited.set_unusable_password()
    invited.save()
    survey = published_survey(cast.programme, slug="forste-mote")
    QuestionFactory(survey=survey, text="Hvordan var møtet?")
    today = timezone.localdate()
    posting = PostingFactory(
        programme=cast.programme,
        group=cast.resource_group,
        slug="bli-med",
        opens_on=today - timezone.timedelta(days=5),
        closes_on=today + timezone.timedelta(days=20),
    )
    offer = OfferFactory(programme=cast.programme, office=cast.offices.gjovik)
    return [
        "/accounts/login/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/password/reset/key/done/",
        urlsplit(services.invitation_url(person=invited)).path,
        f"/s/{survey.slug}/",
        f"/s/{survey.slug}/thanks/",
        f"/apply/{posting.slug}/",
        f"/apply/{posting.slug}/thanks/",
        f"/o/{offer.public_code}/",
        f"/o/{offer.public_code}/thanks/",
    ]


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_page_without_an_account_is_in_norwegian(client, open_doors, language):
    pages = crawl(client, *open_doors, language=language)

    assert set(open_doors) - set(pages) == set(), "every open page answers 200"
    problems = problems_on(pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_refusals_and_errors_are_in_norwegian(client, cast, password, language):
    give_totp(cast.coordinator)
    pages = {}
    wrong = client.post(
        "/accounts/login/",
        {"login": "member@example.org", "password": "feil-passord"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    pages["wrong password"] = wrong.content.decode()
    missing = client.get("/finnes-ikke/", HTTP_ACCEPT_LANGUAGE=language)
    pages["page not found"] = missing.content.decode()
    bad_link = client.get("/accounts/invitation/xx/yy/", HTTP_ACCEPT_LANGUAGE=language)
    pages["broken invitation link"] = bad_link.content.decode()
    client.post(
        "/accounts/login/",
        {"login": "coordinator@example.org", "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    code = client.get("/accounts/2fa/authenticate/", HTTP_ACCEPT_LANGUAGE=language)
    pages["authenticator code"] = code.content.decode()
    wrong_code = client.post(
        "/accounts/2fa/authenticate/", {"code": "000000"}, HTTP_ACCEPT_LANGUAGE=language
    )
    pages["wrong authenticator code"] = wrong_code.content.decode()

    csrf_client = Client(enforce_csrf_checks=True)
    expired = csrf_client.post("/accounts/login/", {}, HTTP_ACCEPT_LANGUAGE=language)
    pages["expired form"] = expired.content.decode()
    with translation.override(language):
        pages["server error"] = render_to_string("500.html")

    assert missing.status_code == 404
    assert expired.status_code == 403
    assert code.status_code == wrong_code.status_code == wrong.status_code == 200
    problems = problems_on(pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_setting_up_two_step_login_is_in_norwegian(cast, password, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.post("/accounts/login/", {"login": "coordinator@example.org", "password": password})
    pages = {}

    asked = client.get("/", follow=True)
    pages["password once more"] = asked.content.decode()
    activate = client.post(asked.redirect_chain[-1][0], {"password": password}, follow=True)
    pages["set up the app"] = activate.content.decode()
    wrong = client.post(activate.redirect_chain[-1][0], {"code": "000000"})
    pages["wrong first code"] = wrong.content.decode()

    assert activate.redirect_chain[-1][0] == "/accounts/2fa/totp/activate/"
    assert "totrinnsinnlogging" in pages["set up the app"]
    problems = problems_on(pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])

"""Every page a role reaches from the start page, on a small world, speaks Norwegian: no
English interface words on bokmål pages and no "---------" placeholders in lists.

The crawl follows the links of each page (GET only, inside the programme), as a coordinator,
a paid representative, a member, a steering-group leader and an advisor would.
"""

import re
from collections import deque
from html import unescape

import pytest
from django.utils import timezone

from participation import services
from participation.models import Input, Membership
from tests.participation.factories import MembershipFactory
from tests.participation.factories_meetings import days_from_now

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

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
]
MAX_PAGES_PER_ROLE = 120
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


def crawl(client, start: str) -> dict[str, str]:
    seen, pages, queue = {start}, {}, deque([start])
    # Month pages and the like differ only by numbers: a few of each kind are enough.
    per_shape: dict[str, int] = {}
    while queue and len(pages) < MAX_PAGES_PER_ROLE:
        url = queue.popleft()
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="nb")
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in re.findall(r'href="(/[^"#]*)"', html):
            link = unescape(link)
            if link.startswith(("/p/best/", "/accounts/", "/ordliste")) and not SKIP.search(link):
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
        text = visible_text(html)
        for word in ENGLISH_TELLTALES:
            if word in text:
                index = text.index(word)
                found.append(
                    f"{url}: English '{word}' in …{text[max(0, index - 40) : index + 40]}…"
                )
    return found


@pytest.mark.parametrize("role", ["coordinator", "representative", "member", "leader", "advisor"])
def test_every_page_a_role_reaches_is_in_norwegian(login, client, cast, world, role):
    user = world["representative"] if role == "representative" else getattr(cast, role)
    user.language = ""
    user.save(update_fields=["language"])
    login(user)

    pages = crawl(client, "/p/best/")

    assert len(pages) > 3
    problems = problems_on(pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])

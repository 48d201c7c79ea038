"""Nothing irreversible happens by accident: ending a membership and publishing a survey each
pass a check step that shows what will happen; going back keeps what was typed, and nothing
changes until the coordinator confirms."""

import re

from playwright.sync_api import expect

from participation.models import Group, Membership, Programme
from surveys.models import Survey
from tests.surveys.factories import QuestionFactory, SurveyFactory

from .browser import log_in, visit
from .conftest import PROGRAMME_SLUG

COORDINATOR = "coordinator@example.org"


def test_ending_a_membership_and_publishing_a_survey_pass_a_check_step(open_page, demo):
    group = Group.objects.get(kind=Group.Kind.RESOURCE, programmes__slug=PROGRAMME_SLUG)
    membership = (
        Membership.objects.current()
        .filter(group=group, role=Membership.Role.MEMBER)
        .select_related("person")
        .order_by("person__display_name")
        .first()
    )
    name = membership.person.display_name
    page = open_page()
    log_in(page, COORDINATOR)

    # --- Ending a membership: the check step, back to change, then confirm ---
    visit(page, f"/p/{PROGRAMME_SLUG}/groups/{group.pk}/members/")
    page.get_by_role("link", name=f"Har sluttet – {name}").click()
    page.get_by_label("Hvorfor personen sluttet").select_option(label="Fikk jobb")
    page.get_by_label("Overføringsnotat", exact=False).fill("Hadde ansvar for brevutkastet.")
    page.get_by_role("button", name="Lagre").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk før du avslutter medlemskapet")
    expect(page.get_by_text("Hadde ansvar for brevutkastet.")).to_be_visible()
    membership.refresh_from_db()
    assert membership.ends_on is None  # nothing changed yet
    page.get_by_role("button", name="Gå tilbake og endre").click()
    expect(page.get_by_label("Overføringsnotat", exact=False)).to_have_value(
        "Hadde ansvar for brevutkastet."
    )
    page.get_by_role("button", name="Lagre").click()
    page.get_by_role("button", name="Avslutt medlemskapet").click()
    expect(page.get_by_role("status")).to_contain_text(name)
    membership.refresh_from_db()
    assert membership.ends_on is not None and membership.end_reason == "got_job"

    # --- Publishing a survey: the questions it locks and the links it opens ---
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    survey = SurveyFactory(programme=programme, slug="sjekk-utkast", title="Utkast til sjekk")
    QuestionFactory(survey=survey, text="Ble du møtt med respekt?")
    visit(page, f"/p/{PROGRAMME_SLUG}/surveys/{survey.pk}/")
    page.get_by_role("link", name="Publiser spørreundersøkelsen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk før du publiserer")
    expect(page.get_by_text("Ble du møtt med respekt?")).to_be_visible()
    expect(page.get_by_text(re.compile(r"/s/sjekk-utkast/\?k="))).not_to_have_count(0)
    survey.refresh_from_db()
    assert survey.status == Survey.Status.DRAFT
    page.get_by_role("button", name="Publiser og lås spørsmålene").click()
    expect(page.get_by_role("status")).to_contain_text("publisert")
    survey.refresh_from_db()
    assert survey.status == Survey.Status.PUBLISHED

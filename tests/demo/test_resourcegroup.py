"""The demo is made through the services and a second run changes nothing."""

import pytest

from participation.models import Input, Membership
from resourcegroup.demo import seed_resourcegroup
from resourcegroup.models import (
    Application,
    ApplicationEvent,
    Contract,
    FollowUpContact,
    Onboarding,
    Posting,
    Story,
    StoryTheme,
    TimeEntry,
    Timesheet,
)
from resourcegroup.selectors.followup import drifting_members
from resourcegroup.selectors.hours import budget_overview, payroll_months, payroll_rows

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

MODELS = [
    Contract,
    Timesheet,
    TimeEntry,
    Posting,
    Application,
    ApplicationEvent,
    Story,
    StoryTheme,
    FollowUpContact,
    Onboarding,
    Input,
    Membership,
]


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo(db, demo_programme):
    return demo_programme


def test_a_second_run_changes_nothing(demo):
    before = _counts()
    statuses = sorted(Timesheet.objects.values_list("status", flat=True))

    seed_resourcegroup(programme=demo)

    assert _counts() == before
    assert sorted(Timesheet.objects.values_list("status", flat=True)) == statuses


def test_the_demo_has_contracts_with_history_and_a_rate_change(demo):
    emma = Contract.objects.filter(person__email="representative@example.org")
    assert emma.count() == 2
    assert emma.filter(renews__isnull=False).exists()
    assert Contract.objects.filter(person__email="sander.myhre@example.org").exists()
    assert Contract.objects.filter(person__email="mari.lien@example.org").exists()


def test_the_demo_has_timesheets_in_every_state(demo):
    statuses = set(Timesheet.objects.values_list("status", flat=True))

    assert statuses == {"draft", "submitted", "returned", "approved"}
    assert Timesheet.objects.get(status="returned").return_comment
    assert TimeEntry.objects.filter(meeting__isnull=False).exists()


def test_the_demo_payroll_and_budget(demo):
    months = payroll_months(programme=demo)
    assert len(months) >= 9
    rows = payroll_rows(programme=demo, month=months[0])
    assert rows and all(row.amount > 0 for row in rows)
    assert any(len(row.rates) == 2 for m in months for row in payroll_rows(programme=demo, month=m))
    assert demo.budget_nok and demo.budget_hours
    assert budget_overview(programme=demo).percent_nok > 0


def test_the_demo_recruitment(demo):
    first = Posting.objects.get(slug="ressursgruppa-gjovikregionen")
    assert first.applications.count() == 12
    assert first.applications.filter(status="accepted").count() == 7
    assert first.applications.filter(membership__isnull=False).count() == 7
    second = Posting.objects.get(slug="ressursgruppa-ny-runde")
    assert set(second.applications.values_list("status", flat=True)) == {
        "received",
        "interview_booked",
        "interviewed",
        "offered",
    }


def test_the_demo_stories_and_themes(demo):
    assert Story.objects.count() >= 8
    assert Story.objects.exclude(anonymised_text="").exists()
    assert StoryTheme.objects.filter(input__isnull=False).count() == 2


def test_julie_is_drifting_and_followed_up(demo):
    rows = drifting_members(programme=demo)

    julie = [row for row in rows if row.membership.person.email == "julie.rud@example.org"]
    assert julie and julie[0].is_flagged
    assert julie[0].last_contact is not None
    assert FollowUpContact.objects.count() == 2


def test_the_demo_pages_open_for_the_coordinator_and_the_representative(demo, login, client):
    from participation.models import User

    coordinator = User.objects.get(email="coordinator@example.org")
    login(coordinator)
    base = "/p/best-pa-aktivitetsplikt/resource-group/"
    for page in [
        "",
        "timesheets/",
        "payroll/",
        "budget/",
        "contracts/",
        "follow-up/",
        "stories/",
        "stories/themes/",
        "onboarding/",
        "recruitment/",
    ]:
        assert client.get(base + page).status_code == 200, page
    posting = Posting.objects.get(slug="ressursgruppa-gjovikregionen")
    assert client.get(base + f"recruitment/{posting.pk}/").status_code == 200

    login(User.objects.get(email="representative@example.org"))
    assert client.get(base + "hours/").status_code == 200
    assert client.get(base + "stories/").status_code == 200
    assert client.get(base + "payroll/").status_code == 404

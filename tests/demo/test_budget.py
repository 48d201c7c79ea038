"""The demo's budget: realistic lines with used and committed costs on any date, and the
budget page, the payroll page and the steering report showing the same totals."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from participation.models import User
from reports import sections
from reports.sections import Period, ReportInput
from resourcegroup.demo import seed_resourcegroup
from resourcegroup.models import BudgetLine, OtherCost
from resourcegroup.payroll import payroll_totals
from resourcegroup.selectors.budget import budget_status
from resourcegroup.selectors.honoraria import payroll_extra_months, payroll_extras
from resourcegroup.selectors.hours import payroll_months, payroll_rows

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]

BASE = "/p/best-pa-aktivitetsplikt/resource-group/"


def test_the_demo_has_realistic_lines_with_used_and_committed_costs(demo_programme):
    lines = dict(BudgetLine.objects.filter(programme=demo_programme).values_list("name", "amount"))
    status = budget_status(programme=demo_programme, today=timezone.localdate())

    assert lines["Timer"] == Decimal("120000")
    assert {"Honorar", "Reise", "Mat og lokaler", "Opplæring"} <= set(lines)
    other = [row for row in status.lines if row.line.kind == BudgetLine.Kind.OTHER]
    assert all(row.used > 0 for row in other)
    assert sum(row.committed for row in other) > 0
    assert status.totals.amount > 0


def test_a_second_run_adds_no_lines_or_costs(demo_programme):
    before = (BudgetLine.objects.count(), OtherCost.objects.count())

    seed_resourcegroup(programme=demo_programme)

    assert (BudgetLine.objects.count(), OtherCost.objects.count()) == before


def test_budget_page_payroll_page_and_steering_report_agree_on_the_demo(
    demo_programme, login, client
):
    login(User.objects.get(email="coordinator@example.org"))
    budget_page = client.get(BASE + "budget/").context["status"].totals
    payroll_page = client.get(BASE + "payroll/").context["totals"]
    today = timezone.localdate()
    report = sections.hours(
        ReportInput(
            programme=demo_programme,
            period=Period(start=today - datetime.timedelta(days=365), end=today),
            now=timezone.now(),
        )
    ).data["totals"]
    months = set(payroll_months(programme=demo_programme)) | set(
        payroll_extra_months(programme=demo_programme)
    )
    files = sum(
        Decimal(
            payroll_totals(
                payroll_rows(programme=demo_programme, month=month),
                payroll_extras(programme=demo_programme, month=month),
            )[-1].replace(",", ".")
        )
        for month in months
    )

    assert budget_page.amount > 0
    assert budget_page == payroll_page == report
    assert files == budget_page.amount


def test_the_steering_member_reads_the_demo_budget(demo_programme, login, client):
    login(User.objects.get(email="steering@example.org"))

    page = client.get(BASE + "budget/")

    assert page.status_code == 200
    assert "Mat og lokaler" in page.content.decode()

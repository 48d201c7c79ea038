"""Each app keeps its access rules in one module: nothing outside participation/access.py builds
an access record by hand, and the views and selectors of checklists, resourcegroup, surveys and
reports ask their app's access.py instead of checking roles themselves."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
APPS = ("participation", "resourcegroup", "checklists", "surveys", "offers", "reports")
FOLDERS = (
    "checklists/views",
    "resourcegroup/views",
    "resourcegroup/selectors",
    "reports/views",
    "surveys/views",
    "surveys/selectors",
)
ROLE_CHECKS = re.compile(
    r"(?<!rules)\.(can_manage|is_coordinator|is_advisor|is_steering_member|"
    r"is_paid_representative|is_resource_group_member|can_see_programme_overview)\b|role =="
)


def _sources():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_no_code_builds_an_access_record_by_hand():
    offenders = [
        str(path.relative_to(ROOT))
        for path in _sources()
        if path != ROOT / "participation" / "access.py"
        and re.search(r"\bProgrammeAccess\(", path.read_text())
    ]

    assert offenders == []


def test_views_and_selectors_hold_no_role_checks_of_their_own():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in FOLDERS
        for path in (ROOT / folder).glob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if ROLE_CHECKS.search(line)
    ]

    assert offenders == []

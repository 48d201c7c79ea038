"""Each app keeps its access rules in one module: nothing outside participation/access.py builds
an access record by hand, and checklists' views ask checklists/access.py."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
APPS = ("participation", "resourcegroup", "checklists", "surveys", "offers", "reports")


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


def test_checklist_views_hold_no_role_checks_of_their_own():
    role_checks = re.compile(
        r"\.(can_manage|is_coordinator|is_advisor|is_steering_member)\b|role =="
    )
    offenders = [
        f"{path.name}:{number}"
        for path in (ROOT / "checklists" / "views").glob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if role_checks.search(line)
    ]

    assert offenders == []

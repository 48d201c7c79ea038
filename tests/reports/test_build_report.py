"""`manage.py build_report` (CONTRACT.md): writes the PDF and exits 0, or exits non-zero
with a one-line reason."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from reports.management.commands.build_report import Command
from tests.reports.factories import september_programme

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[int, str, str]:
    """Run the command as `manage.py` does: exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    command = Command(stdout=out, stderr=err)
    code = 0
    try:
        command.run_from_argv(["manage.py", "build_report", *args])
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_it_writes_the_report_for_the_period(tmp_path):
    september = september_programme()
    path = tmp_path / "styring.pdf"
    year = september.period.start.year

    code, out, err = run(
        "--programme",
        "test",
        "--from",
        f"{year}-09-01",
        "--to",
        f"{year}-09-30",
        "--out",
        str(path),
    )

    assert code == 0, err
    text = PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text()
    assert "Testprogrammet" in text
    assert str(path) in out


def test_without_dates_it_covers_the_time_since_the_previous_steering_meeting(tmp_path):
    september_programme()
    path = tmp_path / "styring.pdf"

    call_command("build_report", "--programme", "test", "--out", str(path), stdout=io.StringIO())

    assert path.read_bytes().startswith(b"%PDF")


def test_an_unknown_programme_is_a_one_line_error(tmp_path):
    code, _, err = run("--programme", "nope", "--out", str(tmp_path / "x.pdf"))

    assert code != 0
    assert "no programme with the slug 'nope'" in one_line(err)
    assert not (tmp_path / "x.pdf").exists()


def test_an_end_before_the_start_is_a_one_line_error(tmp_path):
    september_programme()

    code, _, err = run(
        "--programme",
        "test",
        "--from",
        "2025-09-30",
        "--to",
        "2025-09-01",
        "--out",
        str(tmp_path / "x.pdf"),
    )

    assert code != 0
    assert "end must be on or after the start" in one_line(err)
    assert not (tmp_path / "x.pdf").exists()


def test_a_badly_written_date_is_a_one_line_error(tmp_path):
    code, _, err = run("--programme", "test", "--from", "1.9.2025", "--out", str(tmp_path / "x"))

    assert code != 0
    assert "--from" in one_line(err)


def test_a_folder_that_does_not_exist_is_a_one_line_error(tmp_path):
    september_programme()

    code, _, err = run("--programme", "test", "--out", str(tmp_path / "missing" / "x.pdf"))

    assert code != 0
    assert "does not exist" in one_line(err)


def test_writing_onto_a_folder_is_a_one_line_error(tmp_path):
    september_programme()

    code, _, err = run("--programme", "test", "--out", str(tmp_path))

    assert code != 0
    assert "it is a folder" in one_line(err)


def test_a_missing_out_is_a_one_line_error():
    code, _, err = run("--programme", "test")

    assert code != 0
    assert "--out" in one_line(err)

"""The production files, read as an operator's tools would (no Docker engine runs here):
docker-compose.yml parsed with PyYAML, the Dockerfile read line by line, .env.example."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("web", "worker", "worker-pdf", "beat")
SECRET_NAMES = re.compile(r"SECRET|PASSWORD|DSN|EMAIL_URL")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def test_compose_runs_the_production_shape(compose):
    assert set(compose["services"]) == {"db", "redis", "migrate", *APP_SERVICES}


def test_every_long_running_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if name == "migrate":
            continue
        check = service.get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), name


def test_migrations_run_once_before_web_workers_and_beat(compose):
    migrate = compose["services"]["migrate"]
    assert migrate["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    for name in APP_SERVICES:
        service = compose["services"][name]
        depends = service["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert depends["db"]["condition"] == "service_healthy", name
        assert depends["redis"]["condition"] == "service_healthy", name
        assert "migrate" not in " ".join(service["command"]), name


def test_web_runs_gunicorn_with_its_settings_file(compose):
    command = compose["services"]["web"]["command"]
    assert command[:3] == ["gunicorn", "--config", "config/gunicorn.conf.py"]


def test_reminders_and_pdf_renders_have_a_worker_each(compose):
    default = " ".join(compose["services"]["worker"]["command"])
    pdf = " ".join(compose["services"]["worker-pdf"]["command"])
    assert "--queues=celery" in default and "pdf" not in default
    assert "--queues=pdf" in pdf
    assert "beat" in compose["services"]["beat"]["command"]


def test_compose_holds_no_secret_value(compose):
    text = (ROOT / "docker-compose.yml").read_text()
    assert "medvirk:medvirk@" not in text
    for name, service in compose["services"].items():
        environment = service.get("environment") or {}
        for key, value in environment.items():
            if SECRET_NAMES.search(key):
                assert str(value).startswith("${"), f"{name}: {key} is written in the file"
        for key, value in environment.items():
            if key == "DATABASE_URL":
                assert "${POSTGRES_PASSWORD" in value


def test_the_env_example_lists_every_variable_of_the_readme(env_example):
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    listed = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            listed |= set(re.findall(r"`([A-Z][A-Z0-9_]{3,})`", row.split("|")[1]))
    commented = (ROOT / ".env.example").read_text()
    missing = sorted(name for name in listed if name not in commented)
    assert listed and not missing, missing


def test_the_env_example_holds_no_secret(env_example):
    for name, value in env_example.items():
        if SECRET_NAMES.search(name):
            assert value == "", f"{name} has a value in .env.example"


@pytest.fixture(scope="module")
def dockerfile() -> list[str]:
    return (ROOT / "Dockerfile").read_text().splitlines()


def test_the_image_is_built_in_stages(dockerfile):
    stages = [line for line in dockerfile if line.startswith("FROM ")]
    assert len(stages) >= 2
    assert all(re.match(r"FROM \S+ AS \w+", line) for line in stages)
    assert any(line.startswith("COPY --from=builder") for line in dockerfile)


def test_the_image_runs_as_an_unprivileged_user(dockerfile):
    users = [line.split()[1] for line in dockerfile if line.startswith("USER ")]
    assert users and users[-1].split(":")[0] not in ("root", "0")


def test_the_image_has_pango_and_fonts_with_norwegian_letters(dockerfile):
    text = "\n".join(dockerfile)
    assert "libpango-1.0-0" in text and "fonts-dejavu-core" in text


def test_the_image_starts_gunicorn_with_its_settings_and_checks_its_health(dockerfile):
    text = "\n".join(dockerfile)
    assert 'CMD ["gunicorn", "--config", "config/gunicorn.conf.py"' in text
    assert "HEALTHCHECK" in text and "config.healthcheck" in text


def test_the_container_health_check_asks_as_the_sites_host(monkeypatch):
    from config import healthcheck

    seen = {}

    class Answer:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def urlopen(request, timeout):
        seen["url"], seen["host"] = request.full_url, request.get_header("Host")
        return Answer()

    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "medvirk.example.org,localhost")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:8001")
    monkeypatch.setattr(healthcheck.urllib.request, "urlopen", urlopen)

    assert healthcheck.main() == 0
    assert seen == {"url": "http://127.0.0.1:8001/healthz", "host": "medvirk.example.org"}


def test_the_container_health_check_fails_when_nothing_answers(monkeypatch):
    from config import healthcheck

    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:1")  # nothing listens on port 1

    assert healthcheck.main() == 1


def test_the_compose_workers_take_the_queues_the_app_routes_to(compose, settings):
    from config.celery import app

    taken = set()
    for name in ("worker", "worker-pdf"):
        for part in compose["services"][name]["command"]:
            if part.startswith("--queues="):
                taken |= set(part.removeprefix("--queues=").split(","))
    assert taken == {app.conf.task_default_queue, settings.MEDVIRK_PDF_QUEUE}

"""The demo shows the setup pages filled in: every step done, and a revised mandate."""

import pytest
from django.core.management import call_command

from participation.models import Group, MandateVersion, User
from participation.selectors import setup_steps
from tests.conftest import force_login_with_mfa

pytestmark = [pytest.mark.django_db, pytest.mark.calendar]


def test_the_demo_programme_has_every_setup_step_done(demo_programme):
    steps = setup_steps(programme=demo_programme)

    assert [step.key for step in steps if not step.is_done] == []
    assert len(steps) == 8


def test_the_resource_group_mandate_was_revised_with_a_reason(demo_programme):
    resource = demo_programme.groups.get(kind=Group.Kind.RESOURCE)
    latest, first = resource.mandate_versions.all()[:2]

    assert latest.text == resource.mandate
    assert "møtes oftere" in latest.reason
    assert first.valid_from < latest.valid_from


def test_seeding_again_adds_no_versions(demo_programme):
    count = MandateVersion.objects.count()

    call_command("seed_demo", stdout=open("/dev/null", "w"))

    assert MandateVersion.objects.count() == count


def test_the_setup_pages_render_for_the_demo_coordinator(demo_programme, client):
    force_login_with_mfa(client, User.objects.get(email="coordinator@example.org"))
    slug = demo_programme.slug
    resource = demo_programme.groups.get(kind=Group.Kind.RESOURCE)
    office = demo_programme.offices.order_by("name").first()

    for path in (
        "",
        "programme/",
        "offices/",
        f"offices/{office.pk}/",
        "groups/",
        "groups/new/",
        f"groups/{resource.pk}/",
    ):
        assert client.get(f"/p/{slug}/setup/{path}").status_code == 200, path
    history = client.get(f"/p/{slug}/setup/groups/{resource.pk}/").content.decode()
    assert "møtes oftere" in history

"""The load test's parents (manage.py load_test_parents): ordinary confirmed citizens with
two-step verification by email and a child each, made in bulk and made afresh on each run."""

import stat

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from accounts.two_factor import sign_in_device
from plugins.send.models import PersonLink

pytestmark = pytest.mark.django_db


def test_each_parent_signs_in_with_the_written_password_and_then_needs_an_emailed_code(
    tmp_path,
):
    password_file = tmp_path / "password"

    call_command("load_test_parents", count=3, password_file=password_file)

    password = password_file.read_text().strip()
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    for number in (1, 2, 3):
        email = f"load-parent-{number}@example.org"
        user = authenticate(email=email, password=password)
        assert user is not None and user.email_confirmed_at is not None
        assert user.kind == "citizen" and not user.is_staff
        assert sign_in_device(user).confirmed


def test_each_parent_has_declared_one_child_of_her_own(tmp_path):
    call_command("load_test_parents", count=2, password_file=tmp_path / "password")

    links = PersonLink.objects.filter(user__email__startswith="load-parent-")
    assert links.count() == 2
    assert len({link.person_id for link in links}) == 2
    assert all(link.parental_responsibility for link in links)


def test_running_it_again_replaces_the_parents_with_a_new_password(tmp_path):
    password_file = tmp_path / "password"
    call_command("load_test_parents", count=2, password_file=password_file)
    first = password_file.read_text()

    call_command("load_test_parents", count=2, password_file=password_file)

    assert get_user_model().objects.filter(email__startswith="load-parent-").count() == 2
    assert password_file.read_text() != first

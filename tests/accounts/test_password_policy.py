"""The password policy: each rule has its own message; the settings change the rules."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.passwords import password_problems
from core.models import PortalSettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
GOOD = "Correct-Horse-Battery-9"


def codes(password, user=None):
    return [problem.code for problem in password_problems(password, user)]


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Short-Pass-1", "password_too_short"),
        ("123456789012345678", "password_no_letter"),
        ("correct-horse-battery-9", "password_no_upper"),
        ("Correct-Horse-Battery-Staple", "password_no_digit"),
        ("Correct-Horse-Battery-9é€", "password_bad_character"),
        ("1Q2w3e4r5t6y7u8i9o0p", "password_too_common"),
    ],
)
def test_each_rule_has_its_own_message(password, code):
    assert code in codes(password)


def test_a_good_password_passes_every_rule():
    assert codes(GOOD) == []
    validate_password(GOOD)


def test_messages_are_translated():
    with translation.override("cy"):
        (problem,) = password_problems("correct-horse-battery-9")
    assert problem.message != "Your password must include a capital letter."


def test_settings_change_the_rules():
    config = PortalSettings.load()
    config.password_min_length = 30
    config.password_require_digit = False
    config.password_special_characters = "-"
    config.save()
    assert set(codes("Correct-Horse-Battery_Staple")) == {
        "password_too_short",
        "password_bad_character",
    }


def test_new_password_must_differ_from_the_last_eight():
    user = UserFactory()
    passwords = [f"Correct-Horse-Battery-{n}" for n in range(10)]
    for password in passwords:
        user.set_password(password)
        user.save()
    assert "password_reused" in codes(passwords[-1], user)
    assert "password_reused" in codes(passwords[2], user)  # eighth most recent
    assert "password_reused" not in codes(passwords[1], user)  # ninth: allowed again
    with pytest.raises(ValidationError):
        validate_password(passwords[-3], user)

"""A citizen or professional registers: one question per page, answers kept in the session,
the account created on "Check your answers" and a code and link emailed."""

import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.addresses import load_demo_addresses
from accounts.models import NOT_NEEDED, PENDING
from accounts.registration import SESSION_KEY
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Correct-Horse-Battery-9"
User = get_user_model()
ENCODE = MD5PasswordHasher.encode


def url(name, language="en"):
    with translation.override(language):
        return reverse(f"accounts:{name}")


def answer_steps(client, email="alex.jones@example.org", professional=False, language="en"):
    """Answer every step up to "Check your answers" (address from the demo lookup)."""
    client.post(url("register", language), {"professional": "true"} if professional else {})
    client.post(url("register_name", language), {"first_name": "Alex", "last_name": "Jones"})
    if professional:
        client.post(
            url("register_work", language),
            {
                "professional_role": "SENCo",
                "organisation": "Hill Primary School",
                "work_address": "Hill Primary School\nHill Road\nTS18 1AA",
                "work_phone": "01632  960 001",
            },
        )
    client.post(url("register_postcode", language), {"postcode": "ts181aa"})
    client.post(url("register_address", language), {"address": "2"})
    client.post(url("register_phone", language), {"mobile_phone": "07700 900982"})
    client.post(
        url("register_account", language),
        {"email": email, "password": PASSWORD, "password_confirmation": PASSWORD},
    )
    response = client.post(
        url("register_secret", language),
        {"secret_question": "first_pet", "secret_answer": "Rex"},
    )
    assert response.status_code == 302, response.content.decode()
    assert response.url == url("register_check", language)


def register(client, capture, **kwargs):
    """The whole journey; returns the response to "Create account"."""
    answer_steps(client, **kwargs)
    with capture(execute=True):
        return client.post(url("register_check", kwargs.get("language", "en")))


def emailed_code(message):
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def emailed_link(message):
    return re.search(r"https?://\S+/register/confirm/[^/\s]+/", message.body).group(0)


@pytest.fixture(autouse=True)
def _addresses(db):
    load_demo_addresses()


def test_citizen_registers_and_is_emailed_a_code_and_link(
    client, django_capture_on_commit_callbacks
):
    response = register(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response.url == url("confirm_email")
    user = User.objects.get(email="alex.jones@example.org")
    assert (user.first_name, user.last_name, user.kind) == ("Alex", "Jones", "citizen")
    assert (user.address_line_1, user.address_line_2) == ("Flat 1", "3 High Street")
    assert (user.town, user.postcode) == ("Stockton-on-Tees", "TS18 1AA")
    assert user.mobile_phone == "07700 900982"
    assert user.email_confirmed_at is None
    assert user.verification_state == NOT_NEEDED
    assert user.preferred_language == "en"
    assert user.check_password(PASSWORD)
    assert user.secret_question == "first_pet" and user.check_secret_answer(" rex ")
    [message] = mail.outbox
    assert message.to == ["alex.jones@example.org"]
    assert message.subject == "Confirm your email address"
    assert emailed_code(message)
    assert "/account/register/confirm/" in emailed_link(message)
    assert "24 hours" in message.body
    # The answers are gone from the session; the page says where the email went.
    assert SESSION_KEY not in client.session
    page = client.get(response.url).content.decode()
    assert "alex.jones@example.org" in page and "Check your email" in page


def test_a_title_is_optional_at_registration_and_shown_on_check_your_answers(
    client, django_capture_on_commit_callbacks
):
    answer_steps(client)
    assert "Title (optional)" in client.get(url("register_name")).text
    client.post(url("register_name"), {"title": "Mx", "first_name": "Alex", "last_name": "Jones"})
    assert "Mx Alex Jones" in client.get(url("register_check")).text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("register_check"))
    assert User.objects.get(email="alex.jones@example.org").title == "Mx"


def test_registering_without_a_title_leaves_it_empty(client, django_capture_on_commit_callbacks):
    register(client, django_capture_on_commit_callbacks)
    assert User.objects.get(email="alex.jones@example.org").title == ""


def test_registering_in_welsh_makes_welsh_the_preferred_language(
    client, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks, language="cy")

    user = User.objects.get(email="alex.jones@example.org")
    assert user.preferred_language == "cy"
    [message] = mail.outbox
    assert message.subject == "Cadarnhewch eich cyfeiriad e-bost"
    assert "/cy/account/register/confirm/" in emailed_link(message)


def test_professional_registers_and_awaits_verification(client, django_capture_on_commit_callbacks):
    client.get(url("register_professional"))
    assert client.get(url("register_work")).status_code == 200

    register(
        client, django_capture_on_commit_callbacks, email="sam@school.example", professional=True
    )

    user = User.objects.get(email="sam@school.example")
    assert user.kind == "professional" and user.verification_state == PENDING
    assert (user.professional_role, user.organisation) == ("SENCo", "Hill Primary School")
    assert user.work_address == "Hill Primary School\nHill Road\nTS18 1AA"
    assert user.work_phone == "01632 960 001"
    assert not user.is_verified_professional


def test_a_professional_is_asked_for_a_work_address_and_phone(client):
    client.get(url("register_professional"))
    page = client.post(
        url("register_work"),
        {"professional_role": "SENCo", "organisation": "Hill Primary School", "work_phone": "12"},
    ).content.decode()
    assert "Enter your work address" in page
    assert "Enter a telephone number, like 01632 960 001" in page
    client.post(
        url("register_work"),
        {
            "professional_role": "SENCo",
            "organisation": "Hill Primary School",
            "work_address": "Hill Road",
            "work_phone": "01632 960 001",
        },
    )
    # The work phone is not asked again with the personal numbers.
    assert 'name="work_phone"' not in client.get(url("register_phone")).content.decode()


def test_the_professional_checkbox_hint_sits_under_the_checkbox(client):
    page = client.get(url("register")).content.decode()
    item = re.search(r'<div class="govuk-checkboxes__item">.*?</div>\s*</div>', page, re.S)
    assert item, "no checkbox item"
    assert "The council checks professional accounts" in item.group(0)
    assert 'class="govuk-hint govuk-checkboxes__hint"' in item.group(0)


def test_the_professional_link_starts_with_the_professional_questions(client):
    response = client.get(url("register_professional"))

    assert response.url == url("register_name")
    client.post(url("register_name"), {"first_name": "Sam", "last_name": "Lee"})
    page = client.get(url("register_account")).content.decode()
    assert "Work email address" in page


def test_citizen_does_not_get_the_work_questions(client):
    client.post(url("register"), {})
    response = client.post(url("register_name"), {"first_name": "Alex", "last_name": "Jones"})

    assert response.url == url("register_postcode")
    assert client.get(url("register_work")).url == url("register_name")


def test_steps_need_a_started_registration(client):
    for name in ("register_name", "register_postcode", "register_account", "register_check"):
        assert client.get(url(name)).url == url("register")


def test_an_invalid_step_shows_the_error_summary_and_keeps_what_was_typed(client):
    client.post(url("register"), {})
    client.post(url("register_name"), {"first_name": "Alex", "last_name": "Jones"})

    response = client.post(url("register_postcode"), {"postcode": "not a postcode"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Enter a real postcode" in page
    assert 'value="not a postcode"' in page
    assert "<title>Error:" in page
    # The earlier step's answers are still there, and its page shows them.
    page = client.get(url("register_name")).content.decode()
    assert 'value="Alex"' in page and 'value="Jones"' in page


def test_back_links_lead_to_the_previous_step(client):
    answer_steps(client)

    expected = {
        "register_name": url("register"),
        "register_postcode": url("register_name"),
        "register_address": url("register_postcode"),
        "register_phone": url("register_address"),
        "register_account": url("register_phone"),
        "register_secret": url("register_account"),
        "register_check": url("register_secret"),
    }
    for name, back in expected.items():
        page = client.get(url(name)).content.decode()
        assert re.search(rf'href="{re.escape(back)}" class="govuk-back-link', page), name


def test_going_back_keeps_every_answer_including_the_password(
    client, django_capture_on_commit_callbacks
):
    answer_steps(client)

    page = client.get(url("register_phone")).content.decode()
    assert 'value="07700 900982"' in page
    # Coming back to the password step, the password can be left blank to keep it.
    response = client.post(
        url("register_account"),
        {"email": "alex.jones@example.org", "password": "", "password_confirmation": ""},
    )
    assert response.url == url("register_check")
    response = client.post(
        url("register_secret"), {"secret_question": "birth_town", "secret_answer": ""}
    )
    assert response.url == url("register_check")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("register_check"))

    user = User.objects.get(email="alex.jones@example.org")
    assert user.check_password(PASSWORD)
    assert user.secret_question == "birth_town" and user.check_secret_answer("Rex")


def test_a_change_from_check_your_answers_comes_back_to_it(client):
    answer_steps(client)
    page = client.get(url("register_check")).content.decode()
    assert "Alex Jones" in page and "Flat 1" in page and "07700 900982" in page

    response = client.post(url("register_name"), {"first_name": "Alex", "last_name": "Smith"})

    assert response.url == url("register_check")
    assert "Alex Smith" in client.get(url("register_check")).content.decode()


def test_a_new_postcode_means_choosing_the_address_again(client):
    answer_steps(client)

    client.post(url("register_postcode"), {"postcode": "TS18 1AB"})

    assert client.get(url("register_check")).url == url("register_address")
    page = client.get(url("register_address")).content.decode()
    assert "10 Church Road" in page and "High Street" not in page


def test_check_your_answers_sends_an_incomplete_registration_to_the_missing_step(client):
    client.post(url("register"), {})
    client.post(url("register_name"), {"first_name": "Alex", "last_name": "Jones"})

    assert client.get(url("register_check")).url == url("register_postcode")
    assert client.post(url("register_check")).url == url("register_postcode")
    assert not User.objects.exists()


def test_secrets_are_hashed_before_they_reach_the_session(client):
    answer_steps(client)

    stored = str(client.session[SESSION_KEY])
    assert PASSWORD not in stored and "Rex" not in stored


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"first_name": "", "last_name": "Jones"}, "Enter your first name"),
        ({"first_name": "Alex", "last_name": ""}, "Enter your last name"),
    ],
)
def test_name_is_required(client, data, message):
    client.post(url("register"), {})
    response = client.post(url("register_name"), data)
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [("Siân", "ap Dafydd"), ("Gwenllïan", "Ŵyn-Jones"), ("Seán", "O’Brien"), ("Zoë", "D'Arcy")],
)
def test_welsh_and_accented_names_are_accepted(client, first_name, last_name):
    client.post(url("register"), {})
    response = client.post(
        url("register_name"), {"first_name": f" {first_name} ", "last_name": last_name}
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY]["name"] == {
        "title": "",
        "first_name": first_name,
        "last_name": last_name,
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"first_name": "[Urgent](https://evil.example)", "last_name": "Jones"},
            "First name must only include letters, spaces, hyphens and apostrophes",
        ),
        (
            {"first_name": "Alex", "last_name": "<b>Jones</b>"},
            "Last name must only include letters, spaces, hyphens and apostrophes",
        ),
        (
            {"first_name": "Alex2", "last_name": "Jones"},
            "First name must only include letters, spaces, hyphens and apostrophes",
        ),
    ],
)
def test_names_with_other_characters_are_refused_with_a_clear_message(client, data, message):
    client.post(url("register"), {})
    response = client.post(url("register_name"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "name" not in client.session[SESSION_KEY]


def test_professional_role_and_organisation_are_required(client):
    client.get(url("register_professional"))
    page = client.post(url("register_work"), {}).content.decode()
    assert "Enter your role" in page and "Enter the name of your organisation" in page
    assert "Enter your work address" in page and "Enter your work phone number" in page


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("01632 960 001", True),
        ("07700900982", True),
        ("+44 808 157 0192", True),
        ("(01642) 527145", True),
        ("123456789", False),  # 9 digits
        ("+44 1234 567 890 1234", False),  # 16 digits
        ("01632-960-001", False),
        ("call me", False),
    ],
)
def test_phone_numbers_are_checked_leniently(client, number, valid):
    client.post(url("register"), {})
    client.post(url("register_name"), {"first_name": "Alex", "last_name": "Jones"})

    response = client.post(url("register_phone"), {"home_phone": number})

    if valid:
        assert response.status_code == 302
    else:
        assert "Enter a telephone number" in response.content.decode()
        assert f'value="{number}"' in response.content.decode()


def test_phone_numbers_are_optional(client):
    client.post(url("register"), {})
    response = client.post(url("register_phone"), {})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"email": ""}, "Enter your email address"),
        ({"password": ""}, "Enter a password"),
        ({"password_confirmation": ""}, "Enter your password again"),
        ({"password_confirmation": "Correct-Horse-Battery-8"}, "The passwords do not match"),
        (
            {"password": "Short-Pass-1", "password_confirmation": "Short-Pass-1"},
            "Your password must be at least 15 characters long.",
        ),
        (
            {
                "password": "correct-horse-battery-9",
                "password_confirmation": "correct-horse-battery-9",
            },
            "Your password must include a capital letter.",
        ),
    ],
)
def test_email_and_password_are_checked(client, data, message):
    client.post(url("register"), {})
    form = {"email": "alex@example.org", "password": PASSWORD, "password_confirmation": PASSWORD}

    response = client.post(url("register_account"), {**form, **data})

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and "govuk-error-summary" in page
    assert PASSWORD not in page  # passwords are never shown again


def test_secret_question_and_answer_are_required(client):
    client.post(url("register"), {})
    page = client.post(url("register_secret"), {}).content.decode()
    assert "Select a secret question" in page
    assert "Enter the answer to your secret question" in page


def test_registering_with_a_taken_address_does_not_reveal_it(
    client, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="alex.jones@example.org", preferred_language="cy")
    fresh = register(client, django_capture_on_commit_callbacks, email="someone.new@example.org")
    mail.outbox.clear()

    taken = register(client, django_capture_on_commit_callbacks, email="Alex.Jones@example.org")

    assert (taken.status_code, taken.url) == (fresh.status_code, fresh.url)
    assert User.objects.filter(email__iexact="alex.jones@example.org").count() == 1
    [message] = mail.outbox
    assert message.to == [existing.email]
    # Told in the existing account's own language, with a link to sign in.
    assert message.subject == "Ceisiodd rhywun gofrestru gyda'ch cyfeiriad e-bost"
    assert "/cy/account/" in message.body
    page = client.get(taken.url).content.decode()
    assert "Check your email" in page and "alex.jones@example.org" in page


def test_first_page_offers_the_professional_choice(client):
    page = client.get(url("register")).content.decode()
    assert "I am using this account in a professional capacity" in page

    client.post(url("register"), {"professional": "true"})
    client.post(url("register_name"), {"first_name": "Sam", "last_name": "Lee"})
    assert client.session[SESSION_KEY]["kind"] == "professional"
    # Changing one's mind drops the work answers.
    client.post(url("register"), {})
    assert client.session[SESSION_KEY]["kind"] == "citizen"
    assert client.session[SESSION_KEY]["name"]["last_name"] == "Lee"


def test_the_last_step_does_the_same_work_whether_or_not_the_address_is_taken(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="alex.jones@example.org")
    work = {}
    for email in ("someone.new@example.org", "alex.jones@example.org"):
        answer_steps(client, email=email)
        with (
            mock.patch.object(
                MD5PasswordHasher, "encode", autospec=True, side_effect=ENCODE
            ) as spy,
            django_capture_on_commit_callbacks(execute=False) as queued,
        ):
            client.post(url("register_check"))
        work[email] = (spy.call_count, len(queued))

    assert work["someone.new@example.org"] == work["alex.jones@example.org"] == (1, 1)

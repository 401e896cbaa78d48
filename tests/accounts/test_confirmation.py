"""A new account confirms its email address with the emailed 6-digit code or link: once,
within 24 hours, with a few wrong tries, and new codes at most three times an hour."""

import re
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from accounts.confirmation import send_confirmation
from accounts.models import EmailConfirmation
from tests.accounts.test_registration import emailed_code, emailed_link, url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def new_user(db):
    return UserFactory(email="alex.jones@example.org", email_confirmed_at=None)


@pytest.fixture
def emailed(new_user, django_capture_on_commit_callbacks):
    """Send ``new_user`` a confirmation; returns the email."""
    with django_capture_on_commit_callbacks(execute=True):
        send_confirmation(new_user)
    return mail.outbox[-1]


def remember(client, email, new_session=False):
    """The browser has just registered ``email`` (or asked for a new code for it)."""
    if new_session:  # e.g. after time travel, when the old session has ended
        client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    session = client.session
    session["registration_email"] = email
    session.save()


@pytest.fixture
def waiting(client):
    remember(client, "alex.jones@example.org")
    return client


def enter(client, code):
    return client.post(url("confirm_email"), {"code": code})


def later(**delta):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + timezone.timedelta(**delta)
    )


def test_the_code_confirms_the_address_and_the_account_is_ready(new_user, emailed, waiting):
    response = enter(waiting, emailed_code(emailed))

    assert response.url == url("register_ready")
    new_user.refresh_from_db()
    assert new_user.email_confirmed_at is not None
    page = waiting.get(response.url).content.decode()
    assert "Your account is ready" in page and url("sign_in") in page


def test_the_link_confirms_the_address(client, new_user, emailed):
    link = emailed_link(emailed)

    response = client.get(link[link.index("/account/") :])

    assert response.url == url("register_ready")
    new_user.refresh_from_db()
    assert new_user.email_confirmed_at is not None


def test_a_code_works_only_once(new_user, emailed, waiting):
    code = emailed_code(emailed)
    enter(waiting, code)
    new_user.email_confirmed_at = None  # even if the account were unconfirmed again
    new_user.save()
    remember(waiting, new_user.email)

    response = enter(waiting, code)

    assert "The code is not correct" in response.content.decode()


def test_a_link_works_only_once(client, new_user, emailed):
    link = emailed_link(emailed)
    path = link[link.index("/account/") :]
    client.get(path)

    response = client.get(path)

    assert response.status_code == 200
    assert "This link has expired or has already been used" in response.content.decode()


def test_codes_and_links_expire_after_24_hours(client, new_user, emailed, waiting):
    link = emailed_link(emailed)
    with later(hours=24, seconds=1):
        remember(waiting, "alex.jones@example.org", new_session=True)
        assert "The code has expired" in enter(waiting, emailed_code(emailed)).content.decode()
        page = client.get(link[link.index("/account/") :]).content.decode()
        assert "This link has expired" in page
    new_user.refresh_from_db()
    assert new_user.email_confirmed_at is None


def test_a_code_still_works_just_before_it_expires(new_user, emailed, waiting):
    with later(hours=23, minutes=59):
        remember(waiting, "alex.jones@example.org", new_session=True)
        assert enter(waiting, emailed_code(emailed)).url == url("register_ready")


def test_four_wrong_codes_then_the_right_one_confirms(new_user, emailed, waiting):
    code = emailed_code(emailed)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _attempt in range(4):
        response = enter(waiting, wrong)
        assert "The code is not correct" in response.content.decode()

    assert enter(waiting, code).url == url("register_ready")


def test_after_five_wrong_codes_the_user_must_ask_for_a_new_one(new_user, emailed, waiting):
    code = emailed_code(emailed)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _attempt in range(4):
        enter(waiting, wrong)

    fifth = enter(waiting, wrong).content.decode()
    assert "You have entered the wrong code too many times" in fifth
    right = enter(waiting, code).content.decode()
    assert "You have entered the wrong code too many times" in right
    new_user.refresh_from_db()
    assert new_user.email_confirmed_at is None


def test_codes_and_tokens_are_stored_hashed(new_user, emailed):
    confirmation = EmailConfirmation.objects.get(user=new_user)
    code, link = emailed_code(emailed), emailed_link(emailed)
    token = link.rstrip("/").rsplit("/", 1)[1]

    assert code not in confirmation.code_hash
    assert token not in confirmation.token_hash


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the code from the email"),
        ("12345", "The code must be 6 digits"),
        ("abcdef", "The code must be 6 digits"),
    ],
)
def test_the_code_must_look_like_a_code(waiting, code, message):
    response = enter(waiting, code)
    assert message in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_a_code_for_an_address_without_an_account_is_simply_wrong(client):
    remember(client, "nobody@example.org")

    assert "The code is not correct" in enter(client, "123456").content.decode()


def test_the_code_page_needs_an_address_to_confirm(client):
    assert client.get(url("confirm_email")).url == url("resend_confirmation")


def test_a_new_code_replaces_the_old_one(
    client, new_user, emailed, waiting, django_capture_on_commit_callbacks
):
    old_code, old_link = emailed_code(emailed), emailed_link(emailed)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("resend_confirmation"), {"email": "Alex.Jones@example.org"})
    assert response.url == url("confirm_email") + "?resent=1"
    new = mail.outbox[-1]
    assert len(mail.outbox) == 2

    if old_code != emailed_code(new):
        assert "The code is not correct" in enter(waiting, old_code).content.decode()
    page = client.get(old_link[old_link.index("/account/") :]).content.decode()
    assert "This link has expired" in page
    assert enter(waiting, emailed_code(new)).url == url("register_ready")


def test_new_codes_are_limited_to_three_an_hour(
    client, new_user, emailed, django_capture_on_commit_callbacks
):
    for _attempt in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("resend_confirmation"), {"email": new_user.email})
    assert len(mail.outbox) == 1 + 3

    with later(hours=1, seconds=1), django_capture_on_commit_callbacks(execute=True):
        client.post(url("resend_confirmation"), {"email": new_user.email})
    assert len(mail.outbox) == 5


def test_asking_for_a_new_code_does_not_reveal_who_has_an_account(
    client, new_user, django_capture_on_commit_callbacks
):
    confirmed = UserFactory(email="confirmed@example.org", email_confirmed_at=timezone.now())
    responses = []
    for email in ("alex.jones@example.org", "nobody@example.org", confirmed.email):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("resend_confirmation"), {"email": email})
        page = client.get(response.url).content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.replace(email, "EMAIL"))
        responses.append((response.status_code, response.url, page))

    assert [message.to for message in mail.outbox] == [["alex.jones@example.org"]]
    assert responses[0] == responses[1] == responses[2]


def test_the_new_code_page_offers_the_address_being_confirmed(waiting):
    page = waiting.get(url("resend_confirmation")).content.decode()
    assert 'value="alex.jones@example.org"' in page
    response = waiting.post(url("resend_confirmation"), {"email": "not an email"})
    assert "Enter an email address in the correct format" in response.content.decode()


def test_confirming_one_account_does_not_touch_another(new_user, emailed, waiting):
    other = UserFactory(email="other@example.org", email_confirmed_at=None)
    enter(waiting, emailed_code(emailed))

    other.refresh_from_db()
    assert other.email_confirmed_at is None

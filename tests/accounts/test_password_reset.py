"""Forgotten password: email address → a single-use link by email → the secret question (for
users who chose one) and a new password that meets the policy. Nothing on the way tells
whether an address has an account."""

import datetime
import html
import re
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import credentials
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = "Correct-Horse-Battery-9"
FORGOTTEN = reverse("accounts:password_forgotten")


@pytest.fixture
def parent():
    user = UserFactory(email="parent@example.org", secret_question="first_pet")
    user.set_secret_answer("Rex the Dog")
    user.save()
    return user


def ask(client, email="parent@example.org", **extra):
    return client.post(FORGOTTEN, {"email": email}, **extra)


def new_password(client, path, password=GOOD, again=None, answer="rex the  dog"):
    data = {"new_password": password, "new_password_confirm": password if again is None else again}
    return client.post(path, {**data, "secret_answer": answer})


def without_csrf(content):
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def link_path(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def error_summary(response):
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', response.content.decode(), re.S)
    assert match, "no error summary"
    return html.unescape(match.group(0))


def reset_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask(client)
    (message,) = mail.outbox
    return link_path(message)


# --- Asking for a link ----------------------------------------------------------------


def test_right_details_email_a_reset_link(client, parent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, email="  Parent@Example.org ")
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_forgotten_sent")
    (message,) = mail.outbox
    assert message.to == ["parent@example.org"]
    assert message.subject == "Reset your password"
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    assert f"for {hours} hours" in message.body
    assert link_path(message).startswith("/account/password-reset/")


def test_welsh_speaker_gets_a_welsh_link(client, parent, django_capture_on_commit_callbacks):
    parent.preferred_language = "cy"
    parent.save()
    with django_capture_on_commit_callbacks(execute=True):
        ask(client)
    (message,) = mail.outbox
    assert message.subject == "Ailosod eich cyfrinair"
    assert link_path(message).startswith("/cy/account/password-reset/")


def test_an_unknown_address_is_sent_nothing(client, parent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, email="nobody@example.org")
    assert response.status_code == 302
    assert mail.outbox == []


def test_inactive_account_gets_no_link(client, parent, django_capture_on_commit_callbacks):
    parent.is_active = False
    parent.save()
    with django_capture_on_commit_callbacks(execute=True):
        ask(client)
    assert mail.outbox == []


def test_response_is_the_same_whether_or_not_the_address_has_an_account(client, parent):
    UserFactory(email="other@example.org")  # an account without a secret answer
    cases = [{}, {"email": "unknown@example.org"}, {"email": "other@example.org"}]
    responses = [ask(client, **case) for case in cases]
    first = responses[0]
    for response in responses[1:]:
        assert response.status_code == first.status_code
        assert response["Location"] == first["Location"]
        assert response.content == first.content
    pages = [client.get(response["Location"]) for response in responses]
    for page in pages[1:]:
        assert page.status_code == pages[0].status_code == 200
        assert without_csrf(page.content) == without_csrf(pages[0].content)


@pytest.mark.parametrize("email", ["parent@example.org", "other@example.org", "nobody@example.org"])
def test_asking_for_a_link_does_the_same_work_for_every_address(
    parent, django_capture_on_commit_callbacks, email
):
    """No account lookup, hashing or email happens in the request: one task is queued for
    every address, and it finds the account in the background."""
    UserFactory(email="other@example.org")
    with (
        mock.patch("accounts.credentials.async_task") as queue,
        CaptureQueriesContext(connection) as queries,
        mock.patch.object(
            MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode
        ) as hashing,
        mock.patch.object(
            MD5PasswordHasher, "verify", autospec=True, side_effect=MD5PasswordHasher.verify
        ) as checking,
        django_capture_on_commit_callbacks(execute=True),
    ):
        credentials.request_password_reset(email, "192.0.2.1")
    queue.assert_called_once_with(
        "accounts.credentials.send_reset_link_to", email, task_name="password-reset"
    )
    assert len(queries) == 0
    assert hashing.call_count == checking.call_count == 0


def test_the_form_shows_the_same_page_for_known_and_unknown_addresses(client, parent):
    known = client.get(FORGOTTEN)
    assert known.status_code == 200
    # An error on the form depends only on what was typed, never on the account.
    known_error = ask(client, email="parent@example")
    unknown_error = ask(client, email="unknown@example")
    assert known_error.status_code == unknown_error.status_code == 200
    assert without_csrf(known_error.content).replace(b"parent@example", b"X") == without_csrf(
        unknown_error.content
    ).replace(b"unknown@example", b"X")


def test_bad_input_gives_clear_errors_and_keeps_what_was_typed(client):
    response = ask(client, email="not-an-email")
    assert response.status_code == 200
    summary = error_summary(response)
    assert "Enter an email address in the correct format, like name@example.com" in summary
    content = response.content.decode()
    assert 'value="not-an-email"' in content
    assert "<title>Error:" in content
    assert "Enter your email address" in error_summary(ask(client, email=""))


def test_requests_for_one_address_are_limited(client, parent, django_capture_on_commit_callbacks):
    for _attempt in range(credentials.RESET_REQUESTS_PER_EMAIL):
        assert ask(client).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client)
    assert response.status_code == 429
    assert "too many times" in error_summary(response)
    assert 'value="parent@example.org"' in response.content.decode()
    assert mail.outbox == []  # the request over the limit queues nothing


def test_the_limit_reads_the_same_for_unknown_addresses(client):
    for _attempt in range(credentials.RESET_REQUESTS_PER_EMAIL):
        ask(client, email="unknown@example.org")
    response = ask(client, email="unknown@example.org")
    assert response.status_code == 429
    assert "too many times" in error_summary(response)


def test_requests_from_one_ip_address_are_limited(client, parent):
    for n in range(credentials.RESET_REQUESTS_PER_IP):
        assert ask(client, email=f"person{n}@example.org").status_code == 302
    assert ask(client).status_code == 429
    # Another address (e.g. another household) is not held up.
    assert ask(client, REMOTE_ADDR="192.0.2.7").status_code == 302


# --- Following the link ---------------------------------------------------------------


def test_link_leads_to_a_new_password(client, parent, django_capture_on_commit_callbacks):
    path = reset_link(client, django_capture_on_commit_callbacks)
    page = client.get(path)
    assert page.status_code == 200
    assert "Choose a new password" in page.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = new_password(client, path)
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    parent.refresh_from_db()
    assert parent.check_password(GOOD)
    (message,) = mail.outbox
    assert message.subject == "Your password has been changed"
    done = client.get(response.url).content.decode()
    assert "Your password has been reset" in done
    assert reverse("accounts:sign_in") in done


def test_link_works_once(client, parent, django_capture_on_commit_callbacks):
    path = reset_link(client, django_capture_on_commit_callbacks)
    new_password(client, path)
    for response in (
        client.get(path),
        new_password(client, path, "Other-Horse-Battery-8", "x"),
    ):
        content = response.content.decode()
        assert "This link has expired or has already been used" in content
        assert FORGOTTEN in content
    parent.refresh_from_db()
    assert parent.check_password(GOOD)


def test_link_expires(client, parent, django_capture_on_commit_callbacks):
    path = reset_link(client, django_capture_on_commit_callbacks)
    later = datetime.datetime.now() + datetime.timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 60
    )
    with mock.patch.object(PasswordResetTokenGenerator, "_now", return_value=later):
        response = new_password(client, path)
    assert "This link has expired or has already been used" in response.content.decode()
    parent.refresh_from_db()
    assert not parent.check_password(GOOD)


def test_a_link_cannot_reset_another_users_password(
    client, parent, django_capture_on_commit_callbacks
):
    other = UserFactory(email="other@example.org")
    path = reset_link(client, django_capture_on_commit_callbacks)
    uidb64, token = path.rstrip("/").split("/")[-2:]
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    forged = reverse(
        "accounts:password_reset",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(other.pk)), "token": token},
    )
    response = new_password(client, forged)
    assert "This link has expired or has already been used" in response.content.decode()
    other.refresh_from_db()
    assert not other.check_password(GOOD)


@pytest.mark.parametrize("uidb64", ["garbage", "MTIzNDU2Nzg5", "!!"])
def test_a_broken_link_is_explained(client, uidb64):
    response = client.get(f"/account/password-reset/{uidb64}/abc-123/")
    assert response.status_code == 200
    assert "This link has expired or has already been used" in response.content.decode()


RULES = [
    ("Short-Pass-1", "Your password must be at least 15 characters long."),
    ("123456789012345678", "Your password must include a letter."),
    ("correct-horse-battery-9", "Your password must include a capital letter."),
    ("Correct-Horse-Battery-Staple", "Your password must include a number."),
    ("Correct-Horse-Battery-9é€", "Your password can only contain letters, numbers"),
    ("1Q2w3e4r5t6y7u8i9o0p", "Your password is too easy to guess."),
]


@pytest.mark.parametrize(("password", "message"), RULES)
def test_each_password_rule_is_shown_in_the_error_summary(
    client, parent, django_capture_on_commit_callbacks, password, message
):
    path = reset_link(client, django_capture_on_commit_callbacks)
    response = new_password(client, path, password)
    assert response.status_code == 200
    assert message in error_summary(response)
    assert password not in response.content.decode()  # password boxes are asked again


def test_every_broken_rule_is_listed_at_once(client, parent, django_capture_on_commit_callbacks):
    path = reset_link(client, django_capture_on_commit_callbacks)
    response = new_password(client, path, "short")
    summary = error_summary(response)
    assert "at least 15 characters" in summary
    assert "capital letter" in summary
    assert "include a number" in summary


def test_the_two_passwords_must_match(client, parent, django_capture_on_commit_callbacks):
    path = reset_link(client, django_capture_on_commit_callbacks)
    response = new_password(client, path, GOOD, GOOD + "x")
    assert "The passwords do not match" in error_summary(response)
    parent.refresh_from_db()
    assert not parent.check_password(GOOD)


def test_a_recent_password_cannot_come_back(client, parent, django_capture_on_commit_callbacks):
    parent.set_password(GOOD)
    parent.save()
    path = reset_link(client, django_capture_on_commit_callbacks)
    response = new_password(client, path)
    assert "different from your last 8 passwords" in error_summary(response)


def test_reset_signs_the_user_out_everywhere(client, parent, django_capture_on_commit_callbacks):
    from django.test import Client

    phone, laptop = Client(), Client()
    phone.force_login(parent)
    laptop.force_login(parent)
    my_account = reverse("accounts:my_account")
    assert phone.get(my_account).status_code == 200
    path = reset_link(client, django_capture_on_commit_callbacks)
    new_password(client, path)
    for device in (phone, laptop):
        response = device.get(my_account)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:sign_in"))


# --- Everyone can reset; the secret question when there is one --------------------------


def test_a_user_without_a_secret_question_resets_with_the_link_alone(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(email="no.question@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, email="no.question@example.org")
    (message,) = mail.outbox
    path = link_path(message)
    page = client.get(path).content.decode()
    assert "secret_answer" not in page

    response = client.post(path, {"new_password": GOOD, "new_password_confirm": GOOD})

    assert response.url == reverse("accounts:password_reset_done")
    user.refresh_from_db()
    assert user.check_password(GOOD)


def test_a_user_with_a_secret_question_is_asked_it_on_the_links_page(
    client, parent, django_capture_on_commit_callbacks
):
    path = reset_link(client, django_capture_on_commit_callbacks)
    assert "What was the name of your first pet?" in client.get(path).content.decode()

    wrong = new_password(client, path, answer="Fido")
    missing = new_password(client, path, answer="")

    assert "The answer to your secret question is not correct" in error_summary(wrong)
    assert "Enter the answer to your secret question" in error_summary(missing)
    parent.refresh_from_db()
    assert not parent.check_password(GOOD)
    assert new_password(client, path).url == reverse("accounts:password_reset_done")
    parent.refresh_from_db()
    assert parent.check_password(GOOD)


def test_wrong_secret_answers_on_a_link_are_limited(
    client, parent, django_capture_on_commit_callbacks
):
    path = reset_link(client, django_capture_on_commit_callbacks)
    for _attempt in range(credentials.MAX_WRONG_SECRET_ANSWERS):
        new_password(client, path, answer="Fido")

    response = new_password(client, path)

    assert "wrong answer too many times" in error_summary(response)
    parent.refresh_from_db()
    assert not parent.check_password(GOOD)


def test_staff_reset_link_asks_the_secret_question_too(
    client, parent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        credentials.staff_reset_password(parent)
    (message,) = mail.outbox
    path = link_path(message)
    assert "The answer to your secret question is not correct" in error_summary(
        new_password(client, path, answer="Fido")
    )


def test_each_broken_rule_is_on_its_own_line(client, parent, django_capture_on_commit_callbacks):
    path = reset_link(client, django_capture_on_commit_callbacks)
    page = new_password(client, path, "short").content.decode()
    summary = re.search(r'<ul class="govuk-list govuk-error-summary__list">.*?</ul>', page, re.S)
    entries = re.findall(r"<li>.*?</li>", summary.group(0), re.S)
    assert len(entries) >= 3
    assert all(entry.count("Your password") == 1 for entry in entries if "password" in entry)
    message = re.search(r'<p id="id_new_password-error".*?</p>', page, re.S).group(0)
    assert message.count("<br>") >= 2

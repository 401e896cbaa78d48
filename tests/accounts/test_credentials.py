"""Changing the password, secret question and email address while signed in, and the staff
actions of the Portal users panel (reset link, change of address)."""

import html
import logging
import re
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from accounts import credentials
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OLD = "A-long-Password-123"  # the factory's password
GOOD = "Correct-Horse-Battery-9"
PASSWORD = reverse("accounts:password_change")
SECRET = reverse("accounts:secret_question_change")
EMAIL = reverse("accounts:email_change")
MY_ACCOUNT = reverse("accounts:my_account")


@pytest.fixture
def parent(client):
    user = UserFactory(email="parent@example.org", secret_question="first_pet")
    user.set_secret_answer("Rex")
    user.save()
    client.force_login(user)
    return user


def error_summary(response):
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', response.content.decode(), re.S)
    assert match, "no error summary"
    return html.unescape(match.group(0))


def link_path(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def signed_in(client):
    return client.get(MY_ACCOUNT).status_code == 200


@pytest.mark.parametrize("url", [PASSWORD, SECRET, EMAIL])
def test_each_change_page_asks_a_visitor_to_sign_in_first(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:sign_in')}?next={url}"


# --- Password ---------------------------------------------------------------------------


def change_password(client, current=OLD, new=GOOD, again=None):
    return client.post(
        PASSWORD,
        {"current_password": current, "new_password": new, "new_password_confirm": again or new},
    )


def test_user_changes_their_password(client, parent, django_capture_on_commit_callbacks):
    assert client.get(PASSWORD).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = change_password(client)
    assert response.url == reverse("accounts:password_change_done")
    parent.refresh_from_db()
    assert parent.check_password(GOOD)
    (message,) = mail.outbox
    assert message.to == ["parent@example.org"]
    assert message.subject == "Your password has been changed"
    done = client.get(response.url).content.decode()
    assert "Your password has been changed" in done
    assert MY_ACCOUNT in done


def test_changing_the_password_signs_out_every_other_session(client, parent):
    other = Client()
    other.force_login(parent)
    assert signed_in(other)
    change_password(client)
    assert signed_in(client)  # this session carries on
    assert not signed_in(other)


def test_wrong_current_password_changes_nothing(client, parent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = change_password(client, current="not-my-password")
    assert response.status_code == 200
    assert "Your current password is incorrect" in error_summary(response)
    parent.refresh_from_db()
    assert parent.check_password(OLD)
    assert mail.outbox == []


def test_password_boxes_are_asked_again_after_an_error(client, parent):
    response = change_password(client, new="short")
    content = response.content.decode()
    assert "Your password must be at least 15 characters long." in error_summary(response)
    assert OLD not in content and 'value="short"' not in content


@pytest.mark.parametrize(
    ("new", "again", "message"),
    [
        ("", "", "Enter a new password"),
        (GOOD, GOOD + "x", "The passwords do not match"),
        ("correct-horse-battery-9", None, "Your password must include a capital letter."),
    ],
)
def test_new_password_problems_are_explained(client, parent, new, again, message):
    response = change_password(client, new=new, again=again)
    assert message in error_summary(response)


def test_none_of_the_last_eight_passwords_can_come_back(client, parent):
    passwords = [f"Correct-Horse-Battery-{n}" for n in range(9)]
    for password in passwords:
        parent.set_password(password)
        parent.save()
    client.force_login(parent)
    current = passwords[-1]
    for recent in passwords[1:]:
        response = change_password(client, current=current, new=recent)
        assert "different from your last 8 passwords" in error_summary(response), recent
    # The ninth most recent is old enough.
    response = change_password(client, current=current, new=passwords[0])
    assert response.status_code == 302


# --- Secret question --------------------------------------------------------------------


def test_user_changes_their_secret_question(client, parent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SECRET,
            {"current_password": OLD, "secret_question": "birth_town", "secret_answer": "Swansea"},
        )
    assert response.url == reverse("accounts:secret_question_change_done")
    parent.refresh_from_db()
    assert parent.secret_question == "birth_town"
    assert parent.check_secret_answer("swansea")
    (message,) = mail.outbox
    assert message.subject == "Your secret question has been changed"
    assert "Your secret question has been changed" in client.get(response.url).content.decode()


def test_secret_question_needs_the_password_and_keeps_the_answers(client, parent):
    response = client.post(
        SECRET, {"current_password": "wrong", "secret_question": "birth_town", "secret_answer": "X"}
    )
    assert "Your current password is incorrect" in error_summary(response)
    content = response.content.decode()
    assert re.search(r'value="birth_town"\s+checked', content)
    assert 'value="X"' in content
    parent.refresh_from_db()
    assert parent.secret_question == "first_pet"


def test_secret_question_must_be_chosen_and_answered(client, parent):
    response = client.post(SECRET, {"current_password": OLD})
    summary = error_summary(response)
    assert "Select your secret question" in summary
    assert "Enter a secret answer" in summary


# --- Email address ----------------------------------------------------------------------


def ask_for_new_email(client, django_capture_on_commit_callbacks, new="new@example.org"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EMAIL, {"new_email": new, "current_password": OLD})
    assert response.url == reverse("accounts:email_change_sent")
    return response


def confirmation_link():
    (message,) = [m for m in mail.outbox if m.subject == "Confirm your new email address"]
    return link_path(message)


def test_email_change_warns_about_signing_out(client, parent):
    content = client.get(EMAIL).content.decode()
    assert "govuk-warning-text" in content
    assert "you will be signed out everywhere" in content


def test_confirmation_goes_to_the_new_address_and_a_notice_to_the_old(
    client, parent, django_capture_on_commit_callbacks
):
    response = ask_for_new_email(client, django_capture_on_commit_callbacks, new="New@Example.org")
    confirm, notice = sorted(mail.outbox, key=lambda m: m.to != ["new@example.org"])
    assert confirm.to == ["new@example.org"]
    assert confirm.subject == "Confirm your new email address"
    assert "for 24 hours" in confirm.body
    assert notice.to == ["parent@example.org"]
    assert notice.subject == "Your email address is being changed"
    assert "new@example.org" in notice.body
    parent.refresh_from_db()
    assert parent.email == "parent@example.org"  # nothing changes until confirmed
    assert "new@example.org" in client.get(response.url).content.decode()


def test_following_the_link_changes_the_address_and_signs_out_everywhere(
    client, parent, django_capture_on_commit_callbacks
):
    other = Client()
    other.force_login(parent)
    ask_for_new_email(client, django_capture_on_commit_callbacks)
    path = confirmation_link()
    page = client.get(path)
    assert "new@example.org" in page.content.decode()
    parent.refresh_from_db()
    assert parent.email == "parent@example.org"  # opening the link alone changes nothing

    response = client.post(path)
    assert response.url == reverse("accounts:email_change_done")
    parent.refresh_from_db()
    assert parent.email == "new@example.org"
    assert not signed_in(client)
    assert not signed_in(other)
    done = client.get(response.url).content.decode()
    assert "Your email address has been changed" in done
    assert "new@example.org" in done
    # The link has done its job.
    assert "has already been used" in client.post(path).content.decode()


def test_the_link_works_from_a_signed_out_browser(
    client, parent, django_capture_on_commit_callbacks
):
    ask_for_new_email(client, django_capture_on_commit_callbacks)
    response = Client().post(confirmation_link())
    assert response.status_code == 302
    parent.refresh_from_db()
    assert parent.email == "new@example.org"


def test_a_taken_address_is_not_revealed_when_asking(
    client, parent, django_capture_on_commit_callbacks
):
    UserFactory(email="taken@example.org")
    response = ask_for_new_email(
        client, django_capture_on_commit_callbacks, new="taken@example.org"
    )
    free = ask_for_new_email(client, django_capture_on_commit_callbacks, new="free@example.org")
    assert response.status_code == free.status_code
    assert response.url == free.url


def test_an_address_taken_meanwhile_fails_safely_at_confirmation(
    client, parent, django_capture_on_commit_callbacks
):
    ask_for_new_email(client, django_capture_on_commit_callbacks)
    UserFactory(email="new@example.org")
    response = client.post(confirmation_link())
    assert response.status_code == 409
    assert "This email address is already in use" in response.content.decode()
    parent.refresh_from_db()
    assert parent.email == "parent@example.org"
    assert signed_in(client)


def test_another_user_cannot_use_someone_elses_link(
    client, parent, django_capture_on_commit_callbacks
):
    ask_for_new_email(client, django_capture_on_commit_callbacks)
    path = confirmation_link()
    intruder = UserFactory(email="intruder@example.org")
    other = Client()
    other.force_login(intruder)
    for response in (other.get(path), other.post(path)):
        assert response.status_code == 403
        assert "This link is for a different account" in response.content.decode()
    parent.refresh_from_db()
    intruder.refresh_from_db()
    assert parent.email == "parent@example.org"
    assert intruder.email == "intruder@example.org"


def test_an_altered_link_is_refused(client, parent, django_capture_on_commit_callbacks):
    ask_for_new_email(client, django_capture_on_commit_callbacks)
    path = confirmation_link()
    response = client.post(path[:-3] + "xx/")
    assert "This link has expired or has already been used" in response.content.decode()
    parent.refresh_from_db()
    assert parent.email == "parent@example.org"


def test_the_link_expires_after_24_hours(client, parent, django_capture_on_commit_callbacks):
    yesterday = signing.b62_encode(int(time.time()) - 24 * 3600 - 60)
    with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=yesterday):
        ask_for_new_email(client, django_capture_on_commit_callbacks)
    response = client.post(confirmation_link())
    assert "This link has expired or has already been used" in response.content.decode()
    parent.refresh_from_db()
    assert parent.email == "parent@example.org"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"new_email": "", "current_password": OLD}, "Enter your new email address"),
        ({"new_email": "nope", "current_password": OLD}, "Enter an email address in the correct"),
        (
            {"new_email": "PARENT@example.org", "current_password": OLD},
            "Enter a different email address from the one you use now",
        ),
        (
            {"new_email": "new@example.org", "current_password": "x"},
            "current password is incorrect",
        ),
    ],
)
def test_email_change_problems_are_explained_and_the_address_kept(
    client, parent, django_capture_on_commit_callbacks, data, message
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EMAIL, data)
    assert message in error_summary(response)
    if data["new_email"]:
        assert f'value="{data["new_email"]}"' in response.content.decode()
    assert mail.outbox == []


# --- Staff actions ----------------------------------------------------------------------


@pytest.fixture
def caseworker():
    return UserFactory(email="caseworker@example.org", kind="staff", is_staff=True)


def test_staff_reset_sends_the_forgotten_password_email(
    client, caseworker, django_capture_on_commit_callbacks, caplog
):
    user = UserFactory(email="parent@example.org")
    with (
        caplog.at_level(logging.INFO, logger="accounts.credentials"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        credentials.staff_reset_password(user, by=caseworker)
    (message,) = mail.outbox
    assert message.to == ["parent@example.org"]
    assert message.subject == "Reset your password"
    response = client.post(link_path(message), {"new_password": GOOD, "new_password_confirm": GOOD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(GOOD)
    assert f"Staff user {caseworker.pk} sent a password reset link to user {user.pk}" in caplog.text


def test_staff_change_email_at_once(caseworker, django_capture_on_commit_callbacks, caplog):
    user = UserFactory(email="parent@example.org")
    session = Client()
    session.force_login(user)
    with (
        caplog.at_level(logging.INFO, logger="accounts.credentials"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        credentials.staff_change_email(user, " New@Example.org", by=caseworker)
    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert user.email_confirmed_at is not None
    assert not signed_in(session)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["new@example.org"].subject == "Your email address has been changed"
    assert "new@example.org" in by_address["parent@example.org"].body
    assert f"Staff user {caseworker.pk} changed the email address of user {user.pk}" in caplog.text


@pytest.mark.parametrize("new", ["taken@example.org", "not-an-address", "parent@example.org"])
def test_staff_change_email_refuses_a_bad_address(
    caseworker, django_capture_on_commit_callbacks, new
):
    UserFactory(email="taken@example.org")
    user = UserFactory(email="parent@example.org")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        credentials.staff_change_email(user, new, by=caseworker)
    user.refresh_from_db()
    assert user.email == "parent@example.org"
    assert mail.outbox == []

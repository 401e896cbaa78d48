"""Signing in with email and password: one answer for every wrong detail, unconfirmed and
locked-out accounts, the two-step verification offer, signing out."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "A-long-Password-123"
SIGN_IN = "/account/sign-in/"


@pytest.fixture
def citizen(db):
    return UserFactory(email="sam@example.org", email_confirmed_at=timezone.now())


def post_sign_in(client, email, password=PASSWORD, next=None, **meta):
    data = {"email": email, "password": password, **({"next": next} if next else {})}
    return client.post(SIGN_IN, data, **meta)


def comparable(response, typed_email):
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return response.status_code, body.replace(typed_email, "EMAIL")


def test_unknown_email_and_wrong_password_get_the_same_answer(client, citizen):
    unknown = post_sign_in(client, "nobody@example.org")
    wrong_password = post_sign_in(client, citizen.email, "Not-the-Password-1")

    assert unknown.status_code == 200
    assert "Email address or password is incorrect" in unknown.content.decode()
    assert comparable(unknown, "nobody@example.org") == comparable(wrong_password, citizen.email)
    assert "_auth_user_id" not in client.session


def test_deactivated_account_gets_the_same_answer(client, citizen):
    citizen.is_active = False
    citizen.save()

    response = post_sign_in(client, citizen.email)

    assert "Email address or password is incorrect" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_email_is_not_case_sensitive(client, citizen):
    response = post_sign_in(client, "  SAM@Example.org ")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.pk)


def test_empty_form_says_what_is_missing(client):
    page = client.post(SIGN_IN, {}).content.decode()

    assert "Enter your email address" in page
    assert "Enter your password" in page
    assert "<title>Error:" in page


def test_unconfirmed_email_is_refused_with_a_link_to_a_new_code(client):
    user = UserFactory(email="new@example.org", email_confirmed_at=None)

    response = post_sign_in(client, user.email)

    page = response.content.decode()
    assert "Confirm your email address first" in page
    assert "_auth_user_id" not in client.session
    assert f'href="{reverse("accounts:resend_confirmation")}"' in page


def test_unconfirmed_email_with_a_wrong_password_is_just_incorrect(client):
    user = UserFactory(email="new@example.org", email_confirmed_at=None)

    page = post_sign_in(client, user.email, "Not-the-Password-1").content.decode()

    assert "Email address or password is incorrect" in page
    assert "Confirm your email address" not in page


def test_user_without_two_factor_is_signed_in_and_offered_it(client, citizen):
    response = post_sign_in(client, citizen.email, next="/send/")

    assert response.status_code == 302
    assert response.url == "/account/sign-in/two-step-verification/?next=%2Fsend%2F"
    assert client.session["_auth_user_id"] == str(citizen.pk)
    offer = client.get(response.url).content.decode()
    assert "Turn on two-step verification now" in offer
    assert 'href="/send/"' in offer  # "Not now" carries on where the user was going


def test_next_to_another_site_is_ignored(client, citizen):
    response = post_sign_in(client, citizen.email, next="https://evil.example.com/")

    assert "evil" not in response.url


def test_user_with_two_factor_is_only_half_signed_in_until_the_code(
    client, citizen, django_capture_on_commit_callbacks
):
    EmailDevice.objects.create(user=citizen, name="email", confirmed=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_sign_in(client, citizen.email, next="/send/")

    assert response.url == reverse("accounts:sign_in_code")
    assert "_auth_user_id" not in client.session
    assert client.get("/account/two-step-verification/").status_code == 302  # not signed in
    page = client.get(response.url).content.decode()
    assert "We have sent a code to your email address" in page
    (email,) = mail.outbox
    assert email.to == [citizen.email]
    assert "5 minutes" in email.body
    code = re.search(r"\b(\d{6})\b", email.body).group(1)

    signed_in = client.post(response.url, {"code": code})

    assert signed_in.status_code == 302
    assert signed_in.url == "/send/"
    assert client.session["_auth_user_id"] == str(citizen.pk)
    assert client.session["otp_device_id"]


def test_axes_locks_out_after_too_many_wrong_passwords_from_one_address(client, citizen, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3

    for _attempt in range(2):
        page = post_sign_in(client, citizen.email, "Not-the-Password-1", REMOTE_ADDR="10.0.0.1")
        assert page.status_code == 200
    locked = post_sign_in(client, citizen.email, "Not-the-Password-1", REMOTE_ADDR="10.0.0.1")
    right_password = post_sign_in(client, citizen.email, REMOTE_ADDR="10.0.0.1")

    assert locked.status_code == 429
    assert "You cannot sign in at the moment" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_from_elsewhere_cannot_lock_a_parent_out(client, citizen, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(5):
        post_sign_in(client, citizen.email, "Not-the-Password-1", REMOTE_ADDR="198.51.100.7")

    response = post_sign_in(client, citizen.email, REMOTE_ADDR="203.0.113.20")

    # Not locked out: the parent gets the emailed-code step.
    assert response.status_code == 302
    assert response.url == "/account/sign-in/code/"


def test_a_password_guessed_from_many_addresses_also_needs_an_emailed_code(
    client, citizen, settings, django_capture_on_commit_callbacks
):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):
        post_sign_in(client, citizen.email, "Not-the-Password-1", REMOTE_ADDR=address)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_sign_in(client, citizen.email, REMOTE_ADDR="203.0.113.20")
    assert response.url == "/account/sign-in/code/"
    assert "_auth_user_id" not in client.session
    (message,) = mail.outbox
    code = re.search(r"\b(\d{6})\b", message.body).group(1)

    client.post("/account/sign-in/code/", {"code": code}, REMOTE_ADDR="203.0.113.20")

    assert client.session["_auth_user_id"] == str(citizen.pk)
    # A one-off code does not turn two-step verification on.
    assert not EmailDevice.objects.filter(user=citizen, confirmed=True).exists()


def test_a_few_wrong_passwords_do_not_ask_for_a_code(client, citizen, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    post_sign_in(client, citizen.email, "Not-the-Password-1", REMOTE_ADDR="198.51.100.1")

    response = post_sign_in(client, citizen.email, REMOTE_ADDR="203.0.113.20")

    assert client.session["_auth_user_id"] == str(citizen.pk)
    assert response.url != "/account/sign-in/code/"


def test_sign_out_needs_a_post_and_ends_the_session(client, citizen):
    client.force_login(citizen)

    assert client.get("/account/sign-out/").status_code == 405
    response = client.post("/account/sign-out/")

    assert response.url == reverse("accounts:signed_out")
    assert "_auth_user_id" not in client.session
    assert "You have signed out" in client.get(response.url).content.decode()


def test_header_offers_sign_in_or_sign_out(client, citizen):
    signed_out = client.get(SIGN_IN).content.decode()
    assert f'href="{SIGN_IN}"' in signed_out

    client.force_login(citizen)
    signed_in = client.get("/account/two-step-verification/").content.decode()
    assert 'action="/account/sign-out/"' in signed_in
    assert f'href="{SIGN_IN}"' not in signed_in


def test_welsh_sign_in_page(client):
    page = client.get("/cy/account/sign-in/").content.decode()

    assert '<html lang="cy"' in page
    assert "Cyfeiriad e-bost" in page
    assert "Mewngofnodi" in page


def test_the_navigation_offers_create_an_account_beside_sign_in(client):
    page = client.get(SIGN_IN).content.decode()
    navigation = re.search(r'<ul class="govuk-service-navigation__list".*?</ul>', page, re.S).group(
        0
    )
    assert f'href="{SIGN_IN}"' in navigation
    assert 'href="/account/register/">Create an account</a>' in navigation
    welsh = client.get("/cy/account/sign-in/").content.decode()
    assert 'href="/cy/account/register/">Creu cyfrif</a>' in welsh

"""The emailed sign-in code (single use, expiry, wrong-code lock, new-code limit) and
turning two-step verification on and off."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_email.models import EmailDevice

from accounts import two_factor
from core.models import PortalSettings
from portal.plugins import BOTH, CITIZEN, PROFESSIONAL, TileSpec
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "A-long-Password-123"
CODE_PAGE = "/account/sign-in/code/"
MANAGE = "/account/two-step-verification/"
CONFIRM = "/account/two-step-verification/confirm/"


def confirmed_user(email, **fields):
    return UserFactory(email=email, email_confirmed_at=timezone.now(), **fields)


@pytest.fixture
def parent(db):
    user = confirmed_user("parent@example.org")
    EmailDevice.objects.create(user=user, name="email", confirmed=True)
    return user


def code_of(user):
    return EmailDevice.objects.get(user=user, confirmed=True).token


def half_sign_in(client, user):
    response = client.post("/account/sign-in/", {"email": user.email, "password": PASSWORD})
    assert response.url == CODE_PAGE
    return code_of(user)


def wrong(code):
    return f"{(int(code) + 1) % 1_000_000:06d}"


def later(minutes):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=minutes)
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_four_wrong_codes_lock_the_account_for_four_minutes(client, parent):
    code = half_sign_in(client, parent)

    for _attempt in range(3):
        page = client.post(CODE_PAGE, {"code": wrong(code)}).content.decode()
        assert "The code is not correct" in page
    locked = client.post(CODE_PAGE, {"code": wrong(code)}).content.decode()

    assert "You have entered a wrong code too many times" in locked
    assert "4 minutes" in locked
    # Even the right code does not work while the account is locked ...
    assert "too many times" in client.post(CODE_PAGE, {"code": code}).content.decode()
    assert not signed_in(client)
    with later(3):
        assert "too many times" in client.post(CODE_PAGE, {"code": code}).content.decode()
        assert not signed_in(client)
    # ... and does after four minutes (a new code, as the first one has expired by then).
    with later(4):
        client.post(CODE_PAGE, {"resend": "1"})
        response = client.post(CODE_PAGE, {"code": code_of(parent)})
    assert response.status_code == 302
    assert signed_in(client)


def test_the_lock_follows_portal_configuration(client, parent):
    config = PortalSettings.load()
    config.two_factor_max_attempts, config.two_factor_lockout_minutes = 2, 10
    config.save()
    code = half_sign_in(client, parent)

    client.post(CODE_PAGE, {"code": wrong(code)})
    page = client.post(CODE_PAGE, {"code": wrong(code)}).content.decode()

    assert "10 minutes" in page
    assert two_factor.locked_until(parent) > timezone.now() + timedelta(minutes=9)


def test_a_right_code_resets_the_count_of_wrong_ones(parent):
    device = EmailDevice.objects.get(user=parent)
    for _round in range(2):
        device.generate_token()
        for _attempt in range(3):
            assert two_factor.check_code(device, wrong(device.token)) == two_factor.WRONG
        assert two_factor.check_code(device, device.token) == two_factor.VERIFIED


def test_expired_code_is_refused(client, parent):
    code = half_sign_in(client, parent)

    with later(6):
        page = client.post(CODE_PAGE, {"code": code}).content.decode()

    assert "The code has expired" in page
    assert not signed_in(client)


def test_code_works_only_once(client, parent):
    code = half_sign_in(client, parent)
    client.post(CODE_PAGE, {"code": code})
    client.post("/account/sign-out/")

    half_sign_in(client, parent)
    page = client.post(CODE_PAGE, {"code": code}).content.decode()

    assert "The code is not correct" in page
    assert not signed_in(client)


def test_a_new_code_replaces_the_old_one(client, parent):
    old = half_sign_in(client, parent)
    client.post(CODE_PAGE, {"resend": "1"})

    assert "not correct" in client.post(CODE_PAGE, {"code": old}).content.decode()
    client.post(CODE_PAGE, {"code": code_of(parent)})
    assert signed_in(client)


def test_badly_typed_code_says_how_to_type_it(client, parent):
    half_sign_in(client, parent)

    page = client.post(CODE_PAGE, {"code": "12ab"}).content.decode()

    assert "Enter the code as 6 digits" in page
    assert two_factor.locked_until(parent) is None


def test_spaces_in_a_code_are_ignored(client, parent):
    code = half_sign_in(client, parent)

    client.post(CODE_PAGE, {"code": f" {code[:3]} {code[3:]} "})

    assert signed_in(client)


def test_new_codes_are_limited_per_hour(client, parent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        half_sign_in(client, parent)  # not counted: only new codes asked for are
        for _code in range(5):
            page = client.post(CODE_PAGE, {"resend": "1"}, follow=True).content.decode()
            assert "We have sent you a new code" in page
        refused = client.post(CODE_PAGE, {"resend": "1"}, follow=True).content.decode()

    assert "You have asked for too many new codes" in refused
    assert len(mail.outbox) == 6
    with later(61):
        page = client.post(CODE_PAGE, {"resend": "1"}, follow=True).content.decode()
    assert "We have sent you a new code" in page


def test_an_ordinary_sign_in_always_sends_a_code_even_after_the_hourly_new_codes(
    client, parent, django_capture_on_commit_callbacks
):
    config = PortalSettings.load()
    config.two_factor_resend_per_hour = 1
    config.save()
    with django_capture_on_commit_callbacks(execute=True):
        for _sign_in in range(3):
            code = half_sign_in(client, parent)
            page = client.get(CODE_PAGE).content.decode()
            assert "too many" not in page
            client.post(CODE_PAGE, {"code": code})
            assert signed_in(client)
            client.post("/account/sign-out/")

    assert len(mail.outbox) == 3


def test_a_refused_new_code_never_claims_a_code_was_just_sent(client, parent):
    config = PortalSettings.load()
    config.two_factor_resend_per_hour = 1
    config.save()
    half_sign_in(client, parent)
    client.post(CODE_PAGE, {"resend": "1"})

    refused = client.post(CODE_PAGE, {"resend": "1"})

    page = refused.content.decode()
    assert refused.status_code == 429
    assert "You have asked for too many new codes" in page
    assert "We have sent" not in page
    assert "Enter the code from the last email we sent you" in page


def test_another_users_code_does_not_work_in_my_session(client, parent):
    other = confirmed_user("other@example.org")
    EmailDevice.objects.create(user=other, name="email", confirmed=True)
    two_factor.send_sign_in_code(other)
    half_sign_in(client, parent)

    page = client.post(CODE_PAGE, {"code": code_of(other)}).content.decode()

    assert "The code is not correct" in page
    assert not signed_in(client)


def test_code_page_without_a_password_first_goes_to_sign_in(client):
    assert client.get(CODE_PAGE).url == "/account/sign-in/"


# -- turning it on and off ----------------------------------------------------------------


def test_citizen_turns_two_factor_on_with_an_emailed_code(
    client, django_capture_on_commit_callbacks
):
    user = confirmed_user("sam@example.org")
    client.force_login(user)
    assert "Two-step verification is off" in client.get(MANAGE).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(MANAGE, {"action": "on"})
    assert response.url == CONFIRM
    assert "Check your email" in client.get(CONFIRM).content.decode()
    code = re.search(r"\b(\d{6})\b", mail.outbox[0].body).group(1)
    assert not two_factor.user_has_two_factor(user)

    assert "not correct" in client.post(CONFIRM, {"code": wrong(code)}).content.decode()
    response = client.post(CONFIRM, {"code": code}, follow=True)

    assert "Two-step verification is now on" in response.content.decode()
    assert two_factor.user_has_two_factor(user)
    assert client.session[DEVICE_ID_SESSION_KEY]  # this session counts as verified


def test_turning_on_keeps_where_the_user_was_going(client):
    user = confirmed_user("sam@example.org")
    client.force_login(user)

    response = client.post(MANAGE, {"action": "on", "next": "/send/"})
    response = client.post(response.url, {"code": EmailDevice.objects.get(user=user).token})

    assert response.url == f"{MANAGE}?next=%2Fsend%2F"
    page = client.get(response.url).content.decode()
    assert "Two-step verification is now on" in page
    assert 'href="/send/"' in page  # Continue


def verify_session(client, user):
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = EmailDevice.objects.get(user=user).persistent_id
    session.save()


def test_citizen_turns_two_factor_off(client, parent):
    client.force_login(parent)
    verify_session(client, parent)

    # Only while no installed plugin's area for citizens requires it (the SEND tile does).
    with mock.patch("accounts.two_factor.plugin_tiles", return_value={}):
        response = client.post(MANAGE, {"action": "off"}, follow=True)

    assert "Two-step verification is now off" in response.content.decode()
    assert not EmailDevice.objects.filter(user=parent).exists()


def test_turning_off_needs_a_verified_session(client, parent):
    client.force_login(parent)

    response = client.post(MANAGE, {"action": "off"})

    assert response.url.startswith(CODE_PAGE)
    assert two_factor.user_has_two_factor(parent)


def requiring_tile(audience):
    tile = TileSpec("send", "t", "d", "send:start", audience=audience, requires_two_factor=True)
    return mock.patch("accounts.two_factor.plugin_tiles", return_value={"send": tile})


@pytest.mark.parametrize(
    ("audience", "kind", "can_turn_off"),
    [
        (BOTH, CITIZEN, False),
        (BOTH, PROFESSIONAL, False),
        (CITIZEN, CITIZEN, False),
        (CITIZEN, PROFESSIONAL, True),
        (PROFESSIONAL, CITIZEN, True),
    ],
)
def test_cannot_turn_off_while_a_plugin_area_for_the_user_requires_it(
    client, audience, kind, can_turn_off
):
    user = confirmed_user("sam@example.org", kind=kind)
    EmailDevice.objects.create(user=user, name="email", confirmed=True)
    client.force_login(user)
    verify_session(client, user)

    with requiring_tile(audience):
        page = client.get(MANAGE).content.decode()
        client.post(MANAGE, {"action": "off"})

    assert ("Turn off two-step verification" in page) is can_turn_off
    assert ("you cannot turn it off" in page) is not can_turn_off
    assert two_factor.user_has_two_factor(user) is not can_turn_off


def test_the_example_plugin_tile_does_not_require_it(parent):
    example = {"example": two_factor.plugin_tiles()["example"]}
    with mock.patch("accounts.two_factor.plugin_tiles", return_value=example):
        assert two_factor.can_turn_off(parent)


def test_staff_can_never_turn_it_off(client):
    staff = confirmed_user("staff@example.org", kind="staff", is_staff=True)
    EmailDevice.objects.create(user=staff, name="email", confirmed=True)
    client.force_login(staff)
    verify_session(client, staff)

    client.post(MANAGE, {"action": "off"})

    assert two_factor.user_has_two_factor(staff)
    with pytest.raises(PermissionError):
        two_factor.turn_off(staff)


def test_two_factor_page_needs_signing_in(client):
    assert client.get(MANAGE).url.startswith("/account/sign-in/?next=")


OFFER = "/account/sign-in/two-step-verification/"


def test_a_young_person_whose_every_service_needs_it_is_not_offered_not_now(client):
    young_person = confirmed_user("yusuf@example.org", kind=CITIZEN)
    client.force_login(young_person)

    with requiring_tile(BOTH):
        page = client.get(OFFER).content.decode()

    assert "Turn on two-step verification now" in page
    assert "Not now" not in page


def test_not_now_is_offered_while_some_service_works_without_it(client):
    young_person = confirmed_user("yusuf@example.org", kind=CITIZEN)
    client.force_login(young_person)
    example = {"example": two_factor.plugin_tiles()["example"]}
    send = TileSpec("send", "t", "d", "send:start", audience=BOTH, requires_two_factor=True)

    with mock.patch("accounts.two_factor.plugin_tiles", return_value={**example, "send": send}):
        page = client.get(OFFER).content.decode()

    assert "Not now" in page

"""Idle sessions end: the user is signed out after the configured minutes without activity."""

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.session import LAST_ACTIVITY_KEY, SIGNED_IN_AT_KEY
from core.models import PortalSettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MINUTE = 60


@pytest.fixture
def user(db):
    # With the demo (set up first), its parent, who has agreed to the demo's consent statement.
    existing = get_user_model().objects.filter(email="parent@example.org").first()
    return existing or UserFactory(email="parent@example.org")


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def set_session(client, **values):
    session = client.session
    session.update(values)
    session.save()


def idle_for(client, minutes):
    """Time travel: the last activity happened this many minutes ago."""
    set_session(client, **{LAST_ACTIVITY_KEY: timezone.now().timestamp() - minutes * MINUTE})


def is_signed_in(client):
    return SESSION_KEY in client.session


def status(client):
    return client.get(reverse("accounts:session_status")).json()


def test_a_user_idle_for_longer_than_20_minutes_is_signed_out_and_told_why(signed_in, demo):
    signed_in.get("/")
    idle_for(signed_in, 21)

    response = signed_in.get("/")

    assert response.status_code == 302
    assert response.url == reverse("accounts:timed_out")
    assert not is_signed_in(signed_in)
    page = signed_in.get(response.url)
    assert "You have been signed out" in page.text
    assert "you had not used the portal for 20 minutes" in page.text
    assert 'href="/account/sign-in/"' in page.text


def test_the_timed_out_page_is_in_welsh_on_welsh_pages(signed_in, demo):
    signed_in.get("/cy/")
    idle_for(signed_in, 21)

    response = signed_in.get("/cy/", follow=True)

    assert response.redirect_chain == [("/cy/account/signed-out/inactive/", 302)]
    assert "Rydych wedi cael eich allgofnodi" in response.text
    assert "am 20 munud" in response.text


def test_a_user_active_within_the_limit_stays_signed_in_and_the_clock_restarts(signed_in, demo):
    idle_for(signed_in, 19)

    response = signed_in.get("/")

    assert response.status_code == 200
    assert is_signed_in(signed_in)
    last_activity = signed_in.session[LAST_ACTIVITY_KEY]
    assert timezone.now().timestamp() - last_activity < 5


def test_pages_within_half_a_minute_of_the_last_recorded_activity_do_not_write_the_session(
    signed_in, demo
):
    signed_in.get("/")  # the first page after signing in notes what it learns in the session
    set_session(signed_in, **{LAST_ACTIVITY_KEY: timezone.now().timestamp() - 20})
    with CaptureQueriesContext(connection) as soon:
        signed_in.get("/")
    set_session(signed_in, **{LAST_ACTIVITY_KEY: timezone.now().timestamp() - 40})
    with CaptureQueriesContext(connection) as later:
        signed_in.get("/")

    def session_writes(queries):
        return [
            q for q in queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]
        ]

    assert session_writes(soon.captured_queries) == []
    assert len(session_writes(later.captured_queries)) == 1
    assert timezone.now().timestamp() - signed_in.session[LAST_ACTIVITY_KEY] < 5


def test_the_idle_limit_comes_from_portal_configuration(signed_in, demo):
    settings = PortalSettings.load()
    settings.session_idle_minutes = 5
    settings.save()
    idle_for(signed_in, 6)

    assert signed_in.get("/").status_code == 302
    assert not is_signed_in(signed_in)


@pytest.mark.parametrize(("minutes", "valid"), [(4, False), (5, True), (240, True), (241, False)])
def test_the_idle_limit_is_between_5_and_240_minutes(minutes, valid):
    from django.core.exceptions import ValidationError

    settings = PortalSettings.load()
    settings.session_idle_minutes = minutes
    if valid:
        settings.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            settings.full_clean()
        assert "session_idle_minutes" in error.value.message_dict


def test_the_default_idle_limit_is_20_minutes():
    assert PortalSettings.load().session_idle_minutes == 20


def test_even_an_active_session_ends_12_hours_after_signing_in(signed_in, demo, settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * MINUTE
    set_session(
        signed_in,
        **{
            LAST_ACTIVITY_KEY: timezone.now().timestamp() - MINUTE,
            SIGNED_IN_AT_KEY: timezone.now().timestamp() - 12 * 60 * MINUTE - 1,
        },
    )

    assert signed_in.get("/").status_code == 302
    assert not is_signed_in(signed_in)


def test_visitors_who_are_not_signed_in_are_left_alone(client, demo):
    assert client.get("/").status_code == 200
    assert LAST_ACTIVITY_KEY not in client.session


# --- the endpoint the timeout warning uses ---------------------------------------------------


def test_asking_how_long_is_left_does_not_keep_the_session_alive(signed_in):
    idle_for(signed_in, 10)
    before = signed_in.session[LAST_ACTIVITY_KEY]

    answer = status(signed_in)

    assert answer["signed_in"] is True
    assert 595 <= answer["seconds_left"] <= 600
    assert signed_in.session[LAST_ACTIVITY_KEY] == before


def test_stay_signed_in_posts_with_the_csrf_token_and_restarts_the_clock(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    idle_for(client, 18)
    client.get(reverse("accounts:timed_out"))  # a page that sets the CSRF cookie
    idle_for(client, 18)
    token = client.cookies["csrftoken"].value

    response = client.post(reverse("accounts:session_status"), {"csrfmiddlewaretoken": token})

    assert response.status_code == 200
    assert response.json() == {"signed_in": True, "seconds_left": 20 * MINUTE}
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_post_without_the_csrf_token_is_refused_and_does_not_keep_the_session_alive(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    idle_for(client, 18)
    before = client.session[LAST_ACTIVITY_KEY]

    response = client.post(reverse("accounts:session_status"))

    assert response.status_code == 403
    assert client.session[LAST_ACTIVITY_KEY] == before


def test_once_the_time_is_up_the_endpoint_signs_the_user_out(signed_in):
    idle_for(signed_in, 21)

    assert status(signed_in) == {"signed_in": False, "seconds_left": 0}
    assert not is_signed_in(signed_in)


def test_stay_signed_in_is_too_late_once_the_time_is_up(signed_in):
    idle_for(signed_in, 21)

    response = signed_in.post(reverse("accounts:session_status"))

    assert response.json() == {"signed_in": False, "seconds_left": 0}
    assert not is_signed_in(signed_in)


def test_the_endpoint_tells_visitors_they_are_not_signed_in(client):
    assert status(client) == {"signed_in": False, "seconds_left": 0}
    assert client.put(reverse("accounts:session_status")).status_code == 405


# --- the Wagtail admin -----------------------------------------------------------------------


def test_the_admin_signs_out_idle_staff_too(admin_client):
    admin_client.get("/admin/")
    idle_for(admin_client, 21)

    response = admin_client.get("/admin/")

    assert response.status_code == 302
    assert "/login/" in response.url or "/sign-in/" in response.url
    assert not is_signed_in(admin_client)


def test_using_the_admin_keeps_the_session_alive(admin_client):
    idle_for(admin_client, 19)

    assert admin_client.get("/admin/").status_code == 200
    assert timezone.now().timestamp() - admin_client.session[LAST_ACTIVITY_KEY] < 5


def test_the_page_editors_background_pings_do_not_keep_the_session_alive(admin_client):
    idle_for(admin_client, 10)
    before = admin_client.session[LAST_ACTIVITY_KEY]

    admin_client.post(
        reverse("wagtailadmin_editing_sessions:ping", args=("wagtailcore", "page", "1", 1))
    )

    assert admin_client.session[LAST_ACTIVITY_KEY] == before


# --- signing out everywhere -------------------------------------------------------------------


def test_changing_the_password_signs_out_every_other_session(user):
    laptop, phone = Client(), Client()
    laptop.force_login(user)
    phone.force_login(user)
    assert status(phone)["signed_in"] is True

    user.set_password("Correct-Horse-Battery-9")
    user.save()

    assert status(phone) == {"signed_in": False, "seconds_left": 0}
    assert status(laptop)["signed_in"] is False


# --- the timeout warning on every page ---------------------------------------------------------


def test_signed_in_pages_carry_the_timeout_warning_with_the_configured_times(signed_in, demo):
    settings = PortalSettings.load()
    settings.session_idle_minutes = 30
    settings.save()

    html = signed_in.get("/").text

    assert 'data-module="portal-timeout-warning"' in html
    assert 'data-idle-minutes="30"' in html
    assert 'data-warning-seconds="120"' in html
    assert 'data-status-url="/account/session/"' in html
    assert 'data-signed-out-url="/account/signed-out/inactive/"' in html
    assert "You will be signed out soon" in html
    assert 'data-text-countdown="For your security, we will sign you out in {time}."' in html
    assert 'formaction="/account/sign-out/"' in html
    assert "csrfmiddlewaretoken" in html
    assert "theme/timeout-warning.js" in html


def test_the_timeout_warning_speaks_welsh_on_welsh_pages(signed_in, demo):
    html = signed_in.get("/cy/").text

    assert "Byddwch yn cael eich allgofnodi cyn bo hir" in html
    assert "Aros wedi mewngofnodi" in html
    assert 'data-status-url="/cy/account/session/"' in html


def test_visitors_who_are_not_signed_in_get_no_timeout_warning(client, demo):
    html = client.get("/").text

    assert "portal-timeout-warning" not in html
    assert "timeout-warning.js" not in html

"""Areas that require two-step verification: the decorator and mixin plugins use, and the
Wagtail admin for staff."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from django.views import View
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_email.models import EmailDevice

from accounts.access import TwoFactorRequiredMixin, two_factor_required
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
AREA = "/send/children/"


@two_factor_required
def send_area(request):
    return HttpResponse("SEND area")


class SendAreaView(TwoFactorRequiredMixin, View):
    def get(self, request):
        return HttpResponse("SEND area")


VIEWS = [send_area, SendAreaView.as_view()]


def call(view, client, user=None):
    """Run ``view`` for a request carrying the client's session, as the middleware would."""
    from django.contrib.auth import get_user
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(AREA)
    request.session = client.session
    request.user = get_user(request) if user else AnonymousUser()
    return OTPMiddleware(view)(request)


def confirmed_user(email="sam@example.org", **fields):
    return UserFactory(email=email, email_confirmed_at=timezone.now(), **fields)


def with_device(user):
    return EmailDevice.objects.create(user=user, name="email", confirmed=True)


def verify_session(client, device):
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.mark.parametrize("view", VIEWS)
def test_signed_out_user_is_sent_to_sign_in(client, view):
    response = call(view, client)

    assert response.status_code == 302
    assert response.url == "/account/sign-in/?next=/send/children/"


@pytest.mark.parametrize("view", VIEWS)
def test_user_without_two_factor_is_told_the_area_requires_it(client, view):
    user = confirmed_user()
    client.force_login(user)

    response = call(view, client, user)

    assert response.url == "/account/two-step-verification/required/?next=%2Fsend%2Fchildren%2F"
    page = client.get(response.url).content.decode()
    assert (
        "This area requires two-step verification. Turn it on in My account before continuing."
        in page
    )
    assert 'href="/account/two-step-verification/?next=%2Fsend%2Fchildren%2F"' in page


@pytest.mark.parametrize("view", VIEWS)
def test_user_with_two_factor_but_unverified_session_goes_through_the_code(client, view):
    user = confirmed_user()
    device = with_device(user)
    client.force_login(user)

    response = call(view, client, user)

    assert response.url == "/account/sign-in/code/?next=%2Fsend%2Fchildren%2F"
    assert "We have sent a code" in client.get(response.url).content.decode()
    device.refresh_from_db()
    back = client.post(response.url, {"code": device.token})
    assert back.url == AREA
    assert call(view, client, user).content == b"SEND area"


@pytest.mark.parametrize("view", VIEWS)
def test_verified_session_reaches_the_area(client, view):
    user = confirmed_user()
    client.force_login(user)
    verify_session(client, with_device(user))

    assert call(view, client, user).content == b"SEND area"


def test_another_users_device_does_not_verify_my_session(client):
    user, other = confirmed_user(), confirmed_user("other@example.org")
    with_device(user)
    client.force_login(user)
    verify_session(client, with_device(other))

    assert call(send_area, client, user).status_code == 302


# -- the Wagtail admin ----------------------------------------------------------------------


@pytest.fixture
def staff(db):
    return UserFactory(
        email="editor@example.org",
        kind="staff",
        is_staff=True,
        is_superuser=True,
        email_confirmed_at=timezone.now(),
    )


def test_staff_without_two_factor_must_set_it_up_before_the_admin(client, staff):
    client.force_login(staff)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response.url == "/account/two-step-verification/required/?next=%2Fadmin%2Fpages%2F"


def test_staff_with_unverified_session_goes_through_the_code(client, staff):
    with_device(staff)
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.url == "/account/sign-in/code/?next=%2Fadmin%2F"


def test_verified_staff_reach_the_admin(client, staff):
    client.force_login(staff)
    verify_session(client, with_device(staff))

    assert client.get("/admin/").status_code == 200


def test_admin_login_is_the_portal_sign_in(client):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.url == "/account/sign-in/?next=%2Fadmin%2Fpages%2F"


def test_staff_sign_in_with_code_lands_in_the_admin(client, staff):
    device = with_device(staff)
    sign_in = client.get("/admin/", follow=True)
    assert sign_in.redirect_chain[-1][0] == "/account/sign-in/?next=%2Fadmin%2F"

    client.post(
        "/account/sign-in/",
        {"email": staff.email, "password": "A-long-Password-123", "next": "/admin/"},
    )
    device.refresh_from_db()
    response = client.post("/account/sign-in/code/", {"code": device.token})

    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_two_factor_can_be_turned_off_by_setting(client, staff, settings):
    settings.PORTAL_ADMIN_REQUIRES_TWO_FACTOR = False
    client.force_login(staff)

    assert client.get("/admin/").status_code == 200


def test_a_signed_in_parent_opening_the_admin_is_told_it_is_for_council_staff(client):
    client.force_login(UserFactory(email="parent.admin@example.org"))
    for url in ("/admin/", "/admin/login/?next=/admin/", "/admin/pages/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "This area is for council staff" in response.text
        assert 'href="/"' in response.text

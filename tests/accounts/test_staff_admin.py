"""Council staff manage portal accounts in the admin: the "Portal users" list and its actions,
and the professional accounts awaiting verification."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from accounts.models import TwoFactorLock
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

USERS = "/admin/portal/users/"
PENDING = "/admin/portal/professionals/"


def action_url(user, action):
    return f"{USERS}{user.pk}/{action}/"


def staff_with(*codenames):
    user = UserFactory(is_staff=True, kind="staff")
    group = Group.objects.create(name="Staff " + "-".join(codenames))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def professional(**fields):
    defaults = {
        "kind": "professional",
        "professional_role": "Health visitor",
        "organisation": "Health board",
        "verification_state": "pending",
    }
    return UserFactory(**{**defaults, **fields})


def lock_out_with_axes(user, settings, failures=None):
    AccessAttempt.objects.create(
        username=user.email.upper(),  # axes keeps the address as typed
        ip_address="203.0.113.9",
        user_agent="test",
        get_data="",
        post_data="",
        failures_since_start=failures or settings.AXES_FAILURE_LIMIT,
        attempt_time=timezone.now(),
    )


@pytest.fixture(autouse=True)
def _staff_without_two_factor(settings):
    # The staff users made here have no two-step verification device; that rule has its
    # own tests.
    settings.PORTAL_ADMIN_REQUIRES_TWO_FACTOR = False


@pytest.fixture
def manager(client):
    user = staff_with("access_admin", "manage_portal_users")
    client.force_login(user)
    return user


@pytest.fixture
def verifier(client):
    user = staff_with("access_admin", "verify_professionals")
    client.force_login(user)
    return user


# -- the list ---------------------------------------------------------------------------


def test_users_list_searches_names_and_email(admin_client):
    UserFactory(first_name="Megan", last_name="Jones", email="megan@example.org")
    UserFactory(first_name="Tom", last_name="Evans", email="tom@example.org")
    response = admin_client.get(USERS, {"q": "megan jones"})
    assert response.status_code == 200
    assert "megan@example.org" in response.text
    assert "tom@example.org" not in response.text
    assert "tom@example.org" in admin_client.get(USERS, {"q": "TOM@"}).text


def test_users_list_filters_by_kind_verification_two_factor_and_lock(admin_client, settings):
    citizen = UserFactory(email="citizen@example.org")
    waiting = professional(email="waiting@example.org")
    with_2sv = UserFactory(email="with2sv@example.org")
    EmailDevice.objects.create(user=with_2sv, name="email", confirmed=True)
    unconfirmed = UserFactory(email="unconfirmed@example.org")
    EmailDevice.objects.create(user=unconfirmed, name="email", confirmed=False)
    axes_locked = UserFactory(email="axes@example.org")
    lock_out_with_axes(axes_locked, settings)
    nearly_locked = UserFactory(email="nearly@example.org")
    lock_out_with_axes(nearly_locked, settings, failures=1)
    code_locked = UserFactory(email="codes@example.org")
    TwoFactorLock.objects.create(
        user=code_locked, failures=4, locked_until=timezone.now() + timezone.timedelta(minutes=4)
    )

    def listed(**filters):
        response = admin_client.get(USERS, filters)
        assert response.status_code == 200
        return {user.email for user in response.context["object_list"]}

    assert listed(kind="professional") == {waiting.email}
    assert listed(verification_state="pending") == {waiting.email}
    with_two_factor = listed(two_factor_on="true")
    assert with_2sv.email in with_two_factor
    assert not {unconfirmed.email, citizen.email} & with_two_factor
    assert listed(locked="true") == {axes_locked.email, code_locked.email}
    assert citizen.email in listed(locked="false")


def test_users_list_costs_the_same_number_of_queries_for_more_users(admin_client, settings):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(USERS).status_code == 200
        return len(queries)

    def add_users(n):
        for _ in range(n):
            user = UserFactory()
            EmailDevice.objects.create(user=user, name="email", confirmed=True)
            lock_out_with_axes(user, settings)

    add_users(2)
    count_queries()  # the first request fills the portal's caches
    few = count_queries()
    add_users(10)
    assert count_queries() == few


def test_users_list_never_shows_password_hashes_or_secret_answers(admin_client):
    user = UserFactory(email="secretive@example.org")
    user.set_secret_answer("Ysgol Gymraeg")
    user.save()
    for url in (USERS, f"{USERS}{user.pk}/"):
        text = admin_client.get(url).text
        assert user.password not in text
        assert user.secret_answer not in text
        assert "Ysgol Gymraeg" not in text


def test_staff_without_the_permission_cannot_see_or_act(client):
    target = professional()
    client.force_login(staff_with("access_admin", "verify_professionals"))
    assert client.get(USERS).status_code in (302, 403)
    assert client.get(f"{USERS}{target.pk}/").status_code in (302, 403)
    assert client.post(action_url(target, "deactivate")).status_code in (302, 403)
    client.force_login(staff_with("access_admin", "manage_portal_users"))
    assert client.get(PENDING).status_code in (302, 403)
    assert client.post(action_url(target, "verify"), {"note": ""}).status_code in (302, 403)
    target.refresh_from_db()
    assert target.is_active and target.verification_state == "pending"


def test_portal_menu_shows_each_panel_to_those_allowed(client, verifier):
    professional()
    professional()
    menu = client.get("/admin/").text
    assert "Professionals awaiting verification (2)" in menu
    assert "Portal users" not in menu


# -- actions ----------------------------------------------------------------------------


def test_each_action_asks_for_confirmation_first(admin_client):
    user = UserFactory()
    for action in ("reset-password", "unlock", "deactivate", "change-email"):
        response = admin_client.get(action_url(user, action))
        assert response.status_code == 200, action
    user.refresh_from_db()
    assert user.is_active
    assert mail.outbox == []


def test_reset_password_emails_the_user(manager, client, django_capture_on_commit_callbacks):
    user = UserFactory(email="forgetful@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(user, "reset-password"))
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["forgetful@example.org"]]
    assert "/account/password/" in mail.outbox[0].body or "http" in mail.outbox[0].body


def test_change_email_address(manager, client, django_capture_on_commit_callbacks):
    user = UserFactory(email="old@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(user, "change-email"), {"new_email": "New@Example.org"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "new@example.org"
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"old@example.org", "new@example.org"} <= recipients


def test_change_email_refuses_an_address_in_use(manager, client):
    UserFactory(email="taken@example.org")
    user = UserFactory(email="mine@example.org")
    response = client.post(action_url(user, "change-email"), {"new_email": "TAKEN@example.org"})
    assert response.status_code == 200
    assert "Another account already uses this email address." in response.text
    user.refresh_from_db()
    assert user.email == "mine@example.org"


def test_unlock_ends_both_lockouts(manager, client, settings):
    user = UserFactory()
    lock_out_with_axes(user, settings)
    TwoFactorLock.objects.create(
        user=user, failures=4, locked_until=timezone.now() + timezone.timedelta(minutes=4)
    )
    assert client.post(action_url(user, "unlock")).status_code == 302
    assert not AccessAttempt.objects.filter(username__iexact=user.email).exists()
    assert not TwoFactorLock.objects.get(user=user).is_locked()
    assert client.get(USERS, {"locked": "true"}).context["object_list"].count() == 0


def test_deactivate_stops_the_account_signing_in(manager, client):
    user = UserFactory()
    assert client.post(action_url(user, "deactivate")).status_code == 302
    user.refresh_from_db()
    assert not user.is_active


def test_staff_cannot_deactivate_themselves(admin_client, superuser):
    response = admin_client.post(action_url(superuser, "deactivate"))
    assert response.status_code == 200
    assert "You cannot deactivate your own account." in response.text
    superuser.refresh_from_db()
    assert superuser.is_active


def test_only_superusers_act_on_staff_accounts(manager, client, superuser):
    colleague = staff_with("access_admin")
    assert client.get(f"{USERS}{colleague.pk}/").status_code in (302, 403)
    response = client.post(action_url(colleague, "change-email"), {"new_email": "me@example.org"})
    assert response.status_code in (302, 403)
    colleague.refresh_from_db()
    assert colleague.email != "me@example.org"
    client.force_login(superuser)
    assert client.get(f"{USERS}{colleague.pk}/").status_code == 200


def test_unknown_account_or_action(admin_client):
    user = UserFactory()
    assert admin_client.get(f"{USERS}999999/").status_code == 404
    assert admin_client.post(action_url(user, "promote")).status_code in (302, 403)


# -- verification of professionals --------------------------------------------------------


def test_pending_list_shows_only_professionals_awaiting_verification(verifier, client):
    waiting = professional(email="waiting@example.org")
    professional(email="done@example.org", verification_state="verified")
    UserFactory(email="citizen@example.org")
    response = client.get(PENDING)
    assert response.status_code == 200
    assert [user.email for user in response.context["object_list"]] == [waiting.email]
    assert action_url(waiting, "verify") in response.text
    assert action_url(waiting, "reject") in response.text


def test_verify_professional_records_who_and_emails_them(
    verifier, client, django_capture_on_commit_callbacks
):
    user = professional(email="hv@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(user, "verify"), {"note": "Checked with the board"})
    assert response.status_code == 302
    assert response.url == PENDING
    user.refresh_from_db()
    assert user.verification_state == "verified" and user.is_verified_professional
    assert user.verified_by == verifier
    assert user.verified_at is not None
    assert user.verification_note == "Checked with the board"
    assert [message.subject for message in mail.outbox] == [
        "Your professional account has been verified"
    ]
    assert mail.outbox[0].to == ["hv@example.org"]


def test_reject_professional_needs_a_reason_that_is_emailed(
    verifier, client, django_capture_on_commit_callbacks
):
    user = professional(email="unknown@example.org", preferred_language="cy")
    response = client.post(action_url(user, "reject"), {"note": ""})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.verification_state == "pending"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(user, "reject"), {"note": "Not known to the health board"})
    user.refresh_from_db()
    assert user.verification_state == "rejected"
    assert user.verified_by == verifier
    (message,) = mail.outbox
    assert message.subject == "Nid oedd modd dilysu eich cyfrif proffesiynol"  # their language
    assert "Not known to the health board" in message.body


def test_citizens_cannot_be_verified(verifier, client):
    citizen = UserFactory()
    response = client.post(action_url(citizen, "verify"), {"note": ""})
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.verification_state == "not_needed"

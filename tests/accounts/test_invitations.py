"""The SEND team invites a parent by email with a code; the parent, signed in with that email
address, enters the code and the invitation is recorded as accepted."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from accounts import invitations
from accounts.models import Invitation
from core.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/invitations/"
ENTER_CODE = "/account/invitation/"


@pytest.fixture(autouse=True)
def _staff_without_two_factor(settings):
    # Staff users made here have no two-step verification device; that rule has its own tests.
    settings.PORTAL_ADMIN_REQUIRES_TWO_FACTOR = False


@pytest.fixture
def parent():
    return UserFactory(email="parent@example.org")


def invite(email="parent@example.org", **fields):
    return invitations.create_invitation(
        email=email, child_name="Alex Jones", created_by=None, **fields
    )


def code_in(message):
    # Bold in the HTML part; the plain-text part carries no Markdown.
    return re.search(r"<strong>([A-Z0-9]+)</strong>", message.alternatives[0][0]).group(1)


def test_staff_create_an_invitation_which_is_emailed(
    admin_client, superuser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"{ADMIN}new/",
            {"email": "Parent@Example.org", "child_name": "Alex Jones", "language": "cy"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "parent@example.org"
    assert invitation.created_by == superuser
    assert invitation.status == "open"
    assert len(invitation.code) >= 8
    assert invitation.expires_at - invitation.created_at == timezone.timedelta(days=30)
    (message,) = mail.outbox
    assert message.to == ["parent@example.org"]
    assert message.subject.startswith("Gwahoddiad i borth AAA")  # the chosen language
    assert code_in(message) == invitation.code
    assert f"/cy/account/invitation/{invitation.code}/" in message.body
    assert "Alex Jones" in message.body


def test_invitation_email_is_in_english_by_default(admin_client):
    response = admin_client.get(f"{ADMIN}new/")
    assert 'value="en" selected' in response.text
    invite()
    assert Invitation.objects.get().language == "en"


def test_codes_are_unique_and_not_guessable():
    codes = {invitations.generate_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) >= 8 and set(code) <= set(invitations.CODE_ALPHABET) for code in codes)


def test_admin_list_shows_status_and_cancels(admin_client, parent):
    open_one = invite()
    accepted = invite()
    invitations.accept_invitation(parent, accepted.code)
    response = admin_client.get(ADMIN)
    assert response.status_code == 200
    assert "Waiting for the recipient" in response.text and "Accepted" in response.text
    assert f"{ADMIN}cancel/{open_one.pk}/" in response.text
    assert f"{ADMIN}cancel/{accepted.pk}/" not in response.text
    inspect = admin_client.get(f"{ADMIN}inspect/{accepted.pk}/")
    assert inspect.status_code == 200 and accepted.code in inspect.text
    # The invitation names a child: the staff member's opening is in the audit log.
    entry = AuditEntry.objects.get(action="invitation.viewed")
    assert entry.object_id == str(accepted.pk)

    assert admin_client.get(f"{ADMIN}cancel/{open_one.pk}/").status_code == 200
    assert admin_client.post(f"{ADMIN}cancel/{open_one.pk}/").status_code == 302
    open_one.refresh_from_db()
    assert open_one.status == "cancelled"


def test_invitations_admin_needs_permission(client):
    staff = UserFactory(is_staff=True, kind="staff")
    group = Group.objects.create(name="Editors only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    staff.groups.add(group)
    client.force_login(staff)
    invitation = invite()
    assert client.get(ADMIN).status_code in (302, 403)
    assert client.post(f"{ADMIN}new/", {"email": "x@example.org"}).status_code in (302, 403)
    assert client.post(f"{ADMIN}cancel/{invitation.pk}/").status_code in (302, 403)
    invitation.refresh_from_db()
    assert invitation.status == "open"


def test_signed_out_visitor_is_asked_to_sign_in_or_register(client):
    invitation = invite()
    response = client.get(f"{ENTER_CODE}{invitation.code}/")
    assert response.status_code == 200
    assert "Sign in to accept your invitation" in response.text
    back = f"next=%2Faccount%2Finvitation%2F{invitation.code}%2F"
    assert back in response.text
    assert response.text.count(back) == 2  # sign in and register both come back here


def test_parent_accepts_from_the_emailed_link(client, parent):
    invitation = invite()
    client.force_login(parent)
    page = client.get(f"{ENTER_CODE}{invitation.code}/")
    assert page.status_code == 200
    assert f'value="{invitation.code}"' in page.text

    response = client.post(ENTER_CODE, {"code": invitation.code.lower()})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_by == parent
    assert invitation.accepted_at is not None
    confirmation = client.get(response.url)
    assert "Invitation accepted" in confirmation.text
    assert "Alex Jones" in confirmation.text


def test_invitation_for_another_email_address_is_refused(client):
    invitation = invite("someone.else@example.org")
    client.force_login(UserFactory(email="parent@example.org"))
    response = client.post(ENTER_CODE, {"code": invitation.code})
    assert response.status_code == 200
    assert "does not match an invitation sent to parent@example.org" in response.text
    assert "Error:" in response.text  # the page title says so
    invitation.refresh_from_db()
    assert invitation.accepted_by is None


def test_email_addresses_match_whatever_their_case(client):
    invitation = invite("Parent@Example.org")
    client.force_login(UserFactory(email="parent@example.org"))
    assert client.post(ENTER_CODE, {"code": invitation.code}).status_code == 302


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("expire", "This invitation has expired."),
        ("cancel", "This invitation has been cancelled."),
        ("accept", "This invitation has already been accepted."),
    ],
)
def test_closed_invitations_give_clear_messages(client, parent, change, message):
    invitation = invite()
    if change == "expire":
        # Thirty days and a minute later (moving the invitation back, not the clock, so the
        # session stays valid).
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=timezone.now() - timezone.timedelta(days=30, minutes=1),
            expires_at=timezone.now() - timezone.timedelta(minutes=1),
        )
    elif change == "cancel":
        invitations.cancel_invitation(invitation)
    else:
        invitations.accept_invitation(parent, invitation.code)
    client.force_login(parent)
    response = client.post(ENTER_CODE, {"code": invitation.code})
    assert response.status_code == 200
    assert message in response.text


def test_an_invitation_is_accepted_only_once(parent):
    invitation = invite()
    invitations.accept_invitation(parent, invitation.code)
    with pytest.raises(invitations.InvitationRefused, match="already been accepted"):
        invitations.accept_invitation(parent, invitation.code)


def test_wrong_codes_are_rate_limited_per_user(client, parent):
    invitation = invite()
    client.force_login(parent)
    for _ in range(invitations.MAX_FAILED_ATTEMPTS):
        client.post(ENTER_CODE, {"code": "WRONGCODE1"})
    response = client.post(ENTER_CODE, {"code": invitation.code})
    assert "too many wrong codes" in response.text
    invitation.refresh_from_db()
    assert invitation.accepted_by is None

    other = UserFactory(email="other@example.org")
    theirs = invite("other@example.org")
    client.force_login(other)
    assert client.post(ENTER_CODE, {"code": theirs.code}).status_code == 302


def test_empty_code_is_asked_for(client, parent):
    client.force_login(parent)
    response = client.post(ENTER_CODE, {"code": " "})
    assert "Enter the code from your invitation email" in response.text


def test_confirmation_page_belongs_to_whoever_accepted(client, parent):
    invitation = invite()
    invitations.accept_invitation(parent, invitation.code)
    client.force_login(UserFactory(email="nosy@example.org"))
    assert client.get(f"{ENTER_CODE}accepted/{invitation.pk}/").status_code == 404


def test_welsh_pages(client, parent):
    invitation = invite()
    client.force_login(parent)
    page = client.get(f"/cy{ENTER_CODE}{invitation.code}/")
    assert "Derbyn gwahoddiad" in page.text
    response = client.post(f"/cy{ENTER_CODE}", {"code": invitation.code})
    assert response.url.startswith("/cy/account/invitation/accepted/")
    assert "Gwahoddiad wedi&#x27;i dderbyn" in client.get(response.url).text


def test_the_childs_name_on_an_invitation_is_letters_only(admin_client):
    response = admin_client.post(
        f"{ADMIN}new/",
        {
            "email": "parent@example.org",
            "child_name": "[Alex](https://evil.example)",
            "language": "en",
        },
    )
    assert response.status_code == 200
    assert "The child&#x27;s name must only include letters" in response.content.decode()
    assert not Invitation.objects.exists()

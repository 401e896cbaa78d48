"""The SEND team's side in the admin: invite a person for children by council id, see the
invitations awaiting approval first, open one, activate access with the reason or decline."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from plugins.send.casework.involvements import authentication
from plugins.send.casework.involvements import services as involvements
from plugins.send.models import CaseInvitation
from tests.factories import child_record

pytestmark = pytest.mark.django_db


def test_staff_invite_a_person_for_children_by_council_id(managing, child, mailoutbox):
    sibling = child_record("C0009002", forename="Ifan", surname="Evans")
    response = managing.post(
        reverse("send_invitation_new"),
        {"email": "nia@example.org", "children": "C0009001, C0009002", "language": "cy"},
    )
    invitation = CaseInvitation.objects.get()
    assert response["Location"] == reverse("send_invitation", args=[invitation.pk])
    assert {c.child_record for c in invitation.children.all()} == {child, sibling}
    assert invitation.language == "cy"


def test_an_unknown_council_id_is_named_and_nothing_is_sent(managing, child):
    response = managing.post(
        reverse("send_invitation_new"),
        {"email": "nia@example.org", "children": "C0009001, NOPE", "language": "en"},
    )
    assert response.status_code == 200
    assert "NOPE" in response.content.decode()
    assert not CaseInvitation.objects.exists()


def test_invitations_awaiting_approval_are_listed_first(managing, accepted, child, caseworker):
    from plugins.send.casework.invitations import services

    newer = services.invite("later@example.org", [child], "en", caseworker)
    page = managing.get(reverse("send_invitations")).content.decode()
    assert page.index(f'data-invitation="{accepted.pk}"') < page.index(
        f'data-invitation="{newer.pk}"'
    )
    assert "Awaiting approval" in page


def test_opening_an_invitation_is_audited(managing, accepted, child):
    response = managing.get(reverse("send_invitation", args=[accepted.pk]))
    assert response.status_code == 200 and "Activate access" in response.content.decode()
    assert AuditEntry.objects.filter(action="invitation.viewed", child_record_id=child.pk).exists()


def test_staff_activate_access_with_a_reason(managing, accepted, parent, child):
    url = reverse("send_invitation_activate", args=[accepted.pk])
    assert managing.post(url, {"reason": ""}).status_code == 200
    response = managing.post(url, {"reason": "Mother; passport seen."})
    assert response["Location"] == reverse("send_invitation", args=[accepted.pk])
    assert authentication.is_authenticated_on(parent, child)


def test_without_an_open_involvement_staff_are_told_to_open_one(
    managing, accepted, involvement, caseworker
):
    involvements.close(involvement, caseworker, "Moved away.")
    page = managing.get(reverse("send_invitation", args=[accepted.pk])).content.decode()
    assert "has no open involvement: open one first." in page
    response = managing.post(
        reverse("send_invitation_activate", args=[accepted.pk]), {"reason": "Checked."}
    )
    assert "has no open involvement: open one first." in response.content.decode()
    accepted.refresh_from_db()
    assert accepted.state == CaseInvitation.State.ACCEPTED


def test_staff_choose_among_several_open_involvements(
    managing, accepted, child, parent, caseworker
):
    review = involvements.open_involvement(child, "england_annual_review", caseworker)
    url = reverse("send_invitation_activate", args=[accepted.pk])
    assert f"involvement_{child.pk}" in managing.get(url).content.decode()
    managing.post(url, {"reason": "Checked.", f"involvement_{child.pk}": review.pk})
    assert review.sharing.filter(user=parent, state="authenticated").exists()


def test_staff_decline_an_invitation(managing, accepted):
    url = reverse("send_invitation_decline", args=[accepted.pk])
    managing.post(url, {"reason": "Could not confirm identity."})
    accepted.refresh_from_db()
    assert accepted.state == CaseInvitation.State.DECLINED


def test_staff_without_the_involvement_permission_get_no_invitations(client, accepted):
    from tests.conftest import sign_in_verified
    from tests.send.test_council_submissions import staff

    sign_in_verified(client, staff("access_admin"))
    assert client.get(reverse("send_invitation", args=[accepted.pk])).status_code in (302, 403, 404)
    assert client.get(reverse("send_invitations")).status_code in (302, 403)

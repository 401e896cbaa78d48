"""The invited person's side: the emailed link opens "Invitations awaiting approval" with a
tick box per child; confirming sends it to the SEND team. A code that is not one of the
user's own, guessed or sent to someone else, gives 404; signed out, the link asks to sign in
first."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from plugins.send.models import CaseInvitation
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record

pytestmark = pytest.mark.django_db


def link(invitation):
    return reverse("send:invitation", args=[invitation.code])


def test_the_link_shows_a_tick_box_per_child(family, invitation, child):
    response = family.get(link(invitation))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Invitations awaiting approval" in page
    assert f'name="children" type="checkbox" value="{child.pk}"' in page
    assert "Mali Evans" in page


def test_the_parent_ticks_their_child_and_waits_for_the_send_team(family, invitation, child):
    response = family.post(link(invitation), {"children": [child.pk]})
    assert response.status_code == 302 and response["Location"] == reverse("send:invitations")
    invitation.refresh_from_db()
    assert invitation.state == CaseInvitation.State.ACCEPTED
    page = family.get(reverse("send:invitations")).content.decode()
    assert "Waiting for the SEND team to check your identity" in page and "Mali Evans" in page


def test_confirming_without_a_tick_shows_an_error(family, invitation):
    response = family.post(link(invitation), {})
    assert response.status_code == 200
    assert "Tick the children you are the parent or carer of." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == CaseInvitation.State.SENT


def test_a_tick_for_a_child_not_in_the_invitation_is_refused(family, invitation):
    other = child_record("C0009555", forename="Other", surname="Family")
    response = family.post(link(invitation), {"children": [other.pk]})
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.state == CaseInvitation.State.SENT


def test_the_code_typed_in_opens_the_invitation(family, invitation):
    typed = "-".join([invitation.code[:4], invitation.code[4:].lower()])
    response = family.post(reverse("send:invitations"), {"code": typed})
    assert response["Location"] == link(invitation)


def test_a_wrong_code_typed_in_says_it_does_not_match(family, invitation):
    response = family.post(reverse("send:invitations"), {"code": "ABCDEFGHJKMN"})
    assert response.status_code == 200
    assert "does not match an invitation" in response.content.decode()


def test_a_guessed_code_gives_404(family, invitation):
    assert family.get(reverse("send:invitation", args=["ABCDEFGHJKMN"])).status_code == 404


def test_another_persons_invitation_gives_404_even_with_its_code(client, invitation, child):
    sign_in_verified(client, UserFactory(email="someone@example.org"))
    assert client.get(link(invitation)).status_code == 404
    assert client.post(link(invitation), {"children": [child.pk]}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == CaseInvitation.State.SENT


def test_signed_out_the_link_asks_to_sign_in_first(client, invitation):
    response = client.get(link(invitation))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_an_expired_invitation_says_so_instead_of_tick_boxes(family, invitation):
    CaseInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    page = family.get(link(invitation)).content.decode()
    assert "This invitation has expired" in page and 'type="checkbox"' not in page


def test_the_invitation_page_speaks_welsh_under_cy(family, invitation):
    with translation.override("cy"):
        address = link(invitation)
    page = family.get(address).content.decode()
    assert address.startswith("/cy/")
    assert "Gwahoddiadau sy’n aros am gymeradwyaeth" in page


def test_the_send_home_leads_a_parent_to_their_invitations(family):
    page = family.get(reverse("send:home")).content.decode()
    assert reverse("send:invitations") in page


def test_the_persons_subject_access_export_lists_their_invitations(accepted, parent):
    from plugins.send.people.exports import export_user

    items = export_user(parent)["items"]
    invitation = next(item for item in items if item["kind"] == "send_case_invitation")
    values = {f["name"]: f["value"] for f in invitation["fields"]}
    assert values["email"] == parent.email and values["children"] == "Mali Evans"

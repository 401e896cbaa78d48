"""The invitation's state machine: sent → accepted (children ticked) → activated or declined;
sent → expired. Each refused change says why; activation authenticates the person on the
child's open involvement, links them to the child, audits and tells them in their language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import AuditEntry
from plugins.send.casework.invitations import services
from plugins.send.casework.involvements import authentication
from plugins.send.casework.involvements import services as involvements
from plugins.send.models import CaseInvitation, PersonLink, PortalPerson
from tests.factories import UserFactory, child_record
from tests.send.factories import PersonLinkFactory

pytestmark = pytest.mark.django_db

State = CaseInvitation.State


def test_the_invitation_email_carries_a_unique_code_and_link_in_the_chosen_language(
    child, caseworker, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.invite("Nia@Example.org ", [child], "cy", caseworker)
        second = services.invite("nia@example.org", [child], "cy", caseworker)
    assert first.code != second.code and len(first.code) == services.CODE_LENGTH
    assert first.email == "nia@example.org" and first.state == State.SENT
    message = mailoutbox[0]
    assert message.subject == "Eich gwahoddiad i weld gwybodaeth AAA eich plentyn"
    assert first.code in message.body
    assert f"/cy/send/invitations/{first.code}/" in message.body


def test_an_invitation_is_for_at_least_one_child(caseworker):
    with pytest.raises(services.NotAllowed):
        services.invite("nia@example.org", [], "en", caseworker)


def test_the_parent_confirms_the_children_they_are_the_parent_of(caseworker, parent, child):
    sibling = child_record("C0009002", forename="Ifan", surname="Evans")
    invitation = services.invite(parent.email, [child, sibling], "en", caseworker)
    services.accept(invitation, parent, [child.pk])
    invitation.refresh_from_db()
    assert invitation.state == State.ACCEPTED and invitation.accepted_by == parent
    ticked = {c.child_record_id: c.confirmed for c in invitation.children.all()}
    assert ticked == {child.pk: True, sibling.pk: False}


def test_only_the_invited_email_address_can_accept(invitation, child):
    stranger = UserFactory(email="someone@example.org")
    with pytest.raises(services.NotAllowed):
        services.accept(invitation, stranger, [child.pk])
    invitation.refresh_from_db()
    assert invitation.state == State.SENT


@pytest.mark.parametrize("ticked", [[], ["other"]])
def test_accepting_needs_a_tick_on_one_of_the_invitations_children(invitation, parent, ticked):
    other = child_record("C0009099")
    ids = [other.pk if tick == "other" else tick for tick in ticked]
    with pytest.raises(services.NotAllowed):
        services.accept(invitation, parent, ids)


def test_an_invitation_cannot_be_accepted_twice(accepted, parent, child):
    with pytest.raises(services.NotAllowed, match="already been accepted"):
        services.accept(accepted, parent, [child.pk])


def test_an_invitation_not_accepted_in_time_expires(invitation, parent, child, settings):
    CaseInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    invitation.refresh_from_db()
    with pytest.raises(services.NotAllowed, match="expired"):
        services.accept(invitation, parent, [child.pk])
    assert services.expire_overdue() == 1
    invitation.refresh_from_db()
    assert invitation.state == State.EXPIRED


def test_an_invitation_lives_for_the_days_the_setting_says(child, caseworker, settings):
    settings.PORTAL_CASE_INVITATION_DAYS = 3
    invitation = services.invite("nia@example.org", [child], "en", caseworker)
    assert invitation.expires_at - invitation.created_at == timedelta(days=3)


def test_an_accepted_invitation_waiting_for_the_send_team_does_not_expire(accepted):
    CaseInvitation.objects.filter(pk=accepted.pk).update(expires_at=timezone.now())
    assert services.expire_overdue() == 0


@pytest.mark.parametrize(
    ("state", "action", "allowed"),
    [
        (State.SENT, services.ACCEPT, True),
        (State.SENT, services.ACTIVATE, False),
        (State.SENT, services.DECLINE, True),
        (State.ACCEPTED, services.ACCEPT, False),
        (State.ACCEPTED, services.ACTIVATE, True),
        (State.ACCEPTED, services.DECLINE, True),
        (State.ACTIVATED, services.ACTIVATE, False),
        (State.ACTIVATED, services.DECLINE, False),
        (State.DECLINED, services.ACCEPT, False),
        (State.DECLINED, services.ACTIVATE, False),
        (State.EXPIRED, services.ACCEPT, False),
        (State.EXPIRED, services.ACTIVATE, False),
    ],
)
def test_each_change_is_allowed_only_from_its_states(invitation, state, action, allowed):
    invitation.state = state
    assert (services.refusal(invitation, action) is None) == allowed


def test_activating_needs_the_person_to_have_confirmed_first(invitation, caseworker):
    with pytest.raises(services.NotAllowed, match="not confirmed"):
        services.activate(invitation, caseworker, "Checked passport.")


def test_activating_needs_a_reason(accepted, caseworker):
    with pytest.raises(services.NotAllowed):
        services.activate(accepted, caseworker, "  ")
    accepted.refresh_from_db()
    assert accepted.state == State.ACCEPTED


def test_activation_authenticates_links_and_audits(accepted, parent, child, caseworker):
    services.activate(accepted, caseworker, "Mother; passport seen at the office.")
    accepted.refresh_from_db()
    assert accepted.state == State.ACTIVATED and accepted.decided_by == caseworker
    assert authentication.is_authenticated_on(parent, child)
    sharing = child.send_involvements.get().sharing.get(user=parent)
    assert sharing.authentication_reason == "Mother; passport seen at the office."
    assert sharing.parental_responsibility
    link = PersonLink.objects.get(user=parent)
    assert link.person.child_record == child and link.relationship == "parent"
    assert AuditEntry.objects.filter(
        action="invitation.activated", child_record_id=child.pk, actor=caseworker
    ).exists()


def test_activation_keeps_the_person_the_parent_declared_already(
    accepted, parent, child, caseworker
):
    declared = PersonLinkFactory(user=parent, relationship="parent")
    declared.person.child_record = child
    declared.person.save()
    services.activate(accepted, caseworker, "Checked.")
    assert PortalPerson.objects.filter(links__user=parent).get() == declared.person


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "You can now see SEND information about Mali Evans"),
        ("cy", "Gallwch nawr weld gwybodaeth AAA am Mali Evans"),
    ],
)
def test_the_person_is_told_by_email_in_their_language(
    accepted, parent, caseworker, language, subject, mailoutbox, django_capture_on_commit_callbacks
):
    parent.preferred_language = language
    parent.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.activate(accepted, caseworker, "Checked.")
    assert [message.subject for message in mailoutbox] == [subject]
    assert mailoutbox[0].to == [parent.email]


def test_a_child_without_an_open_involvement_is_refused_until_staff_open_one(
    accepted, involvement, caseworker, child, parent
):
    involvements.close(involvement, caseworker, "Moved away.")
    with pytest.raises(services.NotAllowed, match="no open involvement"):
        services.activate(accepted, caseworker, "Checked.")
    assert not authentication.is_authenticated_on(parent, child)


def test_staff_choose_the_involvement_when_the_child_has_several(
    accepted, involvement, caseworker, child, parent
):
    review = involvements.open_involvement(child, "england_annual_review", caseworker)
    with pytest.raises(services.NotAllowed, match="several open involvements"):
        services.activate(accepted, caseworker, "Checked.")
    services.activate(accepted, caseworker, "Checked.", {child.pk: review})
    assert review.sharing.filter(user=parent, state="authenticated").exists()
    assert not involvement.sharing.filter(user=parent).exists()


def test_staff_decline_with_a_reason_and_nothing_is_shared(accepted, caseworker, parent, child):
    services.decline(accepted, caseworker, "Could not confirm identity.")
    accepted.refresh_from_db()
    assert accepted.state == State.DECLINED
    assert not authentication.is_authenticated_on(parent, child)
    with pytest.raises(services.NotAllowed, match="declined"):
        services.activate(accepted, caseworker, "Checked.")


def test_a_person_already_authenticated_on_the_case_is_just_linked(
    accepted, involvement, parent, child, caseworker
):
    from plugins.send.casework.involvements import portal_sharing

    sharing = portal_sharing.add(involvement, parent, caseworker)
    portal_sharing.authenticate(sharing, caseworker, "Earlier reason.")
    services.activate(accepted, caseworker, "Checked again.")
    sharing.refresh_from_db()
    assert sharing.authentication_reason == "Earlier reason."
    assert PersonLink.objects.filter(user=parent, person__child_record=child).exists()


def test_an_account_that_became_staff_is_refused_with_portal_sharings_reason(
    accepted, parent, caseworker
):
    parent.kind = "staff"
    parent.save()
    with pytest.raises(services.NotAllowed, match="not portal users"):
        services.activate(accepted, caseworker, "Checked.")
    accepted.refresh_from_db()
    assert accepted.state == State.ACCEPTED

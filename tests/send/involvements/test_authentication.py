"""The access rule of the child's case and the portal sharing state machine: only a portal
user authenticated on an open involvement sees the child; every change allowed from its
states and refused from the others; removing or un-authenticating takes access away at once;
what authenticating leaves behind (audit log, message in the user's language, event)."""

import pytest

from core.models import AuditEntry
from plugins.send.casework.involvements import authentication, portal_sharing, services
from plugins.send.models import Involvement, PortalSharing
from portal import access, events
from tests.factories import UserFactory, child_record
from tests.send.test_council_submissions import staff

pytestmark = pytest.mark.django_db

State = PortalSharing.State


def in_state(sharing, state):
    PortalSharing.objects.filter(pk=sharing.pk).update(state=state)
    sharing.refresh_from_db()
    return sharing


def test_a_parent_only_added_cannot_see_the_child(shared, parent, child):
    assert not authentication.is_authenticated_on(parent, child)
    assert list(authentication.child_records_for(parent)) == []


def test_an_authenticated_parent_sees_the_child_and_no_other(authenticated, parent, child):
    other = child_record("C0009002", forename="Osian")
    assert authentication.is_authenticated_on(parent, child)
    assert not authentication.is_authenticated_on(parent, other)
    assert list(authentication.child_records_for(parent)) == [child]
    assert list(authentication.authenticated_users(child)) == [parent]


@pytest.mark.parametrize(
    "take_away", [portal_sharing.unauthenticate, portal_sharing.remove], ids=["un", "removed"]
)
def test_removing_or_unauthenticating_takes_access_away_at_once(
    take_away, authenticated, parent, child, caseworker, involvement
):
    assert access.may(parent, "view", involvement)
    take_away(authenticated, caseworker)
    assert not authentication.is_authenticated_on(parent, child)
    assert list(authentication.authenticated_users(child)) == []
    assert not access.may(parent, "view", involvement)
    assert not access.scoped(parent, "send.involvement").exists()


def test_a_portal_user_sees_only_the_involvements_they_are_authenticated_on(
    authenticated, parent, involvement, caseworker
):
    other_family = UserFactory(email="other@example.org")
    other = services.open_involvement(
        child_record("C0009003"), "england_ehc_needs_assessment", caseworker
    )
    assert list(access.scoped(parent, "send.involvement")) == [involvement]
    assert access.may(parent, "view", involvement)
    assert not access.may(parent, "view", other)
    assert not access.may(parent, "change", involvement)
    assert not access.scoped(other_family, "send.involvement").exists()
    assert not access.may(other_family, "view", involvement)


def test_staff_need_the_permission_to_see_involvements(involvement, caseworker):
    without = staff("access_admin", "view_submission", first_name="Sid")
    assert access.scoped(caseworker, "send.involvement").count() == 1
    assert access.may(caseworker, "change", involvement)
    assert not access.scoped(without, "send.involvement").exists()
    assert not access.may(without, "view", involvement)


def test_closing_the_involvement_takes_access_away(authenticated, parent, child, caseworker):
    services.close(authenticated.involvement, caseworker, "Plan not needed.")
    assert not authentication.is_authenticated_on(parent, child)


def test_staff_are_never_authenticated_on_a_child_on_the_portal(involvement, caseworker, child):
    assert not authentication.is_authenticated_on(caseworker, child)
    with pytest.raises(portal_sharing.NotAllowed):
        portal_sharing.add(involvement, caseworker, caseworker)


ALLOWED = [
    (portal_sharing.AUTHENTICATE, State.SHARED, State.AUTHENTICATED),
    (portal_sharing.AUTHENTICATE, State.UNAUTHENTICATED, State.AUTHENTICATED),
    (portal_sharing.UNAUTHENTICATE, State.AUTHENTICATED, State.UNAUTHENTICATED),
    (portal_sharing.REMOVE, State.SHARED, State.REMOVED),
    (portal_sharing.REMOVE, State.AUTHENTICATED, State.REMOVED),
    (portal_sharing.REMOVE, State.UNAUTHENTICATED, State.REMOVED),
]
CALLS = {
    portal_sharing.AUTHENTICATE: lambda s, u: portal_sharing.authenticate(s, u, "Checked."),
    portal_sharing.UNAUTHENTICATE: portal_sharing.unauthenticate,
    portal_sharing.REMOVE: portal_sharing.remove,
}


@pytest.mark.parametrize(("action", "start", "end"), ALLOWED)
def test_each_allowed_change_moves_the_sharing_on(action, start, end, shared, caseworker):
    sharing = CALLS[action](in_state(shared, start), caseworker)
    sharing.refresh_from_db()
    assert sharing.state == end


@pytest.mark.parametrize(
    ("action", "start"),
    [
        (action, start)
        for action in CALLS
        for start in State.values
        if (action, start) not in {(a, s) for a, s, _end in ALLOWED}
    ],
)
def test_each_change_the_table_does_not_allow_is_refused(action, start, shared, caseworker):
    with pytest.raises(portal_sharing.NotAllowed):
        CALLS[action](in_state(shared, start), caseworker)
    shared.refresh_from_db()
    assert shared.state == start


def test_authenticating_needs_a_reason(shared, caseworker):
    with pytest.raises(portal_sharing.NotAllowed):
        portal_sharing.authenticate(shared, caseworker, "   ")
    shared.refresh_from_db()
    assert shared.state == State.SHARED


def test_nobody_is_authenticated_on_a_closed_involvement(shared, caseworker):
    services.close(shared.involvement, caseworker, "Moved away.")
    with pytest.raises(portal_sharing.NotAllowed):
        portal_sharing.authenticate(shared, caseworker, "Checked.")


def test_an_unverified_professional_is_not_authenticated(involvement, caseworker):
    pending = UserFactory(kind="professional", verification_state="pending")
    sharing = portal_sharing.add(involvement, pending, caseworker)
    with pytest.raises(portal_sharing.NotAllowed):
        portal_sharing.authenticate(sharing, caseworker, "Checked.")


def test_a_professional_added_is_shared_on_the_professional_portal_with_their_role(
    involvement, professional, parent, caseworker
):
    row = portal_sharing.add(involvement, professional, caseworker)
    assert row.shared_on_professional_portal
    assert row.role == "Educational psychologist"
    assert (row.email, row.user_type) == (professional.email, "professional")
    family = portal_sharing.add(involvement, parent, caseworker, role="Mother")
    assert not family.shared_on_professional_portal and family.user_type == "citizen"


def test_a_person_removed_can_be_added_again_but_not_twice(shared, parent, caseworker):
    with pytest.raises(portal_sharing.NotAllowed):
        portal_sharing.add(shared.involvement, parent, caseworker)
    portal_sharing.remove(shared, caseworker)
    again = portal_sharing.add(shared.involvement, parent, caseworker)
    assert again.pk == shared.pk and again.state == State.SHARED


def test_authenticating_writes_the_audit_log_with_the_reason(authenticated, caseworker, child):
    entry = AuditEntry.objects.get(action="sharing.authenticated")
    assert entry.actor == caseworker
    assert entry.child_record_id == child.pk
    assert entry.detail == "Mother; identity checked by phone."
    assert AuditEntry.objects.filter(action="sharing.added", child_record_id=child.pk).exists()


def test_the_event_is_sent_only_after_the_commit(
    shared, caseworker, parent, django_capture_on_commit_callbacks
):
    heard = []

    def receiver(sender, **kwargs):
        heard.append(kwargs)

    events.user_authenticated_on_case.connect(receiver)
    try:
        with django_capture_on_commit_callbacks() as callbacks:
            portal_sharing.authenticate(shared, caseworker, "Checked.")
            assert heard == []
        for callback in callbacks:
            callback()
    finally:
        events.user_authenticated_on_case.disconnect(receiver)
    assert len(heard) == 1
    assert heard[0]["user"] == parent and heard[0]["reason"] == "Checked."
    assert heard[0]["involvement"] == shared.involvement


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "You can now see SEND information about Mali Evans"),
        ("cy", "Gallwch nawr weld gwybodaeth AAA am Mali Evans"),
    ],
)
def test_the_authenticated_user_is_told_in_their_language(
    language, words, shared, parent, caseworker, mailoutbox, django_capture_on_commit_callbacks
):
    parent.preferred_language = language
    parent.save()
    with django_capture_on_commit_callbacks(execute=True):
        portal_sharing.authenticate(shared, caseworker, "Checked.")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == words
    assert ("/cy/send/" in mailoutbox[0].body) == (language == "cy")


def test_the_message_goes_through_the_notify_service(shared, caseworker, provide_service):
    sent = []
    provide_service(
        "notify",
        lambda user, subject, body, context, link=None: sent.append(
            (user, subject, context["child"], link)
        ),
    )
    portal_sharing.authenticate(shared, caseworker, "Checked.")
    ((user, subject, child_name, link),) = sent
    assert user == shared.user and child_name == "Mali Evans"
    assert subject == "send.emailsubject.involvement.authenticated" and link.endswith("/send/")


def test_one_open_involvement_of_a_process_per_child(involvement, child, caseworker):
    with pytest.raises(services.NotAllowed):
        services.open_involvement(child, involvement.process, caseworker)
    services.close(involvement, caseworker, "Finished.")
    again = services.open_involvement(child, involvement.process, caseworker)
    assert again.status == Involvement.Status.OPEN
    with pytest.raises(services.NotAllowed):
        services.reopen(involvement, caseworker)

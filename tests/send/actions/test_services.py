"""The rules of actions to complete: who may be asked, the message naming the child, the
form and the due date in the user's language, the state machine, and overdue reminders sent
once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from plugins.send.casework.actions import services
from plugins.send.casework.involvements import portal_sharing
from plugins.send.casework.involvements import services as involvements
from plugins.send.models import Action
from tests.send.factories import FormDefinitionFactory, published_form

from .conftest import ask

pytestmark = pytest.mark.django_db


def test_the_parent_asked_is_told_the_child_the_form_and_the_due_date(
    authenticated, form, caseworker, django_capture_on_commit_callbacks
):
    due = timezone.localdate() + timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        action = services.ask(
            authenticated.involvement, authenticated.user, form, due, caseworker, note="Thanks!"
        )
    assert action.is_open and action.created_by == caseworker
    (message,) = mail.outbox
    assert message.to == ["nia@example.org"]
    assert (
        message.subject == f"Please complete Parental preference for Mali Evans by {due:%-d %B %Y}"
    )
    assert "Thanks!" in message.body
    assert f"/send/children/{authenticated.involvement.child_record_id}/actions/" in message.body


def test_a_welsh_speaker_is_asked_in_welsh(
    authenticated, form, caseworker, django_capture_on_commit_callbacks
):
    parent = authenticated.user
    parent.preferred_language = "cy"
    parent.save()
    with django_capture_on_commit_callbacks(execute=True):
        ask(authenticated.involvement, parent, form, caseworker)
    (message,) = mail.outbox
    assert message.subject.startswith("Cwblhewch Dewis y rhiant ar gyfer Mali Evans erbyn ")
    assert "/cy/" in message.body and "Annwyl Nia Evans" in message.body


def test_only_someone_authenticated_on_the_open_involvement_can_be_asked_for_a_published_form(
    shared, form, caseworker, involvement
):
    with pytest.raises(services.NotAllowed, match="authenticated"):
        ask(involvement, shared.user, form, caseworker)
    portal_sharing.authenticate(shared, caseworker, "Checked.")
    with pytest.raises(services.NotAllowed, match="published"):
        ask(involvement, shared.user, FormDefinitionFactory(), caseworker)
    involvements.close(involvement, caseworker, "Finished.")
    with pytest.raises(services.NotAllowed, match="closed"):
        ask(involvement, shared.user, form, caseworker)
    assert not Action.objects.exists()


def test_information_requested_on_another_involvement_cannot_be_linked(
    authenticated, form, caseworker, child
):
    other = involvements.open_involvement(child, "england_annual_review", caseworker)
    row = involvements.request_information(
        other, caseworker, requested="Views", due_on=timezone.localdate()
    )
    with pytest.raises(services.NotAllowed, match="another involvement"):
        ask(
            authenticated.involvement, authenticated.user, form, caseworker, information_request=row
        )


def test_completing_closes_the_action_and_records_the_information_received(
    authenticated, form, caseworker
):
    row = involvements.request_information(
        authenticated.involvement, caseworker, requested="Views", due_on=timezone.localdate()
    )
    action = ask(
        authenticated.involvement, authenticated.user, form, caseworker, information_request=row
    )
    services.complete(action, authenticated.user)
    action.refresh_from_db()
    row.refresh_from_db()
    assert action.status == "completed" and action.closed_at is not None
    assert row.received_on == timezone.localdate() and not row.send_reminders


@pytest.mark.parametrize(
    ("first", "then", "refused"),
    [
        ("complete", "complete", "already been completed"),
        ("complete", "cancel", "already been completed"),
        ("cancel", "complete", "cancelled"),
        ("cancel", "cancel", "cancelled"),
    ],
)
def test_a_completed_or_cancelled_action_cannot_change_again(
    action, caseworker, first, then, refused
):
    changes = {
        "complete": lambda: services.complete(action, action.user),
        "cancel": lambda: services.cancel(action, caseworker, "No longer needed."),
    }
    changes[first]()
    with pytest.raises(services.NotAllowed, match=refused):
        changes[then]()


def test_cancelling_needs_the_reason(action, caseworker):
    with pytest.raises(services.NotAllowed, match="reason"):
        services.cancel(action, caseworker, "  ")
    services.cancel(action, caseworker, "Sent on paper instead.")
    action.refresh_from_db()
    assert action.status == "cancelled" and action.cancelled_reason == "Sent on paper instead."


def test_each_overdue_action_is_reminded_once_however_often_the_job_runs(
    authenticated, form, caseworker, django_capture_on_commit_callbacks
):
    parent = authenticated.user
    overdue = ask(authenticated.involvement, parent, form, caseworker, days=-1)
    ask(authenticated.involvement, parent, published_form(), caseworker, days=3)
    cancelled = ask(authenticated.involvement, parent, published_form(), caseworker, days=-5)
    services.cancel(cancelled, caseworker, "Not needed.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders() == 0
    (reminder,) = mail.outbox
    assert reminder.subject.startswith("Reminder: Parental preference for Mali Evans")
    overdue.refresh_from_db()
    assert overdue.reminded_at is not None

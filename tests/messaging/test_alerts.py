"""Trigger alerts fire only when a chosen field changes, and only to users authenticated on
the child's case; scheduled alerts run when due, once however late, never when deactivated,
and log each run with its counts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.messaging.alerts import scheduled, services
from plugins.messaging.alerts.models import AlertLog, ScheduledAlert, TriggerAlert
from plugins.messaging.models import Recipient
from plugins.messaging.wording.models import MessageTemplate
from tests.factories import UserFactory
from tests.messaging.conftest import needs_send

pytestmark = [pytest.mark.django_db, needs_send]

AUTHENTICATED = "SEND – You are authenticated on a child's case"
REMINDER = "SEND – Reminder to send information"


def trigger(fields, **recipients):
    return TriggerAlert.objects.create(
        reason="Tell the person authenticated",
        template=MessageTemplate.objects.get(name=AUTHENTICATED),
        context="send.portal_sharing",
        fields=fields,
        active=True,
        **(recipients or {"to_person": True}),
    )


def messages_to(user):
    return list(Recipient.objects.filter(user=user).select_related("message__thread"))


def test_authenticating_someone_fires_an_alert_on_the_status_and_logs_it(
    involvement, parent, caseworker, django_capture_on_commit_callbacks
):
    from plugins.send.casework.involvements import portal_sharing

    alert = trigger(["state"])
    sharing = portal_sharing.add(involvement, parent, caseworker)
    before = len(messages_to(parent))

    with django_capture_on_commit_callbacks(execute=True):
        portal_sharing.authenticate(sharing, caseworker, "Identity checked by phone.")

    received = messages_to(parent)[before:]
    notices = [r for r in received if r.message.thread.about_kind == "send.child_record"]
    assert len(notices) == 1
    assert notices[0].message.thread.subject == "You can now see SEND information about Mali Evans"
    assert "Cai Gwaith" in notices[0].message.body
    entry = AlertLog.objects.get(trigger_alert=alert)
    assert (entry.rows, entry.messages) == (1, 1)
    assert "Mali Evans" in entry.summary


def test_a_change_of_a_field_the_alert_does_not_watch_does_not_fire(
    authenticated, django_capture_on_commit_callbacks
):
    alert = trigger(["state"])

    with django_capture_on_commit_callbacks(execute=True):
        authenticated.role = "Mother"
        authenticated.save()

    assert not AlertLog.objects.filter(trigger_alert=alert).exists()


def test_a_change_of_a_watched_field_fires(authenticated, django_capture_on_commit_callbacks):
    alert = trigger(["role"])

    with django_capture_on_commit_callbacks(execute=True):
        authenticated.role = "Mother"
        authenticated.save()

    assert AlertLog.objects.get(trigger_alert=alert).messages == 1


def test_an_inactive_alert_does_not_fire(authenticated, django_capture_on_commit_callbacks):
    alert = trigger(["role"])
    services.deactivate(alert)

    with django_capture_on_commit_callbacks(execute=True):
        authenticated.role = "Mother"
        authenticated.save()

    assert not AlertLog.objects.exists()


def test_a_chosen_user_not_authenticated_on_the_case_receives_nothing(
    authenticated, django_capture_on_commit_callbacks
):
    outsider = UserFactory()
    alert = trigger(["role"], recipient=outsider, all_citizens=True)

    with django_capture_on_commit_callbacks(execute=True):
        authenticated.role = "Mother"
        authenticated.save()

    assert messages_to(outsider) == []
    assert AlertLog.objects.get(trigger_alert=alert).messages == 1  # the mother only


def test_a_new_alert_is_activated_only_once_saved():
    alert = TriggerAlert(reason="r", template=MessageTemplate.objects.first(), context="x")

    with pytest.raises(services.NotAllowed):
        services.activate(alert)
    alert.save()
    assert alert.active is False
    assert services.activate(alert).active is True


@pytest.fixture
def overdue(involvement, authenticated, parent, caseworker):
    from plugins.send.casework.involvements import services as involvements

    return involvements.request_information(
        involvement,
        caseworker,
        user=parent,
        requested="The latest school report",
        due_on=timezone.localdate() - timedelta(days=3),
    )


def scheduled_alert(**fields):
    alert = ScheduledAlert(
        reason="Overdue information",
        template=MessageTemplate.objects.get(name=REMINDER),
        condition="send.information_overdue",
        to_person=True,
        active=True,
        repeat_every=1,
        repeat_unit=ScheduledAlert.Unit.DAYS,
        **fields,
    )
    services.set_next_run(alert, timezone.now() - timedelta(days=3, hours=1))
    alert.save()
    return alert


def test_a_late_scheduled_alert_runs_once_and_moves_to_its_next_time(overdue, parent):
    alert = scheduled_alert(include_rows=True)
    before = len(messages_to(parent))

    logged = scheduled.run_due_alerts()
    again = scheduled.run_due_alerts()

    assert len(logged) == 1 and again == []
    (entry,) = logged
    assert (entry.rows, entry.messages, entry.by_hand) == (1, 1, False)
    (received,) = messages_to(parent)[before:]
    assert "The latest school report" in received.message.body
    alert.refresh_from_db()
    assert timezone.now() < alert.next_run_at <= timezone.now() + timedelta(days=1)


def test_a_deactivated_scheduled_alert_does_not_run(overdue):
    alert = scheduled_alert()
    services.deactivate(alert)

    assert scheduled.run_due_alerts() == []
    assert not AlertLog.objects.exists()


def test_with_no_rows_the_alert_fires_only_when_asked_and_only_to_the_chosen_user(db):
    team_member = UserFactory()
    quiet = scheduled_alert()
    loud = scheduled_alert(fire_when_empty=True, recipient=team_member)

    assert scheduled.run(quiet).messages == 0
    assert scheduled.run(loud, by_hand=True).messages == 1
    assert len(messages_to(team_member)) == 1


def test_a_retried_firing_sends_nothing_twice(authenticated, parent):
    from plugins.messaging.alerts import triggers

    alert = trigger(["role"])
    before = len(messages_to(parent))

    first = triggers.fire("send.portal_sharing", authenticated.pk, ["role"], "change-1")
    retried = triggers.fire("send.portal_sharing", authenticated.pk, ["role"], "change-1")

    assert (len(first), retried) == (1, [])
    assert len(messages_to(parent)) == before + 1
    assert AlertLog.objects.filter(trigger_alert=alert).count() == 1

"""The demo council's messages: the Messages tile on the home page, the SEND team's right to
the team inbox, and the demo parent's thread with the team, the team's answer unread."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.models import Tile
from plugins.messaging import services
from plugins.messaging.demo import PARENT, SUBJECT
from plugins.messaging.demo import load_demo as load_messaging_demo
from plugins.messaging.models import ContactProblem, Delivery, Message, Thread
from tests.messaging.conftest import needs_send

pytestmark = [pytest.mark.django_db, needs_send]


def test_the_demo_parent_has_a_thread_with_the_team_and_one_unread_answer(demo):
    parent = get_user_model().objects.get(email=PARENT)
    thread = Thread.objects.get(subject=SUBJECT)

    assert thread.about_kind == "send.child_record"
    assert thread.messages.count() == 2
    assert thread.messages.last().from_team
    assert (
        services.received(parent).filter(message__thread=thread, read_at__isnull=True).count() == 1
    )
    assert Tile.objects.filter(plugin_tile="messages").count() == 2  # English and Welsh
    assert Group.objects.get(name="SEND team").permissions.filter(codename="manage_thread").exists()


def test_the_demo_thread_has_the_schools_letter_and_delivery_statuses(demo):
    thread = Thread.objects.get(subject=SUBJECT)
    parent = get_user_model().objects.get(email=PARENT)

    letter = thread.messages.first().attachments.get()
    assert letter.file.read().startswith(b"%PDF-")
    statuses = set(
        Delivery.objects.filter(recipient__message__thread=thread).values_list("status", flat=True)
    )
    assert statuses == {"delivered", "permanent-failure"}
    assert ContactProblem.objects.filter(user=parent, channel="sms").exists()


def test_loading_the_demo_again_changes_nothing(demo):
    messages = Message.objects.count()

    load_messaging_demo()

    assert Message.objects.count() == messages
    assert Tile.objects.filter(plugin_tile="messages").count() == 2


def test_the_demo_has_the_preset_templates_a_trigger_and_a_scheduled_alert_with_a_run(demo):
    from plugins.messaging.alerts.models import AlertLog, ScheduledAlert, TriggerAlert
    from plugins.messaging.wording.models import MessageTemplate

    assert MessageTemplate.objects.filter(name__startswith="SEND – ").count() == 2
    trigger = TriggerAlert.objects.get()
    assert (trigger.context, trigger.fields, trigger.active) == (
        "send.portal_sharing",
        ["state"],
        True,
    )
    # The person authenticated already gets the casework's own message: the alert is for
    # the professionals on the case, so nobody is told twice.
    assert (trigger.to_person, trigger.all_professionals) == (False, True)
    schedule = ScheduledAlert.objects.get()
    assert (schedule.condition, schedule.active) == ("send.information_overdue", True)
    run = AlertLog.objects.get(scheduled_alert=schedule)
    assert run.rows >= 1

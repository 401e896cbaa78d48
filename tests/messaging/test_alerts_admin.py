"""The admin of message templates and alerts: every new route refuses staff without the
area's permission; staff with it write a template (an unknown placeholder refused, the live
preview, a template in use not deleted), create a trigger alert and activate it once saved,
create a scheduled alert, run it now and read the log; the team reply starts from a
template."""

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.messaging.alerts.models import AlertLog, ScheduledAlert, TriggerAlert
from plugins.messaging.wording.models import MessageTemplate
from tests.conftest import sign_in_verified
from tests.messaging.conftest import needs_send
from tests.send.test_council_submissions import staff

pytestmark = [pytest.mark.django_db, needs_send]

REMINDER = "SEND – Reminder to send information"


@pytest.fixture
def template():
    return MessageTemplate.objects.get(name=REMINDER)


@pytest.fixture
def trigger(template):
    return TriggerAlert.objects.create(
        reason="Authenticated", template=template, context="send.portal_sharing", to_person=True
    )


@pytest.fixture
def schedule(template):
    return ScheduledAlert.objects.create(
        reason="Overdue", template=template, condition="send.information_overdue", to_person=True
    )


def routes(template, trigger, schedule):
    return [
        ("get", reverse("message_templates:index")),
        ("get", reverse("message_templates:add")),
        ("get", reverse("message_templates:edit", args=[template.pk])),
        ("get", reverse("message_templates:delete", args=[template.pk])),
        ("post", reverse("messaging_template_preview")),
        ("get", reverse("trigger_alerts:index")),
        ("get", reverse("trigger_alerts:add")),
        ("get", reverse("trigger_alerts:edit", args=[trigger.pk])),
        ("get", reverse("scheduled_alerts:index")),
        ("get", reverse("scheduled_alerts:add")),
        ("get", reverse("scheduled_alerts:edit", args=[schedule.pk])),
        ("get", reverse("messaging_alert_run", args=[schedule.pk])),
        ("post", reverse("messaging_alert_run", args=[schedule.pk])),
        ("get", reverse("messaging_alert_log")),
    ]


def test_staff_without_the_permissions_are_refused_every_new_route(
    client, template, trigger, schedule
):
    sign_in_verified(client, staff("access_admin", "manage_thread"))

    for method, url in routes(template, trigger, schedule):
        response = getattr(client, method)(url)
        # Refused: Wagtail's "permission denied" sends them to the dashboard, or a 403.
        assert (response.status_code, getattr(response, "url", "/admin/")) in [
            (302, "/admin/"),
            (403, "/admin/"),
        ], url
    assert not AlertLog.objects.exists()


def test_staff_with_the_permissions_reach_every_new_route(client, template, trigger, schedule):
    sign_in_verified(client, staff("access_admin", "manage_message_template", "manage_alert"))

    for method, url in routes(template, trigger, schedule):
        response = getattr(client, method)(url)
        assert response.status_code in (200, 302), url


@pytest.fixture
def writer(client):
    sign_in_verified(client, staff("access_admin", "manage_message_template"))
    return client


def test_a_template_with_an_unknown_placeholder_is_not_saved(writer):
    response = writer.post(
        reverse("message_templates:add"),
        {"name": "Hello", "subject": "Hi {nickname}", "body": "Dear {forename}"},
    )

    assert response.status_code == 200
    assert "Unknown placeholder: {nickname}" in response.content.decode()
    assert not MessageTemplate.objects.filter(name="Hello").exists()


def test_the_preview_renders_the_markdown_safely(writer):
    response = writer.post(
        reverse("messaging_template_preview"), {"text": "**Hi** {forename}<script>x</script>"}
    )

    assert response.content.decode().startswith("<p><strong>Hi</strong> {forename}")
    assert b"<script>" not in response.content


def test_a_template_in_use_is_not_deleted(writer, template, trigger):
    response = writer.post(reverse("message_templates:delete", args=[template.pk]), follow=True)

    assert "used by an alert" in response.content.decode()
    assert MessageTemplate.objects.filter(pk=template.pk).exists()


@pytest.fixture
def alerts_staff(client):
    sign_in_verified(client, staff("access_admin", "manage_alert"))
    return client


def test_staff_create_a_trigger_alert_then_activate_it(alerts_staff, template, parent):
    add = reverse("trigger_alerts:add")
    assert b'name="active"' not in alerts_staff.get(add).content
    response = alerts_staff.post(
        add,
        {
            "reason": "Tell the person authenticated",
            "context": "send.portal_sharing",
            "watched": ["send.portal_sharing:state"],
            "template": template.pk,
            "recipient_search": "nia@example",
        },
    )
    assert response.status_code == 302
    alert = TriggerAlert.objects.get(reason="Tell the person authenticated")
    assert (alert.fields, alert.recipient, alert.active) == (["state"], parent, False)

    edit = reverse("trigger_alerts:edit", args=[alert.pk])
    data = {
        "reason": alert.reason,
        "context": alert.context,
        "watched": ["send.portal_sharing:state"],
        "template": template.pk,
        "recipient_search": parent.email,
        "active": "on",
    }
    assert alerts_staff.post(edit, data).status_code == 302
    alert.refresh_from_db()
    assert alert.active


def test_a_trigger_alert_needs_a_recipient_and_fields_of_its_context(alerts_staff, template):
    response = alerts_staff.post(
        reverse("trigger_alerts:add"),
        {
            "reason": "Wrong",
            "context": "send.portal_sharing",
            "watched": ["send.information_requested:due_on"],
            "template": template.pk,
        },
    )

    content = response.content.decode()
    assert "Alerts require at least one recipient." in content
    assert "Choose only fields of the context the alert is based on." in content


def test_staff_create_a_scheduled_alert_run_it_now_and_read_the_log(alerts_staff, template):
    response = alerts_staff.post(
        reverse("scheduled_alerts:add"),
        {
            "reason": "Actions due soon",
            "condition": "send.actions_due",
            "parameter_days": "10",
            "next_run_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "repeat_every": "1",
            "repeat_unit": "months",
            "template": template.pk,
            "to_person": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    alert = ScheduledAlert.objects.get(reason="Actions due soon")
    assert alert.parameters == {"days": 10}
    assert alert.scheduled_from == alert.next_run_at

    response = alerts_staff.post(reverse("messaging_alert_run", args=[alert.pk]), follow=True)

    entry = AlertLog.objects.get(scheduled_alert=alert)
    assert entry.by_hand
    assert "Actions due soon" in response.content.decode()


def test_the_team_starts_a_reply_from_a_template(
    client, caseworker, parent, child, authenticated, general
):
    from plugins.messaging import services

    thread = services.write_to_team(parent, "send.child_record", child.pk, general, "Hi", "Hello")
    template = MessageTemplate.objects.create(
        name="Thanks", subject="Thanks", body="Dear {forename}, thank you about {child}."
    )
    sign_in_verified(client, caseworker)

    response = client.post(
        reverse("messaging_team_thread", args=[thread.pk]),
        {"template": template.pk, "body": "", "use_template": "1"},
    )

    assert response.status_code == 200
    assert "Dear Nia, thank you about Mali Evans." in response.content.decode()
    assert thread.messages.count() == 1  # nothing is sent until staff send the reply

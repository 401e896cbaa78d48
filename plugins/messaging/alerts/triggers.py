"""Trigger alerts: a record of a registered context changed (``portal.events.
case_record_changed``, heard after the commit), so every active alert on that context
watching one of the changed fields sends its message; each firing is logged."""

import uuid

from django.db import transaction
from django_q.tasks import async_task

from . import registry, sending
from .models import AlertLog, TriggerAlert


def on_case_record_changed(sender, context, pk, changed, **kwargs):
    """Receiver connected in ``MessagingConfig.ready()``: the firing is a task, so the
    request that changed the record does not wait for the messages."""
    if TriggerAlert.objects.filter(active=True, context=context).exists():
        change = str(uuid.uuid4())
        async_task(
            "plugins.messaging.alerts.triggers.fire",
            context,
            pk,
            sorted(changed),
            change,
            task_name=f"trigger-alerts:{change}",
        )


def watching(context, changed):
    """The active alerts on ``context`` whose chosen fields include a changed one."""
    changed = set(changed)
    return [
        alert
        for alert in TriggerAlert.objects.filter(active=True, context=context).select_related(
            "template"
        )
        if changed & set(alert.fields)
    ]


def fire(context, pk, changed, change=""):
    """Send every alert watching the change of record ``pk`` and log each firing; the ids of
    the log entries made (a task's stored result), none when no alert watches those fields or
    the record is gone. With
    ``change`` (the event's id) an alert that already fired for it is skipped, so a retried
    task sends nothing twice."""
    alerts = watching(context, changed)
    if not alerts:
        return []
    try:
        record = registry.as_record(registry.context(context).record(pk))
    except LookupError:
        return []
    if record is None:
        return []
    logged = []
    for alert in alerts:
        with transaction.atomic():
            if change and AlertLog.objects.filter(trigger_alert=alert, change=change).exists():
                continue
            users = sending.recipients(alert, record)
            for user in users:
                sending.send(alert, user, [record])
            logged.append(
                AlertLog.objects.create(
                    trigger_alert=alert,
                    rows=1,
                    messages=len(users),
                    summary=record.summary,
                    change=change,
                ).pk
            )
    return logged

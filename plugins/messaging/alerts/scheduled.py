"""Scheduled alerts: the django-q2 job runs every due alert once (a run that is late runs
once, then the schedule moves to its next time after now), and staff may "Run now".

A run asks the alert's registered condition for its rows, sends each recipient one message
(the case placeholders from their first row; with "include the result rows", the list of
their rows) and logs the counts."""

from django.db import transaction
from django.utils import timezone

from . import registry, schedule, sending
from .models import AlertLog, ScheduledAlert


def run(alert, *, by_hand=False, now=None):
    """Run ``alert`` once now, whatever its schedule; the log entry."""
    now = now or timezone.now()
    records = registry.condition(alert.condition).records(alert.parameters, timezone.localdate(now))
    per_user = {}
    for record in records:
        for user in sending.recipients(alert, record):
            per_user.setdefault(user.pk, (user, []))[1].append(record)
    messages = 0
    with transaction.atomic():
        for user, own in per_user.values():
            sending.send(alert, user, own, include_rows=alert.include_rows)
            messages += 1
        # No rows: with "fire even when no rows" only the one chosen user can be told, as
        # there is no case whose users to reach.
        if not records and alert.fire_when_empty and alert.recipient is not None:
            sending.send(alert, alert.recipient, [])
            messages += 1
        return AlertLog.objects.create(
            scheduled_alert=alert,
            by_hand=by_hand,
            rows=len(records),
            messages=messages,
            summary="\n".join(str(record.summary) for record in records),
        )


def run_due_alerts(now=None):
    """The scheduled job: run each active alert whose next run has come, once, and move it
    to its next time after now (none for an alert that does not repeat). Returns the log
    entries."""
    now = now or timezone.now()
    # An alert on a condition whose plugin is no longer installed waits rather than fails.
    due = ScheduledAlert.objects.filter(
        active=True, next_run_at__lte=now, condition__in=list(registry.conditions())
    )
    logged = []
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and re-checked, so two workers never run one alert twice.
            alert = due.select_for_update().filter(pk=pk).select_related("template").first()
            if alert is None:
                continue
            logged.append(run(alert, now=now))
            alert.last_run_at = now
            alert.next_run_at = schedule.next_run_after(
                alert.scheduled_from or alert.next_run_at,
                alert.repeat_every,
                alert.repeat_unit,
                now,
            )
            alert.save(update_fields=["last_run_at", "next_run_at"])
    return logged

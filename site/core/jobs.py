"""Keeping django-q2 schedules in step with the jobs plugins declare."""

from django.db import transaction

from portal.plugins import plugin_jobs

SCHEDULE_PREFIX = "portal:"


def sync_scheduled_jobs():
    """Create or update one Schedule per declared job and remove those no longer declared.

    Safe to run on every migrate: a job's schedule is found by its stable name.
    """
    from django_q.models import Schedule

    wanted = {}
    for config, job in plugin_jobs():
        wanted[f"{SCHEDULE_PREFIX}{config.label}.{job.name}"] = {
            "func": job.func,
            "schedule_type": job.schedule_type,
            "minutes": job.minutes,
            "cron": job.cron,
            "repeats": -1,
        }
    with transaction.atomic():
        for name, fields in wanted.items():
            Schedule.objects.update_or_create(name=name, defaults=fields)
        Schedule.objects.filter(name__startswith=SCHEDULE_PREFIX).exclude(
            name__in=list(wanted)
        ).delete()
    return sorted(wanted)

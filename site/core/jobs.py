"""Keeping django-q2 schedules in step with the jobs core and the plugins declare."""

from django.db import transaction

from portal.plugins import JobSpec, plugin_jobs

SCHEDULE_PREFIX = "portal:"

#: Core's own scheduled jobs (core is not a plugin, so it declares them here).
CORE_JOBS = (
    # Deletes audit log rows past PORTAL_AUDIT_RETENTION_DAYS.
    JobSpec(name="purge_audit_log", func="core.audit.retention.purge_expired", schedule_type="D"),
    # Forgets which emails went out, a week on (core.models.SentEmail).
    JobSpec(name="purge_sent_emails", func="core.emails.purge_sent", schedule_type="D"),
)


def declared_jobs():
    """(app label, JobSpec) for core's jobs and every installed plugin's."""
    return [
        *(("core", job) for job in CORE_JOBS),
        *((config.label, job) for config, job in plugin_jobs()),
    ]


def sync_scheduled_jobs():
    """Create or update one Schedule per declared job and remove those no longer declared.

    Safe to run on every migrate: a job's schedule is found by its stable name.
    """
    from django_q.models import Schedule

    wanted = {}
    for label, job in declared_jobs():
        wanted[f"{SCHEDULE_PREFIX}{label}.{job.name}"] = {
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

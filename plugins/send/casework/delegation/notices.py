"""What the people given a task are told, through the ``notify`` service: a new task, a task
re-assigned to them, a retraction and a reminder before the due date. The message names the
task's number, form and due date and links to the delegation page; it never carries the
child's information (an email may be read by anyone at a shared school inbox)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation

from portal import services as portal_services

from ...builder.schema import text
from ...models import DelegatedTask
from .groups import recipients

NEW = "new"
REASSIGNED = "reassigned"
RETRACTED = "retracted"
REMINDER = "reminder"
KINDS = (NEW, REASSIGNED, RETRACTED, REMINDER)


def landing_link(language):
    """The delegation page on the portal, in the recipient's language."""
    with translation.override(language):
        path = reverse("send:tasks")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def tell(task, kind, users):
    """Tell each of ``users``, in their language, of ``kind`` of change to ``task``; queued
    when the transaction commits, so a refused change tells nobody."""
    notify = portal_services.get("notify")
    for user in users:
        language = user.preferred_language
        with translation.override(language):
            due = formats.date_format(task.due_on, "j F Y")
        context = {
            "recipient": user.get_full_name() or user.email,
            "number": task.number,
            "form": text(task.form.live_version.schema["title"], language),
            "due": due,
        }
        transaction.on_commit(
            lambda user=user, context=context, language=language: notify(
                user,
                f"send.emailsubject.task.{kind}",
                f"send.email_task_{kind}",
                context,
                link=landing_link(language),
            )
        )


def reminder_days():
    return settings.PORTAL_DELEGATION_REMINDER_DAYS


def send_reminders(today=None):
    """Remind whoever has each open task due within ``PORTAL_DELEGATION_REMINDER_DAYS``, once:
    the reminder is claimed by a conditional UPDATE of ``reminded_at`` before it is queued,
    so running the job again, or twice at once, sends nothing twice."""
    today = today or timezone.localdate()
    due_soon = DelegatedTask.objects.open().filter(
        reminded_at__isnull=True,
        due_on__gte=today,
        due_on__lte=today + timedelta(days=reminder_days()),
    )
    sent = 0
    for pk in due_soon.values_list("pk", flat=True):
        with transaction.atomic():
            claimed = DelegatedTask.objects.filter(pk=pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if not claimed:
                continue
            task = DelegatedTask.objects.select_related(
                "form__live_version", "holder", "work_group"
            ).get(pk=pk)
            tell(task, REMINDER, recipients(task))
            sent += 1
    return sent

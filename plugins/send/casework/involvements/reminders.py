"""The daily reminders of the child's case (a scheduled job of the SEND plugin):

- the caseworker of each open involvement is emailed once about each stage deadline due
  within ``SendSettings.reminder_days`` (or already passed without a reminder);
- a person whose information is overdue, with reminders on, is told every
  ``reminder_days`` days until it arrives (``services.received`` turns reminders off).

Each reminder is first claimed as a ``CaseReminder`` row whose unique constraints allow it
once; the claim and the email are one transaction (the email is queued on commit), so a run
that fails part-way is retried without sending anything twice."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import formats, timezone, translation

from core.emails import send_user_email
from core.texts import raw_text
from portal import services

from ...models import CaseReminder, InformationRequest, Involvement, SendSettings
from . import statutory, tray
from .portal_sharing import portal_link


def _claim(**fields):
    """Record the reminder; False when it was already sent."""
    try:
        with transaction.atomic():
            CaseReminder.objects.create(**fields)
    except IntegrityError:
        return False
    return True


def _date(day, language):
    with translation.override(language):
        return formats.date_format(day, "j F Y")


def remind_caseworkers(today, days):
    """One email per stage deadline due by ``today + days``; returns how many were sent."""
    sent = 0
    involvements = Involvement.objects.open().filter(caseworker__is_active=True)
    for involvement in tray.with_deadline_data(involvements.order_by("pk"), today):
        caseworker = involvement.caseworker
        language = caseworker.preferred_language
        for stage in statutory.case_timeline(involvement, today):
            if stage.is_done or stage.due is None or stage.due > today + timedelta(days=days):
                continue
            with transaction.atomic():
                if not _claim(
                    involvement=involvement,
                    stage=stage.stage.code,
                    due_on=stage.due,
                    sent_on=today,
                    recipient=caseworker,
                ):
                    continue
                send_user_email(
                    caseworker,
                    "send.emailsubject.reminder.deadline",
                    "send.email_reminder_deadline",
                    recipient=caseworker.get_full_name() or caseworker.email,
                    child=involvement.child_record.full_name,
                    process=raw_text(statutory.definition_of(involvement.process).title, language),
                    stage=raw_text(stage.stage.label, language),
                    date=_date(stage.due, language),
                    link=settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                    + reverse("send_involvement", args=[involvement.pk]),
                )
            sent += 1
    return sent


def remind_people_asked(today, days):
    """One notice per overdue information request every ``days`` days; returns how many."""
    sent = 0
    overdue = (
        InformationRequest.objects.overdue(today)
        .filter(
            send_reminders=True,
            involvement__status=Involvement.Status.OPEN,
            user__is_active=True,
        )
        .select_related("user", "involvement__child_record")
        .annotate(last_reminded=Max("reminders__sent_on"))
        .order_by("pk")
    )
    for row in overdue:
        if row.last_reminded and row.last_reminded > today - timedelta(days=days):
            continue
        user = row.user
        with transaction.atomic():
            if not _claim(
                involvement=row.involvement,
                information_request=row,
                due_on=row.due_on,
                sent_on=today,
                recipient=user,
            ):
                continue
            services.get("notify")(
                user,
                "send.emailsubject.reminder.information",
                "send.email_reminder_information",
                {
                    "recipient": user.get_full_name() or user.email,
                    "child": row.involvement.child_record.full_name,
                    "requested": row.requested,
                    "date": _date(row.due_on, user.preferred_language),
                },
                link=portal_link(user.preferred_language),
            )
        sent += 1
    return sent


def send_case_reminders(today=None):
    """The daily job: every reminder due today that has not been sent. Returns the count."""
    today = today or timezone.localdate()
    days = SendSettings.load().reminder_days
    return remind_caseworkers(today, days) + remind_people_asked(today, days)

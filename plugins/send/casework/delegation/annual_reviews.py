"""The annual review form, sent by itself: PORTAL_DELEGATION_REVIEW_WEEKS (default eight)
weeks before the review meeting date recorded on an open involvement, the form whose code is
PORTAL_DELEGATION_REVIEW_FORM goes to the tray of the child's school: the work group the
council last sent a task for the child to. It is due two weeks before the meeting, when the
SEND Regulations 2014 (reg. 20(3)) have the advice circulated."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ...models import DelegatedTask, FormDefinition, InvolvementDate
from . import services

MEETING_DATE = "review_meeting"
DUE_BEFORE_MEETING = timedelta(weeks=2)


def school_group(involvement):
    """The work group of the council's latest task for the involvement's child, or None."""
    latest = (
        DelegatedTask.objects.filter(
            involvement__child_record=involvement.child_record_id, work_group__isnull=False
        )
        .select_related("work_group")
        .order_by("-created_at", "-pk")
        .first()
    )
    return latest.work_group if latest else None


def send_review_forms(today=None):
    """Send the review form for each meeting now within the notice period that has none yet.
    The database's unique constraint on (involvement, meeting date) makes running the job
    again, or twice at once, send nothing twice. Returns the tasks sent."""
    today = today or timezone.localdate()
    form = FormDefinition.objects.filter(
        code=settings.PORTAL_DELEGATION_REVIEW_FORM, live_version__isnull=False
    ).first()
    if form is None:
        return []
    horizon = today + timedelta(weeks=settings.PORTAL_DELEGATION_REVIEW_WEEKS)
    meetings = (
        InvolvementDate.objects.filter(
            code=MEETING_DATE,
            date__gt=today,
            date__lte=horizon,
            involvement__status="open",
        )
        .exclude(involvement__delegated_tasks__review_meeting_on=F("date"))
        .select_related("involvement__caseworker")
    )
    sent = []
    for meeting in meetings:
        involvement = meeting.involvement
        group = school_group(involvement)
        if group is None:
            continue
        try:
            with transaction.atomic():
                sent.append(
                    services.delegate(
                        involvement,
                        form,
                        max(meeting.date - DUE_BEFORE_MEETING, today),
                        involvement.caseworker,
                        work_group=group,
                        review_meeting_on=meeting.date,
                    )
                )
        except IntegrityError:
            continue  # sent meanwhile by another run
    return sent

"""The daily jobs: a reminder before the due date, sent once however often the job runs, and
the annual review form sent to the child's school eight weeks before the review meeting,
once per meeting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.send.casework.delegation import annual_reviews, jobs, notices, services
from plugins.send.casework.involvements import services as involvements
from plugins.send.models import DelegatedTask

from .conftest import delegate

pytestmark = pytest.mark.django_db


def test_a_reminder_before_the_due_date_is_sent_once(
    involvement, form, caseworker, senco, mailoutbox, django_capture_on_commit_callbacks, settings
):
    soon = delegate(
        involvement, form, caseworker, days=settings.PORTAL_DELEGATION_REMINDER_DAYS, user=senco
    )
    delegate(involvement, form, caseworker, days=30, user=senco)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notices.send_reminders() == 1
        assert jobs.remind_delegated_tasks() == 0
    assert len(mailoutbox) == 1 and "Reminder" in mailoutbox[0].subject
    soon.refresh_from_db()
    assert soon.reminded_at is not None


def test_no_reminder_for_a_closed_task(involvement, form, caseworker, senco):
    task = delegate(involvement, form, caseworker, days=1, user=senco)
    services.retract(task, caseworker, "Not needed.")
    assert notices.send_reminders() == 0


@pytest.fixture
def review(child, caseworker):
    return involvements.open_involvement(
        child, "england_annual_review", caseworker, caseworker=caseworker
    )


def test_the_review_form_goes_to_the_school_eight_weeks_before_the_meeting_once(
    review, involvement, caseworker, school, settings
):
    from tests.send.factories import published_form

    form = published_form(code="ANNUAL_REVIEW", title_en="Annual review")
    settings.PORTAL_DELEGATION_REVIEW_FORM = "ANNUAL_REVIEW"
    # The school the council has sent the child's tasks to before.
    delegate(involvement, form, caseworker, work_group=school)
    today = timezone.localdate()
    meeting = today + timedelta(weeks=8)
    involvements.record_date(review, "review_meeting", meeting + timedelta(days=1), caseworker)
    assert annual_reviews.send_review_forms(today) == []
    involvements.record_date(review, "review_meeting", meeting, caseworker)
    sent = annual_reviews.send_review_forms(today)
    assert len(sent) == 1
    task = sent[0]
    assert (task.work_group, task.state, task.review_meeting_on) == (school, "group", meeting)
    assert task.due_on == meeting - timedelta(weeks=2) and task.involvement == review
    assert annual_reviews.send_review_forms(today) == []
    assert jobs.send_annual_review_forms() == 0
    assert DelegatedTask.objects.filter(review_meeting_on=meeting).count() == 1

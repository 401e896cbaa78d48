"""The daily reminders: the caseworker hears once about each stage deadline due within the
council's notice (5 days by default); a person whose information is overdue hears every
notice period until it arrives; running the job again the same day sends nothing."""

import datetime

import pytest
from django.core import mail
from django_q.models import Schedule

from plugins.send.casework.involvements import services
from plugins.send.casework.involvements.reminders import send_case_reminders
from plugins.send.models import CaseReminder, SendSettings

pytestmark = pytest.mark.django_db

REQUEST = datetime.date(2026, 1, 5)  # the decision whether to assess is due 16 February


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run(today):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            count = send_case_reminders(today)
        assert count == len(mail.outbox)
        return mail.outbox

    return run


@pytest.fixture
def requested(involvement, caseworker):
    services.record_date(involvement, "request_received", REQUEST, caseworker)
    return involvement


@pytest.mark.parametrize(
    ("today", "reminded"),
    [
        (datetime.date(2026, 2, 10), False),  # 6 days before: not yet
        (datetime.date(2026, 2, 11), True),  # 5 days before
        (datetime.date(2026, 2, 16), True),  # on the day
        (datetime.date(2026, 2, 20), True),  # passed without a reminder
    ],
)
def test_the_caseworker_is_reminded_of_a_deadline_within_the_notice(
    requested, caseworker, run, today, reminded
):
    sent = run(today)
    assert bool(sent) is reminded
    if reminded:
        assert sent[0].to == [caseworker.email]
        assert "Decision whether to assess" in sent[0].subject and "Mali Evans" in sent[0].subject
        assert f"/send/involvements/{requested.pk}/" in sent[0].body


def test_a_deadline_is_reminded_once_however_often_the_job_runs(requested, run):
    assert len(run(datetime.date(2026, 2, 11))) == 1
    assert run(datetime.date(2026, 2, 11)) == []
    assert run(datetime.date(2026, 2, 12)) == []
    assert CaseReminder.objects.count() == 1


def test_a_corrected_date_makes_a_new_deadline_to_remind(requested, caseworker, run):
    run(datetime.date(2026, 2, 11))
    services.record_date(requested, "request_received", datetime.date(2026, 1, 7), caseworker)
    assert len(run(datetime.date(2026, 2, 13))) == 1


def test_the_notice_is_the_councils_setting(requested, run):
    settings = SendSettings.load()
    settings.reminder_days = 10
    settings.save()
    assert len(run(datetime.date(2026, 2, 6))) == 1


def test_done_stages_and_closed_cases_are_not_reminded(requested, caseworker, run):
    services.record_date(requested, "assessment_decision", datetime.date(2026, 2, 1), caseworker)
    assert run(datetime.date(2026, 2, 16)) == []
    services.close(requested, caseworker, "Moved away", datetime.date(2026, 5, 1))
    assert run(datetime.date(2026, 5, 25)) == []


def test_overdue_information_is_reminded_every_notice_period_until_received(
    involvement, caseworker, parent, run
):
    row = services.request_information(
        involvement,
        caseworker,
        user=parent,
        requested="Parental views",
        due_on=datetime.date(2026, 3, 1),
    )
    assert run(datetime.date(2026, 3, 1)) == []  # due today: not overdue yet
    sent = run(datetime.date(2026, 3, 2))
    assert [message.to for message in sent] == [[parent.email]]
    assert "Parental views" in sent[0].body and "Mali Evans" in sent[0].subject
    assert run(datetime.date(2026, 3, 2)) == []  # the same day again
    assert run(datetime.date(2026, 3, 6)) == []  # 4 days on
    assert len(run(datetime.date(2026, 3, 7))) == 1  # 5 days on
    services.received(row, caseworker, on=datetime.date(2026, 3, 8))
    assert run(datetime.date(2026, 3, 20)) == []


def test_information_with_reminders_off_is_not_reminded(involvement, caseworker, parent, run):
    row = services.request_information(
        involvement,
        caseworker,
        user=parent,
        requested="School report",
        due_on=datetime.date(2026, 3, 1),
    )
    row.send_reminders = False
    row.save()
    assert run(datetime.date(2026, 3, 10)) == []


def test_the_reminders_job_is_scheduled_daily():
    schedule = Schedule.objects.get(name="portal:send.send_case_reminders")
    assert schedule.schedule_type == Schedule.DAILY
    assert schedule.func == "plugins.send.casework.involvements.reminders.send_case_reminders"

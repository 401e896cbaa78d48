"""Scheduling arithmetic of scheduled alerts: months at month ends, a late run runs once and
the schedule keeps its times, an alert that does not repeat runs once."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from plugins.messaging.alerts.schedule import Unit, add_months, next_run_after

LONDON = ZoneInfo("Europe/London")


def at(*parts):
    return datetime(*parts, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (at(2027, 1, 31, 9), 1, at(2027, 2, 28, 9)),
        (at(2028, 1, 31, 9), 1, at(2028, 2, 29, 9)),
        (at(2027, 3, 31, 9), 1, at(2027, 4, 30, 9)),
        (at(2027, 12, 15, 9), 1, at(2028, 1, 15, 9)),
        (at(2027, 8, 31, 9), 6, at(2028, 2, 29, 9)),
    ],
)
def test_a_month_later_is_the_same_day_or_the_last_day_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


def test_monthly_runs_from_the_31st_go_back_to_the_31st_after_february():
    anchor = at(2027, 1, 31, 9)

    february = next_run_after(anchor, 1, Unit.MONTHS, at(2027, 1, 31, 9, 1))
    march = next_run_after(anchor, 1, Unit.MONTHS, february)

    assert (february, march) == (at(2027, 2, 28, 9), at(2027, 3, 31, 9))


@pytest.mark.parametrize(
    ("every", "unit", "now", "expected"),
    [
        # The worker was down for three days: one run now, the next at the next daily time.
        (1, Unit.DAYS, at(2027, 5, 4, 11), at(2027, 5, 5, 8)),
        (2, Unit.HOURS, at(2027, 5, 1, 13, 30), at(2027, 5, 1, 14)),
        (15, Unit.MINUTES, at(2027, 5, 1, 8, 50), at(2027, 5, 1, 9)),
        (1, Unit.WEEKS, at(2027, 5, 20, 8), at(2027, 5, 22, 8)),
        (1, Unit.MONTHS, at(2027, 9, 2, 8), at(2027, 10, 1, 8)),
    ],
)
def test_a_late_run_skips_the_missed_periods_and_keeps_the_schedules_times(
    every, unit, now, expected
):
    anchor = at(2027, 5, 1, 8)

    assert next_run_after(anchor, every, unit, now) == expected


def test_an_alert_that_does_not_repeat_has_no_next_run():
    assert next_run_after(at(2027, 5, 1, 8), None, Unit.DAYS, at(2027, 5, 1, 9)) is None

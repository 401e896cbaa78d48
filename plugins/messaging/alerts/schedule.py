"""When a scheduled alert runs next: ``repeat_every`` minutes, hours, days, weeks or months
counted from the date and time staff set (the anchor), never from a late run, so a run that
was late does not shift the schedule and missed periods are skipped, not caught up."""

import calendar
from datetime import timedelta

from django.utils import timezone

from .models import ScheduledAlert

Unit = ScheduledAlert.Unit

_LENGTHS = {
    Unit.MINUTES: timedelta(minutes=1),
    Unit.HOURS: timedelta(hours=1),
    Unit.DAYS: timedelta(days=1),
    Unit.WEEKS: timedelta(weeks=1),
}


def add_months(moment, months):
    """``moment`` ``months`` later, on the same day or, when that month is shorter, on its
    last day (31 January + 1 month = 28 or 29 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def occurrence(anchor, n, every, unit):
    """The ``n``-th run after ``anchor`` (always counted from the anchor, so 31 January runs
    on 28 February and then on 31 March, not on the 28th for ever)."""
    if unit == Unit.MONTHS:
        return add_months(timezone.localtime(anchor), n * every)
    return anchor + n * every * _LENGTHS[unit]


def next_run_after(anchor, every, unit, now):
    """The first run after ``now`` on the schedule anchored at ``anchor``; None when the
    alert does not repeat."""
    if not every:
        return None
    if unit == Unit.MONTHS:
        local_anchor, local_now = timezone.localtime(anchor), timezone.localtime(now)
        elapsed = (local_now.year - local_anchor.year) * 12 + local_now.month - local_anchor.month
        n = max(1, elapsed // every)
    else:
        n = max(1, (now - anchor) // (every * _LENGTHS[unit]))
    while occurrence(anchor, n, every, unit) <= now:
        n += 1
    return occurrence(anchor, n, every, unit)

"""Deadline computation: pure functions of a process definition, the recorded dates, the
recorded exceptions and today. Nothing is stored; every call recomputes from the data, so a
corrected date moves every deadline that depends on it.

Counting rules (the statutes count calendar days):

- "within 6 weeks of the request": the period starts the day after the base date, so the due
  date is the base date + 6 weeks.
- "at least 15 days beginning with the day the draft plan was served" (``begins_on_base``):
  the base day is day 1, so the last day is the base date + 14 days.
- Months use the corresponding date of the later month; where that month is shorter the date
  is clamped to its last day (29 February 2024 + 12 months is 28 February 2025). A period of
  months *beginning with* the base day ends the day before the corresponding date, or on the
  last day of the month when there is no corresponding date.
- A fixed calendar day (15 February, 31 March) falls in the calendar year of the base date.
- A due date on a Saturday, Sunday or holiday stays where it is: neither the Children and
  Families Act 2014 nor the SEND Regulations 2014 move a time limit to a working day, so the
  dashboard says "Saturday ..." rather than silently moving it.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

DONE = "done"
CURRENT = "current"
UPCOMING = "upcoming"


@dataclass(frozen=True)
class RecordedException:
    """A legal exception recorded on a case: ``code`` names one of the definition's
    exception reasons; ``detail`` is the caseworker's note of what happened."""

    code: str
    detail: str = ""


@dataclass(frozen=True)
class StageTimeline:
    """One stage of a case as of ``today``."""

    stage: object  # schema.Stage
    state: str
    done_on: date | None
    due: date | None
    exception: object | None  # schema.ExceptionReason suspending this stage's time limit
    exception_detail: str
    today: date

    @property
    def is_done(self):
        return self.state == DONE

    @property
    def is_current(self):
        return self.state == CURRENT

    @property
    def days_left(self):
        """Days until the due date (0 on the day, negative once overdue); None when the stage
        is done or has no due date."""
        if self.is_done or self.due is None:
            return None
        return (self.due - self.today).days

    @property
    def days_overdue(self):
        left = self.days_left
        return -left if left is not None and left < 0 else None

    @property
    def done_on_time(self):
        """Whether a done stage met its due date (None when either date is unknown)."""
        if self.done_on is None or self.due is None:
            return None
        return self.done_on <= self.due


def add_months(start, months):
    """``start`` + ``months`` on the corresponding day, clamped to the end of a shorter month.
    Returns (date, clamped)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last)), start.day > last


def rule_due(rule, recorded):
    """The due date one rule gives, or None when none of its base dates is recorded."""
    bases = [recorded[code] for code in rule.base if code in recorded]
    if not bases:
        return None
    base = max(bases)
    if rule.is_fixed_day:
        last = calendar.monthrange(base.year, rule.month)[1]
        return date(base.year, rule.month, min(rule.day, last))
    if rule.unit == "months":
        due, clamped = add_months(base, rule.amount)
        if rule.begins_on_base and not clamped:
            due -= timedelta(days=1)
        return due
    days = rule.amount * 7 if rule.unit == "weeks" else rule.amount
    return base + timedelta(days=days - 1 if rule.begins_on_base else days)


def deadline_due(deadline, recorded):
    """The earliest due date any of the deadline's rules can compute from what is recorded."""
    if deadline is None:
        return None
    dues = [due for due in (rule_due(rule, recorded) for rule in deadline.rules) if due]
    return min(dues, default=None)


def timeline(process, dates, today, exceptions=()):
    """Every stage of ``process`` with its state, done date, due date and exception.

    ``dates`` maps the definition's date codes to dates (missing or None: not recorded yet);
    each due date is computed from whatever its rule needs, so the final plan is due 20 weeks
    after the request even when the decisions in between are not recorded. The current stage
    is the one after the last stage done, or a later one already under way (its
    ``started_when`` date recorded); stages before it without a date of their own count as
    done (the case has moved past them). A recorded exception suspends the time limits of
    the stages its reason names: those stages have no due date, only the exception.
    """
    known = {field.code for field in process.dates}
    unknown = sorted(set(dates) - known)
    if unknown:
        raise ValueError(f"{process.code}: {unknown[0]!r} is not one of the process's dates")
    recorded = {code: value for code, value in dates.items() if value is not None}
    suspended = {}
    for recorded_exception in exceptions:
        reason = process.exception(recorded_exception.code)
        if reason is None:
            raise ValueError(f"{process.code}: no exception {recorded_exception.code!r}")
        for stage_code in reason.suspends:
            suspended.setdefault(stage_code, (reason, recorded_exception.detail))
    done = [i for i, stage in enumerate(process.stages) if stage.done_when in recorded]
    started = [i for i, stage in enumerate(process.stages) if stage.started_when in recorded]
    current = max(max(done, default=-1) + 1, max(started, default=-1))
    stages = []
    for index, stage in enumerate(process.stages):
        if index < current or stage.done_when in recorded:
            state = DONE
        elif index == current:
            state = CURRENT
        else:
            state = UPCOMING
        reason, detail = suspended.get(stage.code, (None, ""))
        stages.append(
            StageTimeline(
                stage=stage,
                state=state,
                done_on=recorded.get(stage.done_when),
                due=None if reason else deadline_due(stage.deadline, recorded),
                exception=reason,
                exception_detail=detail,
                today=today,
            )
        )
    return stages


def current_stage(stages):
    """The current stage of a timeline (None once every stage is done)."""
    return next((stage for stage in stages if stage.is_current), None)


def next_deadline(stages):
    """The earliest due date among the stages not done yet (for the caseworker's tray)."""
    return min((s for s in stages if not s.is_done and s.due), key=lambda s: s.due, default=None)

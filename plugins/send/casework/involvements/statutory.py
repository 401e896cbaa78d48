"""An involvement's statutory process: the process definitions and stages a council may
choose (those of its jurisdiction, ``SendSettings.jurisdiction``), their words from the portal
texts, and the involvement's timeline computed from its recorded dates and exceptions.

The timeline is never stored: every call recomputes it from the rows, so a corrected date
moves every due date that depends on it. It reads ``involvement.dates.all()`` and
``involvement.exceptions.all()``, so a list that prefetches both computes any number of
timelines without another query."""

from django.utils import timezone

from core.texts import raw_text

from ..process import deadlines, registry


def processes():
    """The process definitions of the council's jurisdiction, in file order."""
    return registry.definitions_for(registry.council_jurisdiction())


def definition_of(process_code):
    """The definition named by an involvement's code (None for a code no file declares)."""
    return registry.definitions().get(process_code)


def process_choices():
    return [(process.code, raw_text(process.title)) for process in processes()]


def stage_choices(process):
    return [(stage.code, raw_text(stage.label)) for stage in process.stages]


def process_label(code):
    process = definition_of(code)
    return raw_text(process.title) if process else code


def stage_label(process_code, stage_code):
    """The words of a stage of a process (the code itself when the definition lacks it)."""
    process = definition_of(process_code)
    stage = next((s for s in process.stages if s.code == stage_code), None) if process else None
    return raw_text(stage.label) if stage else stage_code


def recorded_dates(involvement, process):
    """{date code: date} of the involvement's rows that the definition knows."""
    known = {field.code for field in process.dates}
    return {row.code: row.date for row in involvement.dates.all() if row.code in known}


def case_timeline(involvement, today=None):
    """Every stage of the involvement's process with its state, done date, due date, days
    left or overdue and exception (``deadlines.StageTimeline``); empty for an unknown
    process."""
    process = definition_of(involvement.process)
    if process is None:
        return []
    exceptions = [
        deadlines.RecordedException(row.reason, row.note)
        for row in involvement.exceptions.all()
        if process.exception(row.reason)
    ]
    return deadlines.timeline(
        process,
        recorded_dates(involvement, process),
        today or timezone.localdate(),
        exceptions,
    )

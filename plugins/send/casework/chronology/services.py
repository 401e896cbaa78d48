"""What the child's chronology shows: one event per approved form about a child record, and one
event's read-only form as numbered panels ("000" the dates of the review, "001" the subject's
details, then one per step of the form; the portal's "Check your answers" step is not one).
Answers are read and worded as everywhere else (``filling.answers``, ``filling.summary``)."""

from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from portal import access

from ...access import CHRONOLOGY
from ...builder.schema import FormSchema
from ...filling.answers import load_answer_sets
from ...filling.summary import summary_sections
from ...models import Submission, SubmissionEvent

SUMMARY_PANEL = 0
SUBJECT_PANEL = 1


@dataclass
class ChronologyEvent:
    """One approved form on a child's chronology, with the answers that appear on its line."""

    submission: Submission
    form_title: str
    submitter: str
    lines: list = field(default_factory=list)

    @property
    def decided_at(self):
        return self.submission.decided_at


@dataclass
class Panel:
    """A panel of an event's form: ``number`` as staff read it ("000"), its name, and either
    ``rows`` (label, value, who) or ``items`` (the answers of a step, as summary_sections)."""

    number: str
    name: str
    rows: list = field(default_factory=list)
    items: list = field(default_factory=list)


def people_words(user):
    return (user.get_full_name() or user.email) if user else "—"


def when(value):
    """An exact date and time, as the submitted forms list shows them."""
    return formats.date_format(timezone.localtime(value), "j M Y H:i") if value else "—"


def chronology_forms(user, record):
    """The approved forms about ``record`` that ``user`` may see on its chronology (every
    person matched to it, so both parents' forms), newest decision first."""
    forms = Submission.objects.filter(person__child_record=record).select_related(
        "version", "created_by", "person", "decided_by"
    )
    return access.scoped(user, CHRONOLOGY, forms).order_by("-decided_at", "-pk")


def chronology_events(user, record):
    """The chronology's events for ``user``, each with its chronology lines. The answers of
    every event are read together, so the queries do not grow with the events."""
    forms = list(chronology_forms(user, record))
    answer_sets = load_answer_sets(forms)
    events = []
    for submission in forms:
        schema = FormSchema(submission.version.schema)
        events.append(
            ChronologyEvent(
                submission=submission,
                form_title=schema.title,
                submitter=people_words(submission.created_by),
                lines=chronology_lines(schema, answer_sets[submission.pk]),
            )
        )
    return events


def chronology_lines(schema, answers):
    """("Question", "answer") for each answer to a question flagged "answer appears in the
    chronology", in the form's order; each entry of a repeating group gives its own line. A
    question the earlier answers did not ask, or left unanswered, gives none."""
    lines = []
    for group in schema.groups:
        for question in group.questions:
            if not question.in_chronology:
                continue
            for index in range(answers.repeat_count(group.number)):
                if answers.value(question.code, index) in (None, ""):
                    continue
                if schema.is_shown(question, answers.value, index):
                    lines.append((question.label, answers.display(question, index)))
    return lines


def panel_number(position):
    return f"{position:03d}"


def event_panels(submission, answers, file_url):
    """The read-only form of a chronology event: panel 000 the dates of the council's review,
    001 the child's details as submitted, then one panel per step, numbered on from 002.
    ``file_url(file_pk)`` is where a file answer downloads."""
    schema = FormSchema(submission.version.schema)
    person = submission.person
    panels = [
        Panel(panel_number(SUMMARY_PANEL), _("Summary of dates"), rows=review_dates(submission)),
        Panel(
            panel_number(SUBJECT_PANEL),
            _("Subject details"),
            rows=[
                (_("Name"), person.full_name, ""),
                (_("Date of birth"), formats.date_format(person.date_of_birth, "j F Y"), ""),
            ],
        ),
    ]
    sections = summary_sections(schema, answers, file_url=file_url)
    for position, section in enumerate(sections, start=SUBJECT_PANEL + 1):
        panels.append(Panel(panel_number(position), section["group"].name, items=section["items"]))
    return panels


def review_dates(submission):
    """When the form was submitted, opened by the council, sent again after a request for more
    information (if it was) and approved, and by whom."""
    opening = (
        submission.events.filter(action=SubmissionEvent.Action.OPENED)
        .select_related("user")
        .order_by("-at", "-pk")
        .first()
    )
    submitter = people_words(submission.created_by)
    rows = [(_("Submitted"), when(submission.submitted_at), submitter)]
    if submission.resubmitted_at:
        rows.append(
            (_("Sent again with more information"), when(submission.resubmitted_at), submitter)
        )
    opener = people_words(opening.user) if opening else "—"
    rows.append((_("Opened by the council"), when(submission.opened_by_council_at), opener))
    rows.append((_("Approved"), when(submission.decided_at), people_words(submission.decided_by)))
    return rows

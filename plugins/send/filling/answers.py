"""Reading a submission's answers, and showing them in words in the active language.

Check-your-answers pages, printouts and the council's views all read answers through an
:class:`AnswerSet`, so an answer reads the same everywhere.
"""

import datetime
from pathlib import PurePath

from django.template.defaultfilters import filesizeformat
from django.utils import formats

from core.texts import raw_text

from ..models import Answer, SubmissionFile, SubmissionStep
from ..models.questions import UPLOAD_TYPES, DataType

DATE_FORMAT = "j F Y"  # "5 March 2020"; Django gives the month's name in the active language


class AnswerSet:
    """One submission's answers, keyed by question code and repeat index (codes are unique on
    a form, so the group number is not needed to find an answer). ``file_names`` maps a
    stored file's id to its name and size; ``unchecked`` lists the answers kept as typed."""

    def __init__(
        self,
        values=None,
        prefilled=(),
        repeat_counts=None,
        file_names=None,
        unchecked=(),
        saved_steps=None,
    ):
        self._values = values or {}
        # {step number: complete?} of each saved step: the task list's and submit's statuses.
        self.saved_steps = saved_steps or {}
        self._prefilled = set(prefilled)
        self._unchecked = set(unchecked)
        self._repeat_counts = repeat_counts or {}
        self._file_names = file_names or {}

    def value(self, code, repeat=0):
        """The stored JSON value, or None when the question has no answer."""
        return self._values.get((code, repeat))

    def is_prefilled(self, code, repeat=0):
        """Whether the answer was copied from an earlier form and not yet confirmed."""
        return (code, repeat) in self._prefilled

    def repeat_count(self, group_number):
        """How many times a repeating group was filled in (1 until its step is saved)."""
        return max(self._repeat_counts.get(group_number, 1), 1)

    def display(self, question, repeat=0):
        """The answer to ``question`` (a QuestionSchema) in words in the active language."""
        value = self.value(question.code, repeat)
        if question.data_type == DataType.YES_NO:
            return _yes_no_words(value)
        if value is None or value == "":
            return ""
        if (question.code, repeat) in self._unchecked:
            return _as_typed(question, value)
        if question.data_type == DataType.CHOICE:
            return dict(question.choices).get(value, str(value))
        if question.data_type == DataType.DATE:
            return formats.date_format(datetime.date.fromisoformat(value), DATE_FORMAT)
        if question.data_type in UPLOAD_TYPES:
            stored = self._file_names.get(int(value))
            return file_description(*stored) if stored else ""
        return str(value)


def file_description(name, size):
    """A stored file as people read it: its name, type and size ("report.pdf (PDF, 12 KB)").
    The type is the extension, which the upload checks proved the content matches."""
    kind = PurePath(name).suffix.lstrip(".").upper()
    return raw_text("send.file.described", name=name, type=kind, size=filesizeformat(size))


def _as_typed(question, value):
    # A draft's answer saved for later although it fails its checks: what was typed.
    if question.data_type == DataType.DATE:
        return "/".join(reversed(str(value).split("-")))
    return str(value)


def _yes_no_words(value):
    # The words of the step's own radios, so an answer reads as it was given.
    key = {"yes": "send.form.yes", "no": "send.form.no"}.get(value, "send.form.not_answered")
    return raw_text(key)


def blank_answers():
    """No answers at all: what a blank copy of a form is printed from."""
    return AnswerSet()


def load_answers(submission):
    """Every answer of ``submission`` in two queries (three when the form asks for files).

    The form version is read to know which answers are files: select it with the submission
    (``select_related("version")``) to save a query.
    """
    return load_answer_sets([submission])[submission.pk]


def load_answer_sets(submissions):
    """The answers of each of ``submissions`` (with their versions selected), by submission
    id: the same two or three queries however many submissions there are, for pages that list
    many forms' answers (the child's chronology)."""
    submissions = list(submissions)
    values = {s.pk: {} for s in submissions}
    prefilled = {s.pk: [] for s in submissions}
    unchecked = {s.pk: [] for s in submissions}
    repeat_counts = {s.pk: {} for s in submissions}
    saved_steps = {s.pk: {} for s in submissions}
    file_names = {s.pk: {} for s in submissions}
    upload_codes = {s.pk: _upload_codes(s.version.schema) for s in submissions}
    file_ids = set()
    rows = Answer.objects.filter(submission__in=values).values_list(
        "submission_id", "repeat_index", "question_code", "value", "prefilled", "unchecked"
    )
    for pk, repeat, code, value, is_prefilled, is_unchecked in rows:
        values[pk][(code, repeat)] = value
        if is_prefilled:
            prefilled[pk].append((code, repeat))
        if is_unchecked:
            unchecked[pk].append((code, repeat))
        if code in upload_codes[pk] and value not in (None, ""):
            file_ids.add(int(value))
    steps = SubmissionStep.objects.filter(submission__in=values).values_list(
        "submission_id", "group_number", "repeat_count", "complete"
    )
    for pk, number, count, complete in steps:
        repeat_counts[pk][number], saved_steps[pk][number] = count, complete
    if file_ids:
        files = SubmissionFile.objects.filter(submission__in=values, pk__in=file_ids)
        for pk, file_pk, name, size in files.values_list(
            "submission_id", "pk", "original_name", "size"
        ):
            file_names[pk][file_pk] = (name, size)
    return {
        pk: AnswerSet(
            values[pk],
            prefilled[pk],
            repeat_counts[pk],
            file_names[pk],
            unchecked[pk],
            saved_steps[pk],
        )
        for pk in values
    }


def _upload_codes(schema):
    return {
        question["code"]
        for group in schema.get("groups", [])
        for question in group.get("questions", [])
        if question["data_type"] in UPLOAD_TYPES
    }

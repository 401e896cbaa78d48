"""Reading a submission's answers, and showing them in words in the active language.

Check-your-answers pages, printouts and the council's views all read answers through an
:class:`AnswerSet`, so an answer reads the same everywhere.
"""

import datetime
from pathlib import PurePath

from django.template.defaultfilters import filesizeformat
from django.utils import formats

from core.texts import raw_text

from ..models import SubmissionFile
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
    values, prefilled, unchecked, file_ids = {}, [], [], set()
    upload_codes = {
        question["code"]
        for group in submission.version.schema.get("groups", [])
        for question in group.get("questions", [])
        if question["data_type"] in UPLOAD_TYPES
    }
    rows = submission.answers.values_list(
        "repeat_index", "question_code", "value", "prefilled", "unchecked"
    )
    for repeat, code, value, is_prefilled, is_unchecked in rows:
        values[(code, repeat)] = value
        if is_prefilled:
            prefilled.append((code, repeat))
        if is_unchecked:
            unchecked.append((code, repeat))
        if code in upload_codes and value not in (None, ""):
            file_ids.add(int(value))
    repeat_counts, saved_steps = {}, {}
    for number, count, complete in submission.steps.values_list(
        "group_number", "repeat_count", "complete"
    ):
        repeat_counts[number], saved_steps[number] = count, complete
    file_names = {}
    if file_ids:
        file_names = {
            pk: (name, size)
            for pk, name, size in SubmissionFile.objects.filter(
                submission=submission, pk__in=file_ids
            ).values_list("pk", "original_name", "size")
        }
    return AnswerSet(values, prefilled, repeat_counts, file_names, unchecked, saved_steps)

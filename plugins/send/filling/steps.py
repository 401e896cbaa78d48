"""Form steps drawn from a schema: one Django form per question group, with GOV.UK fields.

The SEND team's preview and the citizen journey both build their steps here, so a step looks
and validates the same in both. Fields are named by question code, and in a repeating group
by code and item index (``CHILD_NAME-0``, ``CHILD_NAME-1``). Answers go in (``initial``) and
come out (``answers()``) keyed ``(repeat_index, code)`` with the JSON values ``Answer`` rows
store: strings, ints, decimal strings, ISO dates, "yes"/"no", list values, or None.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.safestring import mark_safe

from core.forms import DayMonthYearWidget, PortalBoundField, PortalForm
from core.texts import raw_text

from .fields import FIELD_TYPES, UploadAnswer

SUBJECT_STEP = 1  # "Subject details", before the SEND team's groups (numbered from 2)
NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"

MAX_REPEATS = 50  # items of a repeating group on one page
ADD, REMOVE = "add", "remove"
SAVE_LATER = "later"  # the "Save and come back later" button's action


def field_name(code, repeat_index=None):
    """A question's field name: ``CODE``, or ``CODE-<index>`` in a repeating group."""
    return code if repeat_index is None else f"{code}-{repeat_index}"


# -- the step's form ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One item of a step: the whole step, or one repeat of a repeating group. ``fields``
    are the questions shown in place; a question revealed under a radio is in that radio's
    field."""

    index: int
    fields: list
    title: str = ""

    @property
    def number(self):
        return self.index + 1

    @property
    def anchor(self):
        """The id of the item's heading, where "Add more" brings the page back."""
        return f"item-{self.number}"


def item_title(group, number):
    """A repeating group's item heading, "Other agency 2", in the active language."""
    return raw_text("send.form.repeat_item", number=number, group=group.name)


@dataclass(frozen=True)
class Reveal:
    """A question revealed under one answer of a radio on the same step."""

    name: str  # the revealed question's field
    controller: str  # the radio's field
    value: str  # the answer that reveals it


class StepBoundField(PortalBoundField):
    """A radio that reveals questions: each revealing answer carries its questions as
    GOV.UK's conditional content (shown without JavaScript; hidden by it until chosen)."""

    def govuk_params(self):
        params = super().govuk_params()
        revealed = [r for r in self.form.reveals if r.controller == self.name]
        for item in params.get("items", []) if revealed else []:
            fields = [self.form[r.name] for r in revealed if r.value == item["value"]]
            if fields:
                html = "".join(str(field.as_field_group()) for field in fields)
                item["conditional"] = {"html": mark_safe(html)}  # noqa: S308 - rendered fields
        return params


class StepForm(PortalForm, forms.Form):
    """The questions of one group; a repeating group's questions ``repeat_count`` times.

    Conditional questions (``schema.FormSchema.is_shown``): one whose controlling question is
    on an earlier step is left out when ``answered(code, index)``, the saved answers, does not
    show it (without ``answered``, as in the preview, it is shown); one controlled on this step
    is revealed under its radio, required only when revealed, and its answer dropped when not.

    A *quiet* form shows what was typed without judging it: the step shown again after
    "Add more" or "Remove", whose errors wait for "Save and continue". It is never valid.
    """

    bound_field_class = StepBoundField

    def __init__(
        self,
        group,
        data=None,
        files=None,
        initial=None,
        repeat_count=1,
        quiet=False,
        answered=None,
    ):
        super().__init__(data, files)
        self.group = group
        self.repeat_count = min(max(repeat_count, 1), MAX_REPEATS) if group.repeating else 1
        self.quiet = quiet
        self.reveals = []
        self._places = []  # (repeat index, question, field name), in page order
        self._titles = {}  # field name → its item's heading, in a repeating group
        for index in range(self.repeat_count):
            self._add_item(index, answered)
        answers = initial or {}
        self.initial = {
            name: self.fields[name].from_answer(answers[index, question.code])
            for index, question, name in self._places
            if (index, question.code) in answers
        }

    def _add_item(self, index, answered):
        group = self.group
        schema = group.form
        names = {}  # code → field name, for the questions shown in this item
        for question in group.questions:
            name = field_name(question.code, index if group.repeating else None)
            controller = schema.controller(question) if schema else None
            on_this_step = controller is not None and controller.group is group
            if on_this_step and controller.code not in names:
                continue  # its radio is not asked either
            decided_earlier = controller is not None and not on_this_step and answered is not None
            if decided_earlier and not schema.is_shown(question, answered, index):
                continue
            field = FIELD_TYPES[question.data_type](question)
            if on_this_step:
                field.required = False  # only once revealed: see full_clean
                value = question.shown_when_values[0]
                self.reveals.append(Reveal(name, names[controller.code], value))
            self.fields[name] = field
            names[question.code] = name
            self._places.append((index, question, name))
            if group.repeating:
                self._titles[name] = item_title(group, index + 1)

    @property
    def items(self):
        revealed = {r.name for r in self.reveals}
        return [
            Item(
                index,
                [
                    self[name]
                    for i, _question, name in self._places
                    if i == index and name not in revealed
                ],
                item_title(self.group, index + 1) if self.group.repeating else "",
            )
            for index in range(self.repeat_count)
        ]

    def asked_places(self):
        """(repeat index, question, field name) of the questions the page asks, in order:
        after cleaning, without those left hidden under a radio."""
        cleaned = getattr(self, "cleaned_data", {})
        hidden = {r.name for r in self.reveals if cleaned.get(r.controller) != r.value}
        return [place for place in self._places if place[2] not in hidden]

    @property
    def can_add(self):
        return self.group.repeating and self.repeat_count < MAX_REPEATS

    def add_error(self, field, error):
        """In a repeating group a message names its item ("Other agency 2: Enter the
        agency's name"), at the field and in the error summary alike."""
        title = self._titles.get(field)
        if title:
            error = error if isinstance(error, ValidationError) else ValidationError(error)
            error = ValidationError(
                [
                    ValidationError(f"{title}: {' '.join(entry.messages)}", code=entry.code)
                    for entry in error.error_list
                ]
            )
        super().add_error(field, error)

    def full_clean(self):
        if self.quiet:
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()
        if not self.is_bound:
            return
        for reveal in self.reveals:
            field = self.fields[reveal.name]
            if self.cleaned_data.get(reveal.controller) != reveal.value:
                # Not revealed: never required, and what was typed in it is not kept.
                self._errors.pop(reveal.name, None)
                self.cleaned_data[reveal.name] = None
            elif (
                field.question.mandatory
                and reveal.name not in self._errors
                and self.cleaned_data.get(reveal.name) in field.empty_values
            ):
                self.add_error(reveal.name, field.error(field.required_error))

    def is_valid(self):
        return not self.quiet and super().is_valid()

    def answers(self):
        """``{(repeat_index, code): JSON value}`` for every question asked but files (see
        ``uploads``); None where nothing was given. Only after ``is_valid()``."""
        return {
            (index, question.code): self.fields[name].answer(self.cleaned_data[name])
            for index, question, name in self._places
            if not isinstance(self.fields[name], UploadAnswer)
        }

    def typed_answers(self):
        """What "Save and come back later" keeps: ``(answers, unchecked)``, the answers as
        ``answers()`` gives them for the questions whose checks pass, and for the others what
        was typed (``unchecked`` lists their keys). Only after ``is_valid()``."""
        answers, unchecked = {}, set()
        for index, question, name in self._places:
            field = self.fields[name]
            if isinstance(field, UploadAnswer):
                continue
            if name in self.cleaned_data:
                answers[index, question.code] = field.answer(self.cleaned_data[name])
                continue
            typed = self[name].data
            if typed not in (None, ""):
                answers[index, question.code] = typed
                unchecked.add((index, question.code))
        return answers, unchecked

    def uploads(self):
        """``{(repeat_index, code): UploadedFile}`` for the files chosen on this page."""
        chosen = {
            (index, question.code): self.fields[name].answer(self.cleaned_data[name])
            for index, question, name in self._places
            if isinstance(self.fields[name], UploadAnswer)
        }
        return {key: upload for key, upload in chosen.items() if upload is not None}


def step_form(group, data=None, files=None, initial=None, repeat_count=1, answered=None):
    """The form of one step (a ``schema.GroupSchema``); bound when ``data`` is given.
    ``answered(code, index)`` gives the saved answers that decide conditional questions."""
    return StepForm(
        group, data, files, initial=initial, repeat_count=repeat_count, answered=answered
    )


# -- "Add more" and "Remove" ---------------------------------------------------------------------


def posted_repeat_count(data):
    """How many items the posted page showed (its hidden ``repeat_count``)."""
    try:
        count = int(data.get("repeat_count", 1))
    except (TypeError, ValueError):
        return 1
    return min(max(count, 1), MAX_REPEATS)


def saves_for_later(data):
    """Whether "Save and come back later" was pressed."""
    return data.get("action") == SAVE_LATER


def repeat_action(data):
    """The repeat button pressed: ``(ADD, None)``, ``(REMOVE, index)``, or None for the
    step's main button (or Enter in a field)."""
    action = data.get("action") or ""
    if action == ADD:
        return ADD, None
    kind, _dash, index = action.partition("-")
    if kind == REMOVE and index.isdigit():
        return REMOVE, int(index)
    return None


def repeat_button_form(group, data, initial=None, answered=None):
    """The step shown again after "Add more" (one more, empty item) or "Remove" (the item
    gone, later ones moved up), keeping what was typed, as a quiet form; None when neither
    button was pressed. ``initial`` (answers saved before) moves with the items."""
    pressed = repeat_action(data) if group.repeating else None
    if pressed is None:
        return None
    count = posted_repeat_count(data)
    action, removed = pressed
    if action == ADD:
        return StepForm(
            group, data, initial=initial, repeat_count=count + 1, quiet=True, answered=answered
        )
    if count == 1 or removed >= count:  # nothing to remove: the page as it was
        return StepForm(
            group, data, initial=initial, repeat_count=count, quiet=True, answered=answered
        )
    kept = [index for index in range(count) if index != removed]
    moved = {old: new for new, old in enumerate(kept)}
    return StepForm(
        group,
        _renumbered_data(group, data, moved, count),
        initial={
            (moved[old], code): value
            for (old, code), value in (initial or {}).items()
            if old in moved
        },
        repeat_count=count - 1,
        quiet=True,
        answered=answered,
    )


def _renumbered_data(group, data, moved, count):
    """Posted data with each kept item's values under its new index (``moved``: old index
    to new), date parts included."""

    def keys(code, index):
        name = field_name(code, index)
        return [name, *(f"{name}-{part}" for part in DayMonthYearWidget.parts)]

    item_keys = {key for q in group.questions for i in range(count) for key in keys(q.code, i)}
    result = {key: data.get(key) for key in data if key not in item_keys}
    for old, new in moved.items():
        for question in group.questions:
            for old_key, new_key in zip(
                keys(question.code, old), keys(question.code, new), strict=True
            ):
                if old_key in data:
                    result[new_key] = data.get(old_key)
    return result


# -- pages ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """A row of the task list: a step, where it is, and how far it has got."""

    number: int
    name: str
    url: str
    status: str = NOT_STARTED
    current: bool = False


def task_list(schema, step_url, statuses=None, current=None):
    """The form's steps, "Subject details" first. ``step_url(number)`` gives a step's
    address; ``statuses`` maps step numbers to NOT_STARTED, IN_PROGRESS or COMPLETED."""
    statuses = statuses or {}
    steps = [(SUBJECT_STEP, raw_text("send.form.subject.title"))]
    steps += [(group.number, group.name) for group in schema.groups]
    return [
        Task(number, name, step_url(number), statuses.get(number, NOT_STARTED), number == current)
        for number, name in steps
    ]


def title_prefix():
    """What every SEND form's title starts with, in the active language."""
    return raw_text("send.form.title_prefix")

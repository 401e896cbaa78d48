"""The forms of a new form from the chronology: choosing the form definition, choosing the
earlier answers of questions inherited multiple times, and the whole form on one page, one
panel per step, built from the portal's own steps (``filling.steps``) so every kind of
question asks and checks its answer as on the portal."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ...builder.schema import text
from ...filling.fields import UploadAnswer
from ...filling.steps import MAX_REPEATS, StepForm
from . import services

ADD_ITEM = "add-item-"  # "Add another item" of a repeating group: the action and its number
REMOVE_ITEM = "remove-item-"  # "Remove the last item", for an item added on this page
CONTINUE = "continue"  # "Continue" under the unchanged answers warning


class ChooseFormDefinition(forms.Form):
    form = forms.ModelChoiceField(
        label=_("Form definition"),
        queryset=services.published_forms(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].label_from_instance = lambda definition: (
            f"{text({'en': definition.title_en, 'cy': definition.title_cy})} ({definition.code})"
        )


class ChooseEarlierAnswers(forms.Form):
    """One checkbox list per question inherited multiple times: each earlier answer, its form
    and the date it was approved. The latest answer is ticked to begin with."""

    chosen = forms.CharField(widget=forms.HiddenInput, initial="1")

    def __init__(self, questions, earlier, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {question.code: question for question in questions}
        self.earlier = earlier
        for code, answers in earlier.items():
            question = self.questions[code]
            self.fields[f"inherit-{code}"] = forms.TypedMultipleChoiceField(
                label=question.label,
                help_text=(
                    _("The answers chosen are brought in one after another.")
                    if services.may_choose_several(question)
                    else _("Choose one answer at most.")
                ),
                choices=[
                    (answer.pk, f"{answer.words} — {answer.form_title}, {answer.decided}")
                    for answer in answers
                ],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=[answers[0].pk],
            )

    def clean(self):
        cleaned = super().clean()
        for code in self.earlier:
            name = f"inherit-{code}"
            question = self.questions[code]
            if len(cleaned.get(name) or ()) > 1 and not services.may_choose_several(question):
                self.add_error(name, ValidationError(_("Choose one answer at most.")))
        return cleaned

    def chosen_answers(self):
        """``{code: answer}`` for every question offered: the one answer made from the
        earlier answers ticked (None when none is). Only after ``is_valid()``."""
        chosen = {}
        for code, answers in self.earlier.items():
            ticked = set(self.cleaned_data.get(f"inherit-{code}") or ())
            picked = [answer for answer in answers if answer.pk in ticked]
            chosen[code] = services.combined_answer(self.questions[code], picked)
        return chosen


class InheritingStepForm(StepForm):
    """One step of the new form. Files cannot be added on this page: a file question shows
    the file it inherited and is never required."""

    def __init__(self, group, *args, **kwargs):
        super().__init__(group, *args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, UploadAnswer):
                field.required = False
                field.disabled = True

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            if isinstance(field, UploadAnswer):
                self._errors.pop(name, None)  # a revealed mandatory file cannot be added here

    def unchanged(self, inherited):
        """The keys of ``inherited`` whose answer on this page (as typed, checked alone) is
        still the inherited one: the answers the page outlines."""
        keys = set()
        for index, question, name in self._places:
            key = (index, question.code)
            field = self.fields[name]
            if key not in inherited or isinstance(field, UploadAnswer):
                continue
            if not self.is_bound:
                keys.add(key)
                continue
            try:
                value = field.answer(field.clean(self[name].data))
            except ValidationError:
                continue
            if value == inherited[key]:
                keys.add(key)
        return keys


def posted_count(data, group, default):
    """How many items of a repeating group the posted page showed."""
    try:
        count = int(data.get(f"repeat_count-{group.number}", default))
    except (TypeError, ValueError):
        count = default
    return min(max(count, 1), MAX_REPEATS)


class NewFormPage:
    """Every step of ``schema`` on one page, starting from ``inheritance``.

    Posted, it is checked in two passes: the first reads every answer given; the second
    leaves out the questions those answers do not ask (a question shown only for an answer
    on another step), exactly as the portal's steps do one page at a time."""

    def __init__(self, schema, inheritance, data=None):
        self.schema = schema
        self.inheritance = inheritance
        self.data = data
        self.repeat_pressed = None
        counts = {
            group.number: inheritance.repeat_counts.get(group.number, 1)
            for group in schema.groups
            if group.repeating
        }
        if data is not None:
            counts = {
                number: posted_count(data, schema.group(number), c) for number, c in counts.items()
            }
            self.repeat_pressed = self._repeat_button(data.get("action", ""), counts)
        self.repeat_counts = counts
        self.steps = self._steps(answered=None, quiet=self.repeat_pressed is not None)

    def _repeat_button(self, action, counts):
        """Apply "Add another item" or "Remove the last item" to ``counts``; the group's
        number, or None when neither was pressed. Only an item added on this page can be
        removed: the inherited items keep their places, so their answers stay comparable
        with what they inherited."""
        for prefix, change in ((ADD_ITEM, 1), (REMOVE_ITEM, -1)):
            number = action.removeprefix(prefix)
            if number != action and number.isdigit() and int(number) in counts:
                number = int(number)
                smallest = self.inheritance.repeat_counts.get(number, 1)
                counts[number] = min(max(counts[number] + change, smallest), MAX_REPEATS)
                return number
        return None

    def _steps(self, answered, quiet=False):
        return [
            InheritingStepForm(
                group,
                self.data,
                initial=self.inheritance.for_group(group),
                repeat_count=self.repeat_counts.get(group.number, 1),
                quiet=quiet,
                answered=answered,
            )
            for group in self.schema.groups
        ]

    def is_valid(self):
        """Whether every step's answers pass their checks (never after "Add another item" or
        "Remove the last item", which only show the page again)."""
        if self.data is None or self.repeat_pressed is not None:
            return False
        given = {}
        for step in self.steps:
            step.is_valid()
            given.update(step.typed_answers()[0])
        self.steps = self._steps(answered=lambda code, index=0: given.get((index, code)))
        return all([step.is_valid() for step in self.steps])

    def answers(self):
        """``{(repeat_index, code): value}`` of every step. Only after ``is_valid()``."""
        answers = {}
        for step in self.steps:
            answers.update(step.answers())
        return answers

    def unchanged(self):
        """The inherited answers still as inherited. Only after ``is_valid()``."""
        return services.unchanged_answers(self.inheritance, self.answers())

    @property
    def errors(self):
        """Every message of the page, each with the field it links to, in page order."""
        return [
            entry
            for step in self.steps
            for entry in (step.error_summary or {}).get("errorList", [])
        ]

    def panels(self):
        """What the template draws: one panel per step, its items, and each field with
        whether its answer is still the inherited one and, for a file, the file kept."""
        inherited = self.inheritance.answers
        panels = []
        for step in self.steps:
            unchanged = step.unchanged(inherited)
            items = []
            for item in step.items:
                fields = []
                for bound in item.fields:
                    key = (item.index, bound.field.question.code)
                    is_file = isinstance(bound.field, UploadAnswer)
                    if key in unchanged:
                        # Screen readers hear "Inherited" with the question (see the template).
                        bound.field.widget.attrs["aria-describedby"] = f"inherited-{bound.auto_id}"
                    fields.append(
                        {
                            "field": bound,
                            "inherited": key in unchanged or (is_file and key in inherited),
                            "file": self.inheritance.file_words(key) if is_file else None,
                        }
                    )
                items.append({"title": item.title, "number": item.number, "fields": fields})
            added = step.repeat_count - self.inheritance.repeat_counts.get(step.group.number, 1)
            panels.append(
                {"step": step, "group": step.group, "items": items, "can_remove": added > 0}
            )
        return panels

"""Conditional questions: a question asked only when an earlier question of the form has one of
the given answers ("Names of the other people with parental responsibility" only after "Yes"
to "Does anyone else have parental responsibility?").

The rules, checked when the SEND team sets a condition, when a form file is imported and again
when publishing (questions may have moved or gone since):

- the controlling question is a yes/no question or a choice from a list placed *earlier* on the
  form (an earlier step, or higher on the same step), so conditions can never form a cycle;
- every value is one of its answers;
- a controlling question in a repeating group only controls questions of that group (each item
  then follows its own answer);
- on the same step the question is revealed under its controlling radio (GOV.UK's conditional
  reveal), so that radio must be shown as radios, the condition names one answer, and a
  revealed question does not reveal another on the same step (GOV.UK advises against nesting).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import DataType, GroupQuestion
from ..models.questions import QuestionChoice

MAX_RADIOS = 8  # a longer list is shown as a select, which cannot reveal a question
YES_NO_VALUES = ("yes", "no")


@dataclass(frozen=True)
class Place:
    """A question where it stands on a form, as the rules need it."""

    code: str
    group: int  # the group's number
    repeating: bool
    data_type: str
    values: tuple  # the answers it can have: ("yes", "no") or its list items' values
    shown_when: str | None = None
    shown_when_values: tuple = ()

    @property
    def can_control(self):
        return self.data_type in (DataType.YES_NO, DataType.CHOICE)


def answer_values(data_type, choice_values):
    return YES_NO_VALUES if data_type == DataType.YES_NO else tuple(choice_values)


def condition_problem(places, place, controller_code, values):
    """Why ``place`` cannot be shown only when ``controller_code`` has one of ``values``
    (None when it can). ``places`` are the form's questions in order."""
    order = [p.code for p in places]
    controller = next((p for p in places if p.code == controller_code), None)
    words = {"code": place.code, "other": controller_code}
    if controller is None:
        return _("%(code)s depends on %(other)s, which is not on the form.") % words
    if order.index(controller.code) >= order.index(place.code):
        return _("%(code)s can only depend on a question asked before it; %(other)s is not.") % (
            words
        )
    if not controller.can_control:
        return (
            _(
                "%(code)s can only depend on a yes or no question or a choice from a list; "
                "%(other)s is neither."
            )
            % words
        )
    if not values:
        return _("Choose the answers of %(other)s that show %(code)s.") % words
    unknown = [value for value in values if value not in controller.values]
    if unknown:
        return _("%(other)s has no answer %(values)s.") % {
            **words,
            "values": ", ".join(map(str, unknown)),
        }
    if controller.repeating and controller.group != place.group:
        return (
            _(
                "%(other)s is in a repeating group, so only questions of that group can depend on it."
            )
            % words
        )
    if controller.group == place.group:
        return _same_step_problem(places, controller, values, words)
    return None


def _same_step_problem(places, controller, values, words):
    if controller.data_type == DataType.CHOICE and len(controller.values) > MAX_RADIOS:
        return _(
            "%(other)s has more than %(max)s list items, so it is shown as a drop-down that "
            "cannot reveal %(code)s on the same step. Put %(code)s on a later step."
        ) % {**words, "max": MAX_RADIOS}
    if len(values) != 1:
        return (
            _(
                "%(code)s is revealed under one answer of %(other)s on the same step: choose one "
                "answer, or put %(code)s on a later step."
            )
            % words
        )
    grandparent = next((p for p in places if p.code == controller.shown_when), None)
    if grandparent is not None and grandparent.group == controller.group:
        return (
            _(
                "%(other)s is itself revealed on this step, so it cannot reveal %(code)s too. Put "
                "%(code)s on a later step."
            )
            % words
        )
    return None


def form_places(form):
    """The questions of ``form``'s working copy, in order, with their conditions."""
    items = (
        GroupQuestion.objects.filter(form=form)
        .select_related("group", "question", "shown_when")
        .order_by("group__number", "group__pk", "sort_order", "pk")
    )
    items = list(items)
    choices = {}
    for question_id, value in QuestionChoice.objects.filter(
        question__in=[item.question_id for item in items]
    ).values_list("question_id", "value"):
        choices.setdefault(question_id, []).append(value)
    return [
        Place(
            code=item.question.code,
            group=item.group.number,
            repeating=item.group.repeating,
            data_type=item.question.data_type,
            values=answer_values(item.question.data_type, choices.get(item.question_id, [])),
            shown_when=item.shown_when.code if item.shown_when else None,
            shown_when_values=tuple(item.shown_when_values or ()),
        )
        for item in items
    ]


def condition_problems(places):
    """Every condition of the form that breaks a rule, as messages."""
    return [
        problem
        for place in places
        if place.shown_when
        and (problem := condition_problem(places, place, place.shown_when, place.shown_when_values))
    ]


def file_condition_problems(groups, question_of, conditions):
    """The rules applied to a form file being imported: ``groups`` are (QuestionGroup, codes)
    in order, ``question_of(code)`` gives (data type, list item values) or None for a question
    the file does not describe, ``conditions`` maps codes to (controlling code, values, where
    in the file). Returns (where, problem) pairs."""
    places = []
    for group, codes in groups:
        for code in codes if isinstance(codes, list) else []:
            question = question_of(code)
            if question is None:
                continue
            data_type, choice_values = question
            controller, values, _where = conditions.get(code, (None, (), ""))
            places.append(
                Place(
                    code=code,
                    group=group.number,
                    repeating=group.repeating,
                    data_type=data_type,
                    values=answer_values(data_type, choice_values),
                    shown_when=controller,
                    shown_when_values=tuple(values),
                )
            )
    return [
        (conditions[place.code][2], problem)
        for place in places
        if place.shown_when
        and (problem := condition_problem(places, place, place.shown_when, place.shown_when_values))
    ]


def set_condition(item, controller=None, values=()):
    """Show ``item`` (a GroupQuestion) only when question ``controller`` has one of ``values``;
    without a controller the question is always asked."""
    values = [str(value) for value in values]
    if controller is not None:
        places = form_places(item.group.form)
        place = next(p for p in places if p.code == item.question.code)
        problem = condition_problem(places, place, controller.code, values)
        if problem:
            raise ValidationError(problem, code="condition")
    item.shown_when = controller
    item.shown_when_values = values if controller is not None else []
    item.save(update_fields=["shown_when", "shown_when_values"])

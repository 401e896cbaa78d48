"""The shape of a published form version, and read access to it in the active language.

A version's ``schema`` is plain JSON so it never changes when the bank or the definition
does::

    {"format": 1, "code": "EHC_REQ", "portal_type": "citizen", "user_type": "parent_carer",
     "title": {"en": "...", "cy": "..."}, "guidance": {"en": "...", "cy": "..."},
     "groups": [{"number": 2, "name": {...}, "guidance": {...}, "repeating": false,
                 "questions": [{"code": "CHILD_VIEWS", "label": {...}, "hint": {...},
                                "data_type": "memo", "max_length": 2000, "mandatory": true,
                                "spellcheck": true, "in_chronology": false, "inherit_multiple": false,
                                "choices": [{"value": "yes", "label": {...}}],
                                "shown_when": {"question": "OTHER_PR", "values": ["yes"]}}]}]}

Welsh words fall back to English where the SEND team left them empty. ``shown_when`` (None for a
question always asked) came after the first versions were published: a version without it
asks every question.
"""

from django.db.models import Prefetch
from django.utils import translation

from ..models import GroupQuestion, QuestionChoice

SCHEMA_FORMAT = 1


def current_language():
    return "cy" if (translation.get_language() or "en").startswith("cy") else "en"


def text(values, language=None):
    """``values`` in ``language`` (default: the active one), falling back to English."""
    values = values or {}
    return values.get(language or current_language()) or values.get("en") or ""


def bilingual(obj, field):
    return {"en": getattr(obj, f"{field}_en"), "cy": getattr(obj, f"{field}_cy")}


def question_schema(question):
    """A bank question as JSON (its ``choices`` should be prefetched)."""
    return {
        "code": question.code,
        "label": bilingual(question, "label"),
        "hint": bilingual(question, "hint"),
        "data_type": question.data_type,
        "max_length": question.max_length,
        "mandatory": question.mandatory,
        "spellcheck": question.spellcheck,
        "in_chronology": question.in_chronology,
        "inherit_multiple": question.inherit_multiple,
        "choices": [
            {"value": choice.value, "label": bilingual(choice, "label")}
            for choice in question.choices.all()
        ],
    }


def condition_schema(item):
    """A placed question's condition (see ``conditions``) as JSON, or None."""
    if item.shown_when_id is None:
        return None
    return {"question": item.shown_when.code, "values": list(item.shown_when_values)}


def form_groups(form):
    """The form's groups with their questions and list items, in four queries."""
    items = GroupQuestion.objects.select_related("question", "shown_when").prefetch_related(
        Prefetch("question__choices", queryset=QuestionChoice.objects.order_by("sort_order"))
    )
    return form.groups.prefetch_related(Prefetch("items", queryset=items)).order_by("number", "pk")


def build_schema(form):
    """The schema of the form's working copy: what publishing would freeze."""
    return {
        "format": SCHEMA_FORMAT,
        "code": form.code,
        "portal_type": form.portal_type,
        "user_type": form.user_type,
        "title": bilingual(form, "title"),
        "guidance": bilingual(form, "guidance"),
        "groups": [
            {
                "number": group.number,
                "name": bilingual(group, "name"),
                "guidance": bilingual(group, "guidance"),
                "repeating": group.repeating,
                "questions": [
                    {**question_schema(item.question), "shown_when": condition_schema(item)}
                    for item in group.items.all()
                ],
            }
            for group in form_groups(form)
        ],
    }


class QuestionSchema:
    def __init__(self, data, group):
        self.data = data
        self.group = group
        self.code = data["code"]
        self.data_type = data["data_type"]
        self.max_length = data.get("max_length")
        self.mandatory = data.get("mandatory", False)
        # Versions published before the flag existed have no key: not spell checked.
        self.spellcheck = data.get("spellcheck", False)
        self.in_chronology = data.get("in_chronology", False)
        self.inherit_multiple = data.get("inherit_multiple", False)
        condition = data.get("shown_when") or {}
        self.shown_when = condition.get("question")
        self.shown_when_values = tuple(condition.get("values", ()))

    @property
    def label(self):
        return text(self.data["label"])

    @property
    def hint(self):
        return text(self.data.get("hint"))

    @property
    def choices(self):
        """(stored value, words in the active language) pairs."""
        return [(c["value"], text(c["label"])) for c in self.data.get("choices", [])]


class GroupSchema:
    def __init__(self, data, form=None):
        self.data = data
        self.form = form
        self.number = data["number"]
        self.repeating = data.get("repeating", False)
        self.questions = [QuestionSchema(q, self) for q in data.get("questions", [])]

    @property
    def name(self):
        return text(self.data["name"])

    @property
    def guidance(self):
        return text(self.data.get("guidance"))


class FormSchema:
    """Read access to a schema: ``FormSchema(version.schema)``."""

    def __init__(self, data):
        self.data = data
        self.code = data["code"]
        self.portal_type = data["portal_type"]
        self.user_type = data["user_type"]
        self.groups = [GroupSchema(g, self) for g in data.get("groups", [])]
        self._groups = {g.number: g for g in self.groups}
        self.questions = {q.code: q for g in self.groups for q in g.questions}

    @property
    def title(self):
        return text(self.data["title"])

    @property
    def guidance(self):
        return text(self.data.get("guidance"))

    def group(self, number):
        """The group numbered ``number``, or None."""
        return self._groups.get(number)

    def next_group(self, number):
        later = [g for g in self.groups if g.number > number]
        return later[0] if later else None

    def previous_group(self, number):
        earlier = [g for g in self.groups if g.number < number]
        return earlier[-1] if earlier else None

    def controller(self, question):
        """The question that decides whether ``question`` is asked, or None."""
        return self.questions.get(question.shown_when) if question.shown_when else None

    def is_shown(self, question, value, index=0):
        """Whether ``question`` is asked, given ``value(code, index)``, the stored answers.
        A question is hidden when its controlling question is hidden or has another answer;
        in a repeating group each item follows its own answer."""
        controller = self.controller(question)
        if controller is None:
            return True
        at = index if controller.group.repeating else 0
        return value(controller.code, at) in question.shown_when_values and self.is_shown(
            controller, value, at
        )

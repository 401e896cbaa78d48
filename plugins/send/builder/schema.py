"""The shape of a published form version, and read access to it in the active language.

A version's ``schema`` is plain JSON so it never changes when the bank or the definition
does::

    {"format": 1, "code": "EHC_REQ", "portal_type": "citizen", "user_type": "parent_carer",
     "title": {"en": "...", "cy": "..."}, "guidance": {"en": "...", "cy": "..."},
     "groups": [{"number": 2, "name": {...}, "guidance": {...}, "repeating": false,
                 "questions": [{"code": "CHILD_VIEWS", "label": {...}, "hint": {...},
                                "data_type": "memo", "max_length": 2000, "mandatory": true,
                                "spellcheck": true, "in_chronology": false, "inherit_multiple": false,
                                "choices": [{"value": "yes", "label": {...}}]}]}]}

Welsh words fall back to English where the SEND team left them empty.
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


def form_groups(form):
    """The form's groups with their questions and list items, in four queries."""
    items = GroupQuestion.objects.select_related("question").prefetch_related(
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
                "questions": [question_schema(item.question) for item in group.items.all()],
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
    def __init__(self, data):
        self.data = data
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
        self.groups = [GroupSchema(g) for g in data.get("groups", [])]
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

"""Importing a form file (the format is described in :mod:`plugins.send.builder.transfer`):
reading and checking every key of the decoded file, then writing the form, its groups and the
questions the bank lacks."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import (
    DataType,
    FormDefinition,
    GroupQuestion,
    Question,
    QuestionChoice,
    QuestionGroup,
)
from ..models.questions import clean_code, validate_question_code
from .conditions import file_condition_problems

# The bank fields an imported question must match to reuse a question already on the site.
COMPARED_FIELDS = [
    "label_en",
    "label_cy",
    "hint_en",
    "hint_cy",
    "data_type",
    "max_length",
    "mandatory",
    "spellcheck",
    "in_chronology",
    "inherit_multiple",
]


def is_number(value):
    # JSON true/false arrive as bool, which Python also counts as int.
    return isinstance(value, int) and not isinstance(value, bool)


# What each key of the file holds: a check, and its name in messages.
TEXT = (lambda value: isinstance(value, str), gettext_lazy("text in quotes"))
FLAG = (lambda value: isinstance(value, bool), gettext_lazy("true or false"))
NUMBER = (is_number, gettext_lazy("a whole number"))
OPTIONAL_NUMBER = (
    lambda value: value is None or is_number(value),
    gettext_lazy("a whole number or null"),
)
LIST = (lambda value: isinstance(value, list), gettext_lazy("a list ([…])"))
WORDS = "words"  # {"en": text, "cy": text}

FORM_KEYS = {
    "code": TEXT,
    "title": WORDS,
    "guidance": WORDS,
    "subtitle": TEXT,
    "description": TEXT,
    "portal_type": TEXT,
    "user_type": TEXT,
    "groups": LIST,
}
GROUP_KEYS = {
    "number": NUMBER,
    "name": WORDS,
    "guidance": WORDS,
    "repeating": FLAG,
    "questions": LIST,
}
QUESTION_KEYS = {
    "code": TEXT,
    "label": WORDS,
    "hint": WORDS,
    "data_type": TEXT,
    "max_length": OPTIONAL_NUMBER,
    "mandatory": FLAG,
    "in_chronology": FLAG,
    "inherit_multiple": FLAG,
    "choices": LIST,
}
# Keys added to the format since files were first written: a file without one gets the
# default, so forms exported before still import.
OPTIONAL_QUESTION_KEYS = {"spellcheck": (FLAG, False)}
CHOICE_KEYS = {"value": TEXT, "label": WORDS}
# A group's optional "shown_when": {question code: {"question": code, "values": [answers]}}.
CONDITION_KEYS = {"question": TEXT, "values": LIST}


def _fields(**values):
    """Model field values from the file's keys: ``{"en": …, "cy": …}`` becomes ``x_en``/``x_cy``."""
    fields = {}
    for key, value in values.items():
        if isinstance(value, dict):
            fields[f"{key}_en"], fields[f"{key}_cy"] = value["en"], value["cy"]
        else:
            fields[key] = value
    return fields


class ImportPlan:
    """Reads and checks a decoded file, then writes it. Problems are collected rather than
    raised one by one so the SEND team can fix the file in one go."""

    def __init__(self, data, code, bank_wins=False):
        self.problems = []
        self.bank_wins = bank_wins
        self.new_code = clean_code(code) if code else None
        self.form = None
        self.groups = []  # (QuestionGroup, [question codes])
        self.conditions = {}  # question code → (controlling code, [values], where)
        self.described = {}  # every question code the file describes → where
        self.questions = {}  # code → (Question, [QuestionChoice]), the well-formed ones
        self.existing = {}  # code → the bank's identical Question
        questions_readable = self._read_questions(data)
        if "form" in data:
            self._read_form(data["form"], questions_readable)
        else:
            self.problem("form", _("this key is missing."))
        self._check_site()
        if self.problems:
            raise ValidationError(self.problems, code="invalid")

    def problem(self, where, message):
        self.problems.append(f"{where}: {message}")

    def keys(self, obj, spec, where):
        """``obj``'s values for ``spec``, or None once a key is missing or of the wrong type."""
        if not isinstance(obj, dict):
            self.problem(where, _("should be an object ({…})."))
            return None
        values = {}
        for key, kind in spec.items():
            here = f"{where}.{key}"
            if key not in obj:
                self.problem(here, _("this key is missing."))
            elif kind == WORDS:
                words = self.keys(obj[key], {"en": TEXT, "cy": TEXT}, here)
                if words is not None:
                    values[key] = words
            elif not kind[0](obj[key]):
                self.problem(here, _("should be %(kind)s.") % {"kind": kind[1]})
            else:
                values[key] = obj[key]
        return values if len(values) == len(spec) else None

    def optional_keys(self, obj, spec, where):
        """``obj``'s values for ``spec`` (key → (kind, default)), the default for a missing
        key; None when one is of the wrong type."""
        values = {}
        for key, (kind, default) in spec.items():
            value = obj.get(key, default)
            if not kind[0](value):
                self.problem(f"{where}.{key}", _("should be %(kind)s.") % {"kind": kind[1]})
                return None
            values[key] = value
        return values

    def model_problems(self, instance, where, exclude=(), labels=None):
        """The model's own rules (lengths, choices, group numbers…) reported at the file's
        keys: ``name_cy`` becomes ``name.cy``. ``exclude``: fields not checked here, including
        by the model's ``clean()``; ``labels`` names fields that are not keys."""
        try:
            instance.full_clean(exclude=list(exclude), validate_unique=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in exclude:
                    continue
                if labels and field in labels:
                    here = labels[field]
                elif field == NON_FIELD_ERRORS:
                    here = where
                elif field.endswith(("_en", "_cy")):
                    here = f"{where}.{field[:-3]}.{field[-2:]}"
                else:
                    here = f"{where}.{field}"
                for message in messages:
                    self.problem(here, message)

    # -- the questions ----------------------------------------------------------------------

    def _read_questions(self, data):
        """Read "questions"; False when the key itself is unusable."""
        if "questions" not in data:
            self.problem("questions", _("this key is missing."))
            return False
        questions = data["questions"]
        if not isinstance(questions, list):
            self.problem("questions", _("should be a list ([…]) of the form's questions."))
            return False
        for index, question_data in enumerate(questions):
            self._read_question(question_data, f"questions[{index}]")
        return True

    def _read_question(self, data, where):
        # A question with a readable code counts as described even when other keys are
        # wrong, so the groups that use it are not reported as well.
        code = data.get("code") if isinstance(data, dict) else None
        if isinstance(code, str):
            if code in self.described:
                self.problem(
                    f"{where}.code",
                    _("question %(code)s is described twice (also at %(other)s).")
                    % {"code": code, "other": self.described[code]},
                )
                return
            self.described[code] = where
        known_problems = len(self.problems)
        values = self.keys(data, QUESTION_KEYS, where)
        if values is None:
            return
        optional = self.optional_keys(data, OPTIONAL_QUESTION_KEYS, where)
        if optional is None or self._question_code_problem(code, f"{where}.code"):
            return
        values.update(optional)
        del values["code"]
        choices = self._read_choices(values.pop("choices"), values["data_type"], where)
        question = Question(code=code, **_fields(**values))
        exclude = ["code"]
        if values["data_type"] not in DataType.values:
            self.problem(
                f"{where}.data_type",
                _("“%(type)s” is not a data type. Use one of: %(types)s.")
                % {"type": values["data_type"], "types": ", ".join(DataType.values)},
            )
            # Whether a maximum length or spell checking is allowed depends on the type.
            exclude += ["data_type", "max_length", "spellcheck"]
        self.model_problems(question, where, exclude)
        if len(self.problems) == known_problems:
            self.questions[code] = (question, choices)

    def _question_code_problem(self, code, where):
        """The bank's rules for codes, applied to the code as written: a file that needs
        tidying is refused rather than changed, since its groups refer to the codes."""
        try:
            validate_question_code(code)
        except ValidationError as error:
            self.problem(where, error.messages[0])
            return True
        limit = Question._meta.get_field("code").max_length
        if len(code) > limit:
            self.problem(
                where, _("a question code has at most %(limit)s characters.") % {"limit": limit}
            )
            return True
        return False

    def _read_choices(self, choices, data_type, where):
        if data_type == DataType.CHOICE and not choices:
            self.problem(f"{where}.choices", _("a choice question needs at least one list item."))
        items = []
        for index, choice_data in enumerate(choices):
            here = f"{where}.choices[{index}]"
            fields = self.keys(choice_data, CHOICE_KEYS, here)
            if fields is None:
                continue
            item = QuestionChoice(
                value=fields["value"], sort_order=index, **_fields(label=fields["label"])
            )
            # As the bank does when saving: bulk inserts skip save().
            item.value = item.stored_value()
            if item.value in {other.value for other in items}:
                self.problem(
                    f"{here}.value",
                    _("another item of this question already stores “%(value)s”.")
                    % {"value": item.value},
                )
            self.model_problems(item, here, exclude=["question"])
            items.append(item)
        return items

    # -- the form and its groups ------------------------------------------------------------

    def _read_form(self, data, questions_readable):
        values = self.keys(data, FORM_KEYS, "form")
        groups = data.get("groups") if isinstance(data, dict) else None
        placed = {}
        for index, group_data in enumerate(groups if isinstance(groups, list) else []):
            self._read_group(group_data, f"form.groups[{index}]", placed, questions_readable)
        if questions_readable and isinstance(groups, list):
            for code, where in self.described.items():
                if code not in placed:
                    self.problem(
                        where,
                        _("question %(code)s is not in any group. Take it out of the file.")
                        % {"code": code},
                    )
        if values is None:
            return
        del values["groups"]
        file_code = values.pop("code")
        self.form = FormDefinition(
            code=self.new_code or clean_code(file_code), live=False, **_fields(**values)
        )
        labels = {"code": _("New form code")} if self.new_code else None
        self.model_problems(self.form, "form", labels=labels)

    def _read_group(self, data, where, placed, questions_readable):
        # The group's questions are read even when its other keys are wrong, so they are
        # not also reported as in no group.
        codes = data.get("questions") if isinstance(data, dict) else None
        for index, code in enumerate(codes if isinstance(codes, list) else []):
            here = f"{where}.questions[{index}]"
            if not isinstance(code, str):
                self.problem(here, _("should be a question code in quotes."))
                continue
            if code in placed:
                self.problem(
                    here,
                    _("question %(code)s is already on the form, at %(other)s.")
                    % {"code": code, "other": placed[code]},
                )
                continue
            # Without a readable "questions" list, every code would be reported here too.
            if questions_readable and code not in self.described:
                self.problem(
                    here, _("question %(code)s is not described in “questions”.") % {"code": code}
                )
            placed[code] = here
        self._read_conditions(data, where, codes)
        values = self.keys(data, GROUP_KEYS, where)
        if values is None:
            return
        del values["questions"]
        group = QuestionGroup(**_fields(**values))
        self.model_problems(group, where, exclude=["form"])
        self.groups.append((group, codes))

    def _read_conditions(self, data, where, codes):
        conditions = data.get("shown_when", {}) if isinstance(data, dict) else {}
        if not isinstance(conditions, dict):
            self.problem(f"{where}.shown_when", _("should be an object ({…})."))
            return
        for code, condition in conditions.items():
            here = f"{where}.shown_when.{code}"
            if not isinstance(codes, list) or code not in codes:
                self.problem(here, _("question %(code)s is not in this group.") % {"code": code})
                continue
            values = self.keys(condition, CONDITION_KEYS, here)
            if values is not None:
                self.conditions[code] = (values["question"], values["values"], here)

    def _check_conditions(self):
        """The builder's rules for conditions, on the questions as this site will have them
        (the bank's where it already has them)."""

        def question_of(code):
            if code in self.existing:
                question = self.existing[code]
                return question.data_type, [c.value for c in question.choices.all()]
            if code in self.questions:
                question, choices = self.questions[code]
                return question.data_type, [c.value for c in choices]
            return None

        for where, problem in file_condition_problems(self.groups, question_of, self.conditions):
            self.problem(where, problem)

    # -- what the site already has ----------------------------------------------------------

    def _check_site(self):
        if self.form is not None and FormDefinition.objects.filter(code=self.form.code).exists():
            if self.new_code:
                self.problem(
                    _("New form code"),
                    _("this site already has a form with the code %(code)s. Choose another.")
                    % {"code": self.form.code},
                )
            else:
                self.problem(
                    "form.code",
                    _(
                        "this site already has a form with the code %(code)s. Import it under "
                        "a new code."
                    )
                    % {"code": self.form.code},
                )
        if not self.questions:
            return
        in_bank = Question.objects.filter(code__in=self.questions).prefetch_related(
            Prefetch("choices", queryset=QuestionChoice.objects.order_by("sort_order"))
        )
        for existing in in_bank:
            differences = not self.bank_wins and _differences(
                existing, *self.questions[existing.code]
            )
            if differences:
                self.problems.append(
                    _(
                        "Question %(code)s already exists on this site with a different "
                        "definition (%(differences)s). Rename it in the file, or make the two "
                        "the same."
                    )
                    % {"code": existing.code, "differences": ", ".join(differences)}
                )
            self.existing[existing.code] = existing
        self._check_conditions()

    # -- writing ----------------------------------------------------------------------------

    def write(self):
        """Form, new questions and their list items, groups, placements: a constant number of
        statements however long the form is (bulk inserts return the new keys on PostgreSQL
        and SQLite)."""
        self.form.save()
        new = {code: pair for code, pair in self.questions.items() if code not in self.existing}
        Question.objects.bulk_create(question for question, _items in new.values())
        items = []
        for question, choices in new.values():
            for item in choices:
                item.question = question
                items.append(item)
        QuestionChoice.objects.bulk_create(items)
        bank = {code: question for code, (question, _items) in new.items()} | self.existing
        for group, _codes in self.groups:
            group.form = self.form
        QuestionGroup.objects.bulk_create(group for group, _codes in self.groups)
        GroupQuestion.objects.bulk_create(
            GroupQuestion(
                form=self.form,
                group=group,
                question=bank[code],
                sort_order=order,
                shown_when=bank[self.conditions[code][0]] if code in self.conditions else None,
                shown_when_values=self.conditions[code][1] if code in self.conditions else [],
            )
            for group, codes in self.groups
            for order, code in enumerate(codes, start=1)
        )
        return self.form


def _differences(existing, question, choices):
    """What differs between a bank question and the file's, in the admin's words."""
    names = [
        str(Question._meta.get_field(field).verbose_name)
        for field in COMPARED_FIELDS
        if getattr(existing, field) != getattr(question, field)
    ]
    if _items(existing.choices.all()) != _items(choices):
        names.append(str(QuestionChoice._meta.verbose_name_plural))
    return names


def _items(choices):
    return [(item.value, item.label_en, item.label_cy) for item in choices]

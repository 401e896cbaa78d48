"""The answer fields of a step's form, one per data type, with GOV.UK widgets. Each turns what
was typed into the JSON value an ``Answer`` row stores (see steps.py)."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from core.config import portal_settings
from core.forms import DayMonthYearWidget
from core.texts import raw_text

from ..builder.conditions import MAX_RADIOS  # longer lists are a select
from ..models import DataType
from .uploads import accepted_extensions, types_in_words

NOT_ANSWERED = "not_answered"

_WHOLE_NUMBER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_INPUT_WIDTHS = (2, 3, 4, 5, 10, 20, 30)  # GOV.UK's fixed-width inputs, in characters


class AnswerField:
    """Mixin for a question's field: label and hint from the schema, portal-text errors.

    ``from_answer`` turns a stored JSON value into the field's initial value; ``answer``
    turns the cleaned value into the JSON value to store.
    """

    required_error = "enter"

    def __init__(self, question, **kwargs):
        self.question = question
        super().__init__(
            label=question.label,
            help_text=question.hint,
            required=question.mandatory,
            **kwargs,
        )

    def error(self, key, **placeholders):
        message = raw_text(f"send.form.error.{key}", label=self.question.label, **placeholders)
        return ValidationError(message, code=key)

    def validate(self, value):
        if self.required and value in self.empty_values:
            raise self.error(self.required_error)

    def from_answer(self, value):
        return value

    def answer(self, value):
        return None if value in self.empty_values else value


def _width(max_length):
    return next((f"govuk-input--width-{w}" for w in _INPUT_WIDTHS if max_length <= w), None)


class TextAnswer(AnswerField, forms.Field):
    def __init__(self, question):
        # Said either way: browsers check some fields unasked, and names or codes marked
        # as misspelt look like mistakes to the person filling in the form.
        spellcheck = "true" if question.spellcheck else "false"
        if question.data_type == DataType.MEMO:
            # No maxlength on a textarea: pasted text would be cut short without a word,
            # so the limit is only checked here, with a message.
            widget = forms.Textarea(attrs={"rows": 5, "spellcheck": spellcheck})
        else:
            attrs = {"spellcheck": spellcheck}
            if question.max_length:
                attrs["maxlength"] = question.max_length
                if width := _width(question.max_length):
                    attrs["class"] = width
            widget = forms.TextInput(attrs=attrs)
        super().__init__(question, widget=widget)

    def to_python(self, value):
        # Browsers send line breaks as two characters; people count them as one.
        return (value or "").replace("\r\n", "\n").strip()

    def validate(self, value):
        super().validate(value)
        limit = self.question.max_length
        if limit and len(value) > limit:
            raise self.error("too_long", max=limit)


class NumberAnswer(AnswerField, forms.Field):
    """A typed number, tolerating spaces and thousands separators ("1,250"). Any other
    comma is refused rather than guessed at: "1,5" may mean one and a half."""

    def __init__(self, question):
        whole = question.data_type == DataType.INTEGER
        self.pattern, self.type_error = (
            (_WHOLE_NUMBER, "whole_number") if whole else (_NUMBER, "number")
        )
        attrs = {
            "inputmode": "numeric" if whole else "decimal",
            "spellcheck": "false",
            "class": "govuk-input--width-10",
        }
        super().__init__(question, widget=forms.TextInput(attrs=attrs))

    def to_python(self, value):
        value = re.sub(r"\s", "", value or "")
        if not value:
            return None
        if "," in value and _THOUSANDS.fullmatch(value):
            value = value.replace(",", "")
        if not self.pattern.fullmatch(value):
            raise self.error(self.type_error)
        try:
            return int(value) if self.pattern is _WHOLE_NUMBER else str(Decimal(value))
        except ValueError:  # more digits than Python converts
            raise self.error(self.type_error) from None

    def from_answer(self, value):
        return None if value is None else str(value)


class YesNoAnswer(AnswerField, forms.ChoiceField):
    """Yes, No or not answered. An optional question offers "Not answered" so an answer
    given by mistake can be taken back (radios cannot be cleared)."""

    required_error = "select_yes_no"

    def __init__(self, question):
        choices = [("yes", raw_text("send.form.yes")), ("no", raw_text("send.form.no"))]
        if not question.mandatory:
            choices.append((NOT_ANSWERED, raw_text("send.form.not_answered")))
        widget = forms.RadioSelect(attrs={"class": "govuk-radios--inline"})
        super().__init__(question, choices=choices, widget=widget)

    def to_python(self, value):
        if value in (None, "", NOT_ANSWERED):
            return None
        if value not in ("yes", "no"):
            raise self.error("not_in_list")
        return value


class ListAnswer(AnswerField, forms.ChoiceField):
    """One item of the question's list: radios, or a select for a long list."""

    required_error = "select"

    def __init__(self, question):
        choices = question.choices
        if len(choices) <= MAX_RADIOS:
            widget = forms.RadioSelect
        else:
            widget = forms.Select
            choices = [("", raw_text("send.form.choose")), *choices]
        super().__init__(question, choices=choices, widget=widget)

    def to_python(self, value):
        if value in (None, ""):
            return None
        if not self.valid_value(value):
            raise self.error("not_in_list")
        return value


class DateAnswer(AnswerField, forms.Field):
    """The GOV.UK day, month and year boxes; only a real date with a four-digit year."""

    widget = DayMonthYearWidget
    required_error = "enter_date"

    def to_python(self, value):
        if not value:
            return None
        if isinstance(value, datetime.date):
            return value
        year, month, day = value.split("-", 2)  # as DayMonthYearWidget joins them
        if not (year and month and day):
            raise self.error("date_incomplete")
        if not (year.isdigit() and len(year) == 4 and month.isdigit() and day.isdigit()):
            raise self.error("date_real")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise self.error("date_real") from None

    def from_answer(self, value):
        try:
            return datetime.date.fromisoformat(value) if value else None
        except ValueError:  # kept as typed by "Save and come back later": shown back as is
            return value

    def answer(self, value):
        return value.isoformat() if value else None


class UploadAnswer(AnswerField, forms.FileField):
    """A file input. Scanning and storing the file are the uploads' business: this field
    only asks for a file when the question is mandatory and none was added before (the
    form's initial value for the field is the file already added, shown by name)."""

    required_error = "select_file"
    widget = forms.FileInput

    def __init__(self, question):
        self.extensions = accepted_extensions(question.data_type)
        super().__init__(question, template_name="send/form/_file_upload.html")

    @property
    def accept(self):
        """The input's ``accept``: the file chooser offers only these types."""
        return ",".join(self.extensions)

    @property
    def rules(self):
        """What the person reads before choosing a file: the types and the largest size."""
        return raw_text(
            "send.upload.rules",
            types=types_in_words(self.extensions),
            megabytes=portal_settings().upload_max_megabytes,
        )

    def answer(self, value):
        return value if isinstance(value, UploadedFile) else None


FIELD_TYPES = {
    DataType.TEXT: TextAnswer,
    DataType.MEMO: TextAnswer,
    DataType.INTEGER: NumberAnswer,
    DataType.DECIMAL: NumberAnswer,
    DataType.YES_NO: YesNoAnswer,
    DataType.DATE: DateAnswer,
    DataType.CHOICE: ListAnswer,
    DataType.FILE: UploadAnswer,
    DataType.IMAGE: UploadAnswer,
}

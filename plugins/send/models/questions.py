"""The question bank: every question a SEND form can ask, in English and Welsh.

Form texts are edited side by side in both languages (rather than as wagtail-localize
translations) because a published form version copies them into one immutable snapshot and a
form moves between councils as one JSON file holding both languages."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

CODE_PATTERN = re.compile(r"^[A-Z0-9_]+$")


def clean_code(value):
    """Codes are often pasted: leading/trailing whitespace and line breaks are dropped."""
    return (value or "").strip().upper()


def validate_question_code(value):
    if not CODE_PATTERN.match(value):
        raise ValidationError(
            _("Use only capital letters, digits and underscores, with no spaces."),
            code="invalid_code",
        )
    if value.startswith("Z"):
        raise ValidationError(
            _("Codes starting with Z are reserved for the council's case system."),
            code="reserved_code",
        )


class DataType(models.TextChoices):
    TEXT = "text", _("Text")
    MEMO = "memo", _("Memo (several lines of text)")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    YES_NO = "yes_no", _("Yes or no")
    DATE = "date", _("Date")
    CHOICE = "choice", _("Choice from a list")
    FILE = "file", _("File")
    IMAGE = "image", _("Image")


TEXT_TYPES = {DataType.TEXT, DataType.MEMO}
UPLOAD_TYPES = {DataType.FILE, DataType.IMAGE}


class Question(ClusterableModel):
    """A question in the bank. Once a published form version uses it, it is locked: only
    ``inherit_multiple`` may change (see ``plugins.send.builder.services``)."""

    code = models.CharField(
        _("question code"),
        max_length=30,
        unique=True,
        validators=[validate_question_code],
        help_text=_("Capital letters, digits and underscores. It cannot start with Z."),
    )
    label_en = models.CharField(_("question (English)"), max_length=500)
    label_cy = models.CharField(_("question (Welsh)"), max_length=500, blank=True)
    hint_en = models.TextField(_("hint (English)"), blank=True)
    hint_cy = models.TextField(_("hint (Welsh)"), blank=True)
    data_type = models.CharField(_("data type"), max_length=10, choices=DataType.choices)
    max_length = models.PositiveIntegerField(
        _("answer maximum length"),
        null=True,
        blank=True,
        help_text=_("Characters, including spaces. Only for text and memo questions."),
    )
    mandatory = models.BooleanField(_("answer is mandatory"), default=False)
    spellcheck = models.BooleanField(
        _("answer is spell checked"),
        default=False,
        help_text=_(
            "Only for text and memo questions: the browser marks misspelt words. Leave it off "
            "for names, addresses and codes."
        ),
    )
    in_chronology = models.BooleanField(_("answer appears in the chronology"), default=False)
    inherit_multiple = models.BooleanField(
        _("answer can be inherited multiple times"),
        default=False,
        help_text=_("For answers more than one person may give, such as health advice."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("question bank")
        ordering = ["code"]
        permissions = [("build_forms", _("Can use the SEND form builder"))]

    def __str__(self):
        return f"{self.code} – {self.label_en}"

    def clean(self):
        self.code = clean_code(self.code)
        if self.max_length and self.data_type not in TEXT_TYPES:
            raise ValidationError(
                {"max_length": _("A maximum length applies only to text and memo questions.")}
            )
        if self.spellcheck and self.data_type not in TEXT_TYPES:
            raise ValidationError(
                {"spellcheck": _("Spell checking applies only to text and memo questions.")}
            )

    def save(self, *args, **kwargs):
        self.code = clean_code(self.code)
        super().save(*args, **kwargs)


class QuestionChoice(Orderable):
    """One item of a "choice from a list" question. ``value`` is what answers store, so the
    item's words can be corrected without changing answers already given."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    value = models.CharField(
        _("stored value"),
        max_length=50,
        blank=True,
        help_text=_("Left empty, it is made from the English words."),
    )
    label_en = models.CharField(_("item (English)"), max_length=200)
    label_cy = models.CharField(_("item (Welsh)"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("list item")
        verbose_name_plural = _("list items")

    def __str__(self):
        return self.label_en

    def stored_value(self):
        """What answers will store: the value given, or one made from the English words."""
        return (self.value or "").strip() or slugify(self.label_en)[:50] or "item"

    def save(self, *args, **kwargs):
        self.value = self.stored_value()
        super().save(*args, **kwargs)

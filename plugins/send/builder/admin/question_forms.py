"""The question bank's edit form: the code rules, the list item rules and what a locked
question still lets editors change."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ...models import DataType, Question
from ...models.questions import clean_code
from .. import services as builder


class CodeField(forms.CharField):
    """Codes are often pasted: surrounding spaces and line breaks go and letters become
    capitals before any rule is checked, so they are never stored."""

    def to_python(self, value):
        return clean_code(super().to_python(value))


class QuestionForm(WagtailAdminModelForm):
    """Edits a bank question and its list items.

    Once a published form version uses the question (``locked``), the form keeps only the
    fields that may still change; anything else a POST sends that differs from the question is
    an attempt to change it and is refused as a whole."""

    code = Question._meta.get_field("code").formfield(form_class=CodeField)
    max_length = Question._meta.get_field("max_length").formfield(min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = self.instance.pk is not None and builder.question_is_locked(self.instance)
        self.attempted_changes = []
        if self.locked:
            if self.is_bound:
                self.attempted_changes = self._submitted_changes()
            for name in list(self.fields):
                if name not in builder.CHANGEABLE_WHEN_LOCKED:
                    del self.fields[name]
            self.formsets = {}

    def _submitted_changes(self):
        """Fields the POST would change. Only what was sent counts: the read-only page sends
        nothing but "inherited multiple times"."""
        changed = []
        for name, field in self.fields.items():
            key = self.add_prefix(name)
            if name in builder.CHANGEABLE_WHEN_LOCKED or key not in self.data:
                continue
            value = field.widget.value_from_datadict(self.data, self.files, key)
            if field.has_changed(self.get_initial_for_field(field, name), value):
                changed.append(name)
        if self._submitted_items_differ():
            changed.append("choices")
        return changed

    def _submitted_items_differ(self):
        items = self.formsets.get("choices")
        if items is None or f"{items.prefix}-TOTAL_FORMS" not in self.data:
            return False
        if not items.is_valid():
            return True
        # Compared as words in order, so renumbered but unmoved items are no change, and items
        # left out of the POST (which saving would delete) are one.
        submitted = [
            (item.instance.stored_value(), item.instance.label_en, item.instance.label_cy)
            for item in items.ordered_forms
        ]
        current = [(c.value, c.label_en, c.label_cy) for c in self.instance.choices.all()]
        return submitted != current

    def clean_code(self):
        code = self.cleaned_data["code"]
        if Question.objects.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("A question with code %(code)s already exists."),
                code="unique",
                params={"code": code},
            )
        return code

    def clean(self):
        cleaned_data = super().clean()
        if self.locked:
            builder.ensure_question_editable(self.instance, self.attempted_changes)
        else:
            self._check_list_items(cleaned_data.get("data_type"))
        return cleaned_data

    def _check_list_items(self, data_type):
        items = self.formsets["choices"]
        if not data_type or not items.is_valid():
            return  # the missing data type or the items' own errors are shown instead
        kept = [
            item for item in items.forms if item.cleaned_data and item not in items.deleted_forms
        ]
        if data_type == DataType.CHOICE and not kept:
            self.add_error(
                "data_type",
                _("A choice from a list needs at least one list item. Add the items below."),
            )
        elif data_type != DataType.CHOICE and kept:
            self.add_error(
                "data_type",
                _(
                    "Only a choice from a list has list items. Delete the list items, or "
                    "choose “Choice from a list”."
                ),
            )
        seen = set()
        for item in kept:
            value = item.instance.stored_value()
            if value in seen:
                item.add_error(
                    "value",
                    _(
                        "Another list item already stores “%(value)s”. Give each item its "
                        "own stored value."
                    )
                    % {"value": value},
                )
            seen.add(value)

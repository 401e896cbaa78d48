"""The print options a user chooses before downloading a form. Labels and hints come from
the portal texts in texts/printing.py."""

from django import forms

from core.forms import PortalForm
from core.texts import raw_text

from .documents import SUBJECT_GROUP, DocumentType, PrintOptions, form_has_guidance
from .formats import FILE_FORMATS


class PrintOptionsForm(PortalForm, forms.Form):
    text_prefix = "send.print.options"

    groups = forms.TypedMultipleChoiceField(coerce=int, widget=forms.CheckboxSelectMultiple)
    document_type = forms.ChoiceField(widget=forms.RadioSelect, initial=DocumentType.NORMAL)
    page_breaks = forms.BooleanField(required=False)
    file_format = forms.ChoiceField(widget=forms.RadioSelect, initial=FILE_FORMATS[0])

    def __init__(self, *args, schema, **kwargs):
        super().__init__(*args, **kwargs)
        groups = [(SUBJECT_GROUP, raw_text("send.form.subject.title"))]
        groups += [(group.number, group.name) for group in schema.groups]
        self.fields["groups"].choices = groups
        self.fields["groups"].initial = [number for number, _name in groups]
        # "With guidance" is offered only when the form has guidance notes to print.
        types = [DocumentType.NORMAL, DocumentType.NOTES]
        if form_has_guidance(schema):
            types.append(DocumentType.GUIDANCE)
        self._choose("document_type", types)
        self._choose("file_format", FILE_FORMATS)
        for name in ("groups", "document_type", "file_format"):
            self.fields[name].error_messages["required"] = raw_text(
                f"{self.text_prefix}.{name}.required"
            )

    def _choose(self, name, values):
        self.fields[name].choices = [
            (value, raw_text(f"{self.text_prefix}.{name}.{value}")) for value in values
        ]

    def print_options(self):
        """The chosen options, once the form is valid."""
        return PrintOptions(
            groups=tuple(self.cleaned_data["groups"]),
            document_type=self.cleaned_data["document_type"],
            page_breaks=self.cleaned_data["page_breaks"],
        )

"""The staff forms of documents to view. They hold no rules: checking the file is
``services.check_document``, and the views pass what they clean to the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services

EVERYONE = "everyone"
CHOSEN = "chosen"


class PublishForm(forms.Form):
    file = forms.FileField(
        label=_("Document"), help_text=_("A PDF or Word document. It is checked for viruses.")
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=200,
        help_text=_("What the family sees, e.g. “EHC needs assessment decision letter”."),
    )
    document_date = forms.DateField(
        label=_("Document date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    audience = forms.ChoiceField(
        label=_("Publish to"),
        choices=[
            (EVERYONE, _("Everyone authenticated on this child")),
            (CHOSEN, _("The people chosen below")),
        ],
        initial=EVERYONE,
        widget=forms.RadioSelect,
    )
    people = forms.ModelMultipleChoiceField(
        label=_("People"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, involvement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = services.recipients_to_choose(involvement)
        self.fields["people"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.email} <{user.email}>"
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.checked = services.check_document(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("audience") == CHOSEN and not cleaned.get("people"):
            self.add_error("people", _("Choose at least one person."))
        return cleaned

    @property
    def chosen(self):
        """None for everyone, else the people chosen."""
        if self.cleaned_data["audience"] == EVERYONE:
            return None
        return list(self.cleaned_data["people"])


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawing"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Kept with the document and in the audit log."),
    )

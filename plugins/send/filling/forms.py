"""The portal forms of the SEND journey that are not built from a council form: a
professional's details, the two declarations before submitting and a professional's reason for
reopening."""

from django import forms

from core.forms import PortalForm
from core.texts import raw_text

REASON_MAX = 1000


class ProfessionalDetailsForm(PortalForm, forms.Form):
    """A professional's name, role and organisation, confirmed before a form."""

    text_prefix = "send.professional"

    name = forms.CharField(max_length=150)
    role = forms.CharField(max_length=100)
    organisation = forms.CharField(max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.error_messages["required"] = raw_text(f"send.professional.{name}.required")
            field.error_messages["max_length"] = raw_text(
                "send.professional.too_long", limit=field.max_length
            )


class DeclarationsForm(PortalForm, forms.Form):
    """Both the council's declaration and the information-sharing declaration must be
    ticked; their words are text resources editors can change."""

    text_prefix = "send.declarations"

    council = forms.BooleanField()
    sharing = forms.BooleanField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("council", "sharing"):
            self.fields[name].error_messages["required"] = raw_text(
                f"send.declarations.{name}.required"
            )


class ReopenForm(PortalForm, forms.Form):
    text_prefix = "send.reopen"

    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=REASON_MAX)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.error_messages["required"] = raw_text("send.reopen.reason.required")
        field.error_messages["max_length"] = raw_text(
            "send.reopen.reason.too_long", limit=REASON_MAX
        )

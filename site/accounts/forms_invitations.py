from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.forms import PortalForm

from .invitations import InvitationRefused, accept_invitation
from .names import clean_person_name


class InvitationCodeForm(PortalForm, forms.Form):
    """The code from the invitation email; accepting it is the form's validation."""

    text_prefix = "account.invitation.form"

    code = forms.CharField(
        label=_("Invitation code"),
        max_length=40,
        error_messages={"required": _("Enter the code from your invitation email")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "class": "govuk-input--width-10"}
        ),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        self.invitation = None
        super().__init__(*args, **kwargs)

    def clean_code(self):
        try:
            self.invitation = accept_invitation(self.user, self.cleaned_data["code"])
        except InvitationRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return self.cleaned_data["code"]


class InvitationAdminForm(WagtailAdminModelForm):
    """The base of the Invitations admin's form: the child's name follows the name rule."""

    def clean_child_name(self):
        return clean_person_name(self.cleaned_data["child_name"], "child_name")

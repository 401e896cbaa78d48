from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm


class CodeForm(PortalForm, forms.Form):
    """The code from the invitation email, for a person who did not follow the link."""

    text_prefix = "send.invitations.form"

    code = forms.CharField(
        label=_("Invitation code"),
        max_length=40,
        error_messages={"required": _("Enter the code from your invitation email")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "class": "govuk-input--width-10"}
        ),
    )


class ChildrenForm(PortalForm, forms.Form):
    """A tick box per child of the invitation: the children the person is the parent or
    carer of."""

    text_prefix = "send.invitations.form"

    children = forms.TypedMultipleChoiceField(
        label=_("I am the parent or carer of"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick the children you are the parent or carer of.")},
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["children"].choices = [
            (child.child_record_id, child.child_record.full_name)
            for child in invitation.children.select_related("child_record")
        ]

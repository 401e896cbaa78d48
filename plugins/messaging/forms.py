"""The portal's message forms: a new message to the SEND team and a reply. Labels come from
the plugin's texts (``messaging.form.<field>.label``); the longest message from Portal
configuration › Message settings."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm

from . import services, subjects
from .models import MessageType
from .wording.models import MessageTemplate


class ReplyForm(PortalForm, forms.Form):
    text_prefix = "messaging.form"

    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].validators.append(MaxLengthValidator(services.max_length()))


class NewMessageForm(ReplyForm):
    """About one of the subjects ``user`` may message about (a child they are authenticated
    on), with a message type and a subject."""

    about = forms.TypedChoiceField(coerce=int)
    message_type = forms.ModelChoiceField(queryset=MessageType.objects.all())
    subject = forms.CharField(max_length=200)

    field_order = ["about", "message_type", "subject", "body"]

    def __init__(self, *args, user, kind, initial_about=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(subjects.get(kind).choices(user))
        self.fields["about"].choices = choices
        if initial_about is not None:
            self.fields["about"].initial = initial_about
        self.fields["message_type"].empty_label = None


class AdminReplyForm(forms.Form):
    """The team's reply in the admin, written freely or started from a message template."""

    template = forms.ModelChoiceField(
        label=_("Start from a template"),
        queryset=MessageTemplate.objects.all(),
        required=False,
    )
    body = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 8}))

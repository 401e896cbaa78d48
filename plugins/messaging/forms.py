"""The portal's message forms: a new message to the SEND team and a reply, each with optional
attachments. Labels come from the plugin's texts (``messaging.form.<field>.label``); the
longest message from Portal configuration › Message settings."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm
from core.texts import raw_text

from . import services, subjects, team
from .attachments import services as attached
from .models import MessageType
from .wording.models import MessageTemplate


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Any number of files (up to ``attached.MAX_FILES``), each checked like every upload;
    cleans to ``[(file, checked)]``."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        return attached.check([super(AttachmentsField, self).clean(f, initial) for f in files])

    @property
    def rules(self):
        return attached.rules()


def _length_validator():
    limit = services.max_length()
    # The portal's own wording, in the active language; what was typed stays in the box.
    return MaxLengthValidator(limit, message=raw_text("messaging.form.body.too_long", limit=limit))


class ReplyForm(PortalForm, forms.Form):
    text_prefix = "messaging.form"

    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}))
    attachments = AttachmentsField(template_name="messaging/_attachments_field.html")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].validators.append(_length_validator())


class NewMessageForm(ReplyForm):
    """About one of the subjects ``user`` may message about (a child they are authenticated
    on), with a message type and a subject."""

    about = forms.TypedChoiceField(coerce=int)
    message_type = forms.ModelChoiceField(queryset=MessageType.objects.all())
    subject = forms.CharField(max_length=200)

    field_order = ["about", "message_type", "subject", "body", "attachments"]

    def __init__(self, *args, user, kind, initial_about=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(subjects.get(kind).choices(user))
        self.fields["about"].choices = choices
        if initial_about is not None:
            self.fields["about"].initial = initial_about
        self.fields["message_type"].empty_label = None


class AdminReplyForm(forms.Form):
    """The team's reply in the admin, written freely or started from a message template,
    with optional files."""

    template = forms.ModelChoiceField(
        label=_("Start from a template"),
        queryset=MessageTemplate.objects.all(),
        required=False,
    )
    body = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 8}))
    attachments = AttachmentsField(label=_("Attach files"))


class AssignForm(forms.Form):
    """The caseworker answering a thread: a member of the SEND team, or nobody (the team)."""

    caseworker = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Assigned to"), empty_label=_("The whole team")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = team.members()


class TextMessagesForm(PortalForm, forms.Form):
    """My account › Text messages: whether to be told of new messages by text as well."""

    text_prefix = "messaging.texts"

    wanted = forms.BooleanField(required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_wanted(self):
        wanted = self.cleaned_data["wanted"]
        if wanted and not self.user.mobile_phone:
            raise forms.ValidationError(raw_text("messaging.texts.no_mobile"), code="no_mobile")
        return wanted

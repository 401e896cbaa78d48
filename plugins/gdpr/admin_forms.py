"""Forms of GDPR administration."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput

from .guards import ensure_editable
from .models import ConsentQuestion, ConsentStatement, GdprSettings

# The date-time widget has minute precision: a time picked a moment ago still means "now".
NOW_TOLERANCE = timedelta(minutes=5)


class ConsentQuestionForm(WagtailAdminModelForm):
    def clean(self):
        ensure_editable(self.instance)
        return super().clean()


class _QuestionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ScheduleStatementForm(WagtailAdminModelForm):
    """Pick one active question (its English source) and when to publish it."""

    question = _QuestionChoiceField(
        label=_("Question"),
        queryset=ConsentQuestion.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        widget=AdminDateTimeInput,
        help_text=_("Now or a later date and time."),
    )

    class Meta:
        model = ConsentStatement
        fields = ["question", "publish_at"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("publish_at", timezone.localtime())
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = ConsentQuestion.objects.filter(
            active=True, locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title")

    def clean_publish_at(self):
        publish_at = self.cleaned_data["publish_at"]
        if publish_at < timezone.now() - NOW_TOLERANCE:
            raise forms.ValidationError(
                _("The publication time is in the past. Choose now or a later time.")
            )
        return publish_at


class EmailAlertsForm(forms.ModelForm):
    class Meta:
        model = GdprSettings
        fields = ["notification_addresses"]
        widgets = {"notification_addresses": forms.Textarea(attrs={"rows": 3})}


class WithheldSettingsForm(forms.ModelForm):
    class Meta:
        model = GdprSettings
        fields = ["withheld_after_days"]

"""The admin forms of alerts: recipients (one portal user found by search, the person the
record is about, all citizen or professional users on the child's case), the registered
context and its fields for a trigger alert, the registered condition and its parameters for
a scheduled one. "Active" is offered only once the alert is saved."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import CITIZEN, PROFESSIONAL
from accounts.search import matching_people

from . import registry, services
from .models import ScheduledAlert, TriggerAlert

RECIPIENT_FIELDS = ["to_person", "all_citizens", "all_professionals"]


class AlertForm(WagtailAdminModelForm):
    recipient_search = forms.CharField(
        label=_("One portal user"),
        required=False,
        help_text=_(
            "Type their name or email address. They receive messages about a child "
            "only while authenticated on the child's case."
        ),
    )
    active = forms.BooleanField(label=_("Active"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.recipient_id:
            self.initial["recipient_search"] = self.instance.recipient.email
        if self.instance.pk is None:
            # The guide's rule: a new alert is activated only after it is saved.
            del self.fields["active"]
        else:
            self.initial["active"] = self.instance.active

    def clean_recipient_search(self):
        query = self.cleaned_data["recipient_search"].strip()
        if not query:
            return None
        portal_users = get_user_model().objects.filter(
            is_active=True, kind__in=[CITIZEN, PROFESSIONAL]
        )
        found = list(matching_people(portal_users, query)[:2])
        if not found:
            raise forms.ValidationError(
                _("No portal user matches “%(query)s”."), params={"query": query}
            )
        if len(found) > 1:
            raise forms.ValidationError(
                _("More than one portal user matches: type more of the name or the email address.")
            )
        return found[0]

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("recipient_search") or any(cleaned.get(n) for n in RECIPIENT_FIELDS)
        if not chosen and "recipient_search" not in self.errors:
            self.add_error(None, _("Alerts require at least one recipient."))
        return cleaned

    def save(self, commit=True):
        self.instance.recipient = self.cleaned_data["recipient_search"]
        alert = super().save(commit)
        if commit and "active" in self.fields:
            if self.cleaned_data["active"]:
                services.activate(alert)
            else:
                services.deactivate(alert)
        return alert


def _context_choices():
    return [(key, context.label) for key, context in registry.contexts().items()]


def _field_choices():
    return [
        (f"{key}:{name}", f"{context.label} – {label}")
        for key, context in registry.contexts().items()
        for name, label in context.fields.items()
    ]


class TriggerAlertForm(AlertForm):
    context = forms.ChoiceField(label=_("Alert based on"), choices=_context_choices)
    watched = forms.MultipleChoiceField(
        label=_("Alert when changed"),
        choices=_field_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose fields of the context the alert is based on."),
    )

    class Meta:
        model = TriggerAlert
        fields = ["reason", "description", "context", "template", *RECIPIENT_FIELDS]

    field_order = ["reason", "description", "context", "watched", "recipient_search"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["watched"] = [f"{self.instance.context}:{f}" for f in self.instance.fields]

    def clean(self):
        cleaned = super().clean()
        context, watched = cleaned.get("context"), cleaned.get("watched") or []
        if context and any(not choice.startswith(f"{context}:") for choice in watched):
            self.add_error("watched", _("Choose only fields of the context the alert is based on."))
        return cleaned

    def save(self, commit=True):
        self.instance.fields = [choice.split(":", 1)[1] for choice in self.cleaned_data["watched"]]
        return super().save(commit)


def _condition_choices():
    return [(key, condition.label) for key, condition in registry.conditions().items()]


def _parameters():
    """Every parameter the registered conditions declare, by name (once each)."""
    found = {}
    for condition in registry.conditions().values():
        for parameter in condition.parameters:
            found.setdefault(parameter.name, parameter)
    return found


class ScheduledAlertForm(AlertForm):
    condition = forms.ChoiceField(label=_("Condition"), choices=_condition_choices)

    class Meta:
        model = ScheduledAlert
        fields = [
            "reason",
            "description",
            "condition",
            "include_rows",
            "fire_when_empty",
            "next_run_at",
            "repeat_every",
            "repeat_unit",
            "template",
            *RECIPIENT_FIELDS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The conditions' parameters ("N days"), placed after the condition.
        fields = list(self.fields.items())
        at = [name for name, _field in fields].index("condition") + 1
        extra = [
            (
                f"parameter_{name}",
                forms.IntegerField(
                    label=parameter.label,
                    min_value=1,
                    required=False,
                    initial=self.instance.parameters.get(name, parameter.default),
                    help_text=_("Used by the conditions that count in these units."),
                ),
            )
            for name, parameter in _parameters().items()
        ]
        self.fields = dict(fields[:at] + extra + fields[at:])
        self.fields["next_run_at"].required = True

    def save(self, commit=True):
        condition = registry.condition(self.cleaned_data["condition"])
        self.instance.parameters = {
            p.name: self.cleaned_data.get(f"parameter_{p.name}") or p.default
            for p in condition.parameters
        }
        if "next_run_at" in self.changed_data or self.instance.scheduled_from is None:
            services.set_next_run(self.instance, self.cleaned_data["next_run_at"])
        return super().save(commit)

import ipaddress

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .. import accounts, scopes
from ..models import ServiceAccount, WebhookSubscription
from ..webhooks import events, signing


class ServiceAccountForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=scopes.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Each scope gives the permissions of the staff area it names."),
    )

    class Meta:
        model = ServiceAccount
        fields = ["name", "scopes", "ip_allowlist", "rate_limit"]

    def clean_ip_allowlist(self):
        value = self.cleaned_data["ip_allowlist"]
        for line in value.splitlines():
            if line.strip():
                try:
                    ipaddress.ip_network(line.strip(), strict=False)
                except ValueError:
                    raise forms.ValidationError(
                        _("“%(line)s” is not an IP address or network.") % {"line": line.strip()}
                    ) from None
        return value

    def save(self, commit=True):
        data = self.cleaned_data
        if self.instance.pk is None:
            # A new account gets its own staff user (api.accounts).
            self.instance = accounts.create_account(
                data["name"],
                data["scopes"],
                ip_allowlist=data["ip_allowlist"],
                rate_limit=data["rate_limit"],
            )
            return self.instance
        account = super().save(commit=True)
        accounts.set_scopes(account, data["scopes"])
        return account


class IssueTokenForm(forms.Form):
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for a token that does not expire."),
    )


class WebhookSubscriptionForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(name, name) for name in events.EVENTS],
        widget=forms.CheckboxSelectMultiple,
    )

    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")

    class Meta:
        model = WebhookSubscription
        fields = ["account", "url", "events", "is_active"]

    def save(self, commit=True):
        subscription = self.instance
        if not subscription.secret:
            subscription.secret = signing.new_secret()
        if subscription.is_active:
            # Turned back on by an administrator: the failures before it no longer count.
            subscription.consecutive_failures = 0
            subscription.disabled_at = None
        return super().save(commit)

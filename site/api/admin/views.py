"""Admin screens beyond Wagtail's generic ones: a service account's tokens (issued and shown
once, revoked) and a subscription's delivery log with its signing secret and "Send again"."""

from datetime import datetime, time

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic

from portal import access

from .. import accounts
from ..access import KIND
from ..models import ApiToken, ServiceAccount, WebhookDelivery, WebhookSubscription
from ..webhooks import delivery
from .forms import IssueTokenForm


def _id(value):
    """A posted id, or 0 (which names nothing) for anything that is not one."""
    return int(value) if value.isdigit() else 0


class AdministratorsOnly(access.AccessRequiredMixin, generic.WagtailAdminTemplateMixin):
    access_kind = KIND
    access_action = "change"
    header_icon = "key"
    index_url_name = ""
    model = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(self.model._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class TokensView(AdministratorsOnly, TemplateView):
    """An account's tokens; issuing one shows it once, on the page that answers the POST."""

    template_name = "api/admin/tokens.html"
    page_title = _("API tokens")
    index_url_name = "service_accounts:index"
    model = ServiceAccount

    def get_page_subtitle(self):
        return self.account.name

    @cached_property
    def account(self):
        return get_object_or_404(ServiceAccount, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        account = self.account
        return {
            **super().get_context_data(**kwargs),
            "account": account,
            "tokens": account.tokens.all(),
            "form": kwargs.get("form") or IssueTokenForm(),
            "now": timezone.now(),
        }

    def post(self, request, pk):
        account = self.account
        if "revoke" in request.POST:
            token = get_object_or_404(ApiToken, account=account, pk=_id(request.POST["revoke"]))
            accounts.revoke(token)
            messages.success(request, _("The token was revoked."))
            return redirect("service_accounts:tokens", pk=pk)
        form = IssueTokenForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        expires_on = form.cleaned_data["expires_on"]
        expires_at = (
            timezone.make_aware(datetime.combine(expires_on, time.max)) if expires_on else None
        )
        _row, token = accounts.issue_token(account, expires_at)
        return self.render_to_response(self.get_context_data(new_token=token))


class DeliveriesView(AdministratorsOnly, TemplateView):
    """A subscription's signing secret and its latest deliveries with every attempt."""

    template_name = "api/admin/deliveries.html"
    page_title = _("Webhook deliveries")
    index_url_name = "webhook_subscriptions:index"
    model = WebhookSubscription

    def get_page_subtitle(self):
        return self.subscription.url

    @cached_property
    def subscription(self):
        return get_object_or_404(
            WebhookSubscription.objects.select_related("account"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        subscription = self.subscription
        return {
            **super().get_context_data(**kwargs),
            "subscription": subscription,
            "deliveries": subscription.deliveries.prefetch_related("log")[:50],
        }

    def post(self, request, pk):
        replayed = get_object_or_404(
            WebhookDelivery, subscription_id=pk, pk=_id(request.POST.get("replay", ""))
        )
        delivery.replay(replayed)
        messages.success(request, _("The delivery will be sent again."))
        return redirect("webhook_subscriptions:deliveries", pk=pk)

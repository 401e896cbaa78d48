from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from ..models import ReceivedWebhook, ServiceAccount, WebhookSubscription
from .forms import ServiceAccountForm, WebhookSubscriptionForm
from .views import DeliveriesView, TokensView


class ServiceAccountEditView(generic.EditView):
    @cached_property
    def header_buttons(self):
        url = reverse("service_accounts:tokens", args=[self.object.pk])
        return [*super().header_buttons, HeaderButton(_("API tokens"), url=url, icon_name="key")]


class WebhookSubscriptionEditView(generic.EditView):
    @cached_property
    def header_buttons(self):
        url = reverse("webhook_subscriptions:deliveries", args=[self.object.pk])
        return [
            *super().header_buttons,
            HeaderButton(_("Signing secret and deliveries"), url=url, icon_name="list-ul"),
        ]


class ServiceAccountViewSet(ModelViewSet):
    model = ServiceAccount
    icon = "key"
    menu_label = _("Service accounts")
    add_to_admin_menu = False
    edit_view_class = ServiceAccountEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "scopes", DateColumn("created_at", label=_("Created"))]

    def get_form_class(self, for_update=False):
        return ServiceAccountForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/tokens/", TokensView.as_view(), name="tokens"),
        ]


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link"
    menu_label = _("Webhook subscriptions")
    add_to_admin_menu = False
    edit_view_class = WebhookSubscriptionEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "url",
        "account",
        "events",
        BooleanColumn("is_active", label=_("Active")),
        "consecutive_failures",
    ]

    def get_form_class(self, for_update=False):
        return WebhookSubscriptionForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/deliveries/", DeliveriesView.as_view(), name="deliveries"),
        ]


class ReceivedWebhookViewSet(ModelViewSet):
    """The demo receiver's inbox: read-only."""

    model = ReceivedWebhook
    icon = "mail"
    menu_label = _("Received webhooks")
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "event",
        "message_id",
        BooleanColumn("signature_valid", label=_("Signature valid")),
        DateColumn("received_at", label=_("Received")),
    ]

    def get_form_class(self, for_update=False):
        return None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        kept = {"index", "index_results", "inspect"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in kept]


class IntegrationViewSetGroup(ViewSetGroup):
    menu_label = _("Integration API")
    # Shown inside the "Portal" menu (wagtail_hooks), not on its own.
    add_to_admin_menu = False
    menu_icon = "key"
    items = (
        ServiceAccountViewSet("service_accounts"),
        WebhookSubscriptionViewSet("webhook_subscriptions"),
        ReceivedWebhookViewSet("received_webhooks"),
    )

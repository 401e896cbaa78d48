from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.wagtail_hooks import PORTAL_MENU_HOOK

from .access import AdministratorsPolicy
from .admin.viewsets import IntegrationViewSetGroup
from .models import ReceivedWebhook, ServiceAccount, WebhookSubscription

for model in (ServiceAccount, WebhookSubscription, ReceivedWebhook):
    register_permission_policy(model, AdministratorsPolicy(model))
integration = IntegrationViewSetGroup()


@hooks.register("register_admin_viewset")
def register_integration():
    return integration


@hooks.register(PORTAL_MENU_HOOK)
def integration_menu_item():
    return integration.get_menu_item(order=900)

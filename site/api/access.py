"""Who manages the integration API: administrators (superusers) only, since a service
account's scopes reach every child's information."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from portal import access

KIND = "api.service_account"


class ServiceAccountRule(access.Rule):
    """Service accounts, their tokens, webhook subscriptions and deliveries are one area."""

    model = "api.ServiceAccount"

    def scope(self, user, queryset):
        return queryset if self.may(user, "view") else queryset.none()

    def may(self, user, action, obj=None):
        return user.is_active and user.is_superuser


class AdministratorsPolicy(BasePermissionPolicy):
    """The Wagtail permission policy of the API's admin screens: the rule above, for every
    action."""

    def user_has_permission(self, user, action):
        return access.may(user, action, KIND)

    def user_has_any_permission(self, user, actions):
        return access.may(user, "view", KIND)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

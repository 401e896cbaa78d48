"""Who manages the integration API: administrators (superusers) only, since a service
account's scopes reach every child's information."""

from portal import access

KIND = "api.service_account"


class ServiceAccountRule(access.Rule):
    """Service accounts, their tokens, webhook subscriptions and deliveries are one area."""

    model = "api.ServiceAccount"

    def scope(self, user, queryset):
        return queryset if self.may(user, "view") else queryset.none()

    def may(self, user, action, obj=None):
        return user.is_active and user.is_superuser

"""Who may use GDPR administration: one permission, "gdpr.administer_gdpr", for every screen
(the council grants read-write access to the whole area, not to parts of it)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.admin.auth import permission_denied
from wagtail.permission_policies.base import BasePermissionPolicy

ADMINISTER = "gdpr.administer_gdpr"


def may_administer(user):
    return user.is_active and user.has_perm(ADMINISTER)


class GdprPermissionPolicy(BasePermissionPolicy):
    """Every action on the GDPR models (add, change, delete…) needs the one permission."""

    def user_has_permission(self, user, action):
        return may_administer(user)

    def user_has_any_permission(self, user, actions):
        return may_administer(user)

    def users_with_any_permission(self, actions):
        permission = Permission.objects.filter(
            content_type__app_label="gdpr", codename="administer_gdpr"
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=permission)
                | Q(groups__permissions__in=permission)
            )
            .distinct()
        )


class AdministerRequired:
    """View mixin: refuse anyone without GDPR administration."""

    def dispatch(self, request, *args, **kwargs):
        if not may_administer(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

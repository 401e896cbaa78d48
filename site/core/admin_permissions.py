"""Admin areas guarded by one permission each: a Wagtail permission policy and a view mixin.

A council grants a whole area (GDPR administration, the SEND form builder…) rather than
parts of it, so every action on the area's models needs the same "app_label.codename"."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.admin.auth import permission_denied
from wagtail.permission_policies.base import BasePermissionPolicy


def has_permission(user, permission):
    return user.is_active and user.has_perm(permission)


class OnePermissionPolicy(BasePermissionPolicy):
    """Every action (add, change, delete…) on the model needs ``permission``."""

    permission = ""

    def user_has_permission(self, user, action):
        return has_permission(user, self.permission)

    def user_has_any_permission(self, user, actions):
        return has_permission(user, self.permission)

    def users_with_any_permission(self, actions):
        app_label, codename = self.permission.split(".")
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
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


class PermissionRequired:
    """View mixin: refuse anyone without ``required_permission``."""

    required_permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not has_permission(request.user, self.required_permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

"""Who may use the SEND administration: "send.build_forms" for the form builder (question
bank, form definitions, import/export and previews), Django's own "send.view_submission"
for the forms sent to the council."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.admin.auth import permission_denied
from wagtail.permission_policies.base import BasePermissionPolicy

BUILD_FORMS = "send.build_forms"
VIEW_SUBMISSIONS = "send.view_submission"


def may_build_forms(user):
    return user.is_active and user.has_perm(BUILD_FORMS)


class FormBuilderPermissionPolicy(BasePermissionPolicy):
    """Every action on the form builder's models needs the one permission."""

    def user_has_permission(self, user, action):
        return may_build_forms(user)

    def user_has_any_permission(self, user, actions):
        return may_build_forms(user)

    def users_with_any_permission(self, actions):
        permission = Permission.objects.filter(
            content_type__app_label="send", codename="build_forms"
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


class BuildFormsRequired:
    """View mixin: refuse anyone without the form builder permission."""

    def dispatch(self, request, *args, **kwargs):
        if not may_build_forms(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def may_view_submissions(user):
    return user.is_active and user.has_perm(VIEW_SUBMISSIONS)


class ViewSubmissionsRequired:
    """View mixin: refuse anyone who may not see the forms sent to the council."""

    def dispatch(self, request, *args, **kwargs):
        if not may_view_submissions(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

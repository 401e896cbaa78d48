from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.wagtail_hooks import PORTAL_MENU_HOOK
from portal import access

from . import staff
from .admin_views import AwaitingVerificationView, PortalUsersView, PortalUserView, UserActionView
from .admin_views_outbox import OutboxMessageView, OutboxView, may_read_outbox
from .viewsets import InvitationViewSet

invitations = InvitationViewSet("invitations")


@hooks.register("register_admin_viewset")
def register_invitations():
    return invitations


@hooks.register("register_admin_urls")
def account_admin_urls():
    return [
        path("portal/users/", PortalUsersView.as_view(), name="portal_users"),
        path(
            "portal/users/results/",
            PortalUsersView.as_view(results_only=True),
            name="portal_users_results",
        ),
        path("portal/users/<int:pk>/", PortalUserView.as_view(), name="portal_user"),
        path(
            "portal/users/<int:pk>/<slug:action>/",
            UserActionView.as_view(),
            name="portal_user_action",
        ),
        path(
            "portal/professionals/",
            AwaitingVerificationView.as_view(),
            name="portal_professionals_pending",
        ),
        path(
            "portal/professionals/results/",
            AwaitingVerificationView.as_view(results_only=True),
            name="portal_professionals_pending_results",
        ),
        path("portal/outbox/", OutboxView.as_view(), name="portal_outbox"),
        path(
            "portal/outbox/<str:name>/", OutboxMessageView.as_view(), name="portal_outbox_message"
        ),
    ]


@hooks.register("register_permissions")
def account_permissions():
    return Permission.objects.filter(
        content_type__app_label="accounts",
        codename__in=["manage_portal_users", "verify_professionals"],
    )


class _AwaitingVerificationMenuItem(access.AccessMenuItem):
    """Shows how many professionals are waiting, so the SEND team notices new ones."""

    def render_component(self, request):
        component = super().render_component(request)
        waiting = staff.awaiting_verification(get_user_model().objects.all()).count()
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


class _OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_outbox(request.user)


@hooks.register(PORTAL_MENU_HOOK)
def portal_users_menu_item():
    return access.AccessMenuItem(
        _("Portal users"),
        reverse("portal_users"),
        kind="accounts.account",
        action="manage",
        icon_name="group",
        order=200,
    )


@hooks.register(PORTAL_MENU_HOOK)
def awaiting_verification_menu_item():
    return _AwaitingVerificationMenuItem(
        _("Professionals awaiting verification"),
        reverse("portal_professionals_pending"),
        kind="accounts.account",
        action="verify",
        icon_name="tick-inverse",
        order=210,
    )


@hooks.register(PORTAL_MENU_HOOK)
def invitations_menu_item():
    return invitations.get_menu_item(order=220)


@hooks.register(PORTAL_MENU_HOOK)
def outbox_menu_item():
    return _OutboxMenuItem(_("Email outbox"), reverse("portal_outbox"), icon_name="mail", order=910)

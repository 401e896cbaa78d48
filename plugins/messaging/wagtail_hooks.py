"""Messaging in the admin: the team inbox and the message types, in the Portal menu, behind
"messaging.manage_thread"."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.wagtail_hooks import PORTAL_MENU_HOOK
from portal import access
from records.links import CHILD_RECORD_LINKS_HOOK

from .access import MESSAGE_TYPES
from .admin_views import (
    ContactProblemsView,
    TeamAssignView,
    TeamAttachmentView,
    TeamInboxView,
    TeamThreadView,
    child_record_link,
)
from .models import MessageType
from .services import KIND
from .viewsets import MessageTypeViewSet

register_permission_policy(MessageType, access.RulePermissionPolicy(MessageType, MESSAGE_TYPES))
message_types = MessageTypeViewSet()
register_snippet(message_types)


@hooks.register("register_permissions")
def messaging_permission():
    return Permission.objects.filter(content_type__app_label="messaging", codename="manage_thread")


@hooks.register("register_admin_urls")
def messaging_admin_urls():
    return [
        path("messages/", TeamInboxView.as_view(), name="messaging_team_inbox"),
        path(
            "messages/results/",
            TeamInboxView.as_view(results_only=True),
            name="messaging_team_inbox_results",
        ),
        path("messages/<int:pk>/", TeamThreadView.as_view(), name="messaging_team_thread"),
        path("messages/<int:pk>/assign/", TeamAssignView.as_view(), name="messaging_team_assign"),
        path(
            "messages/contact-problems/",
            ContactProblemsView.as_view(),
            name="messaging_contact_problems",
        ),
        path(
            "messages/contact-problems/results/",
            ContactProblemsView.as_view(results_only=True),
            name="messaging_contact_problems_results",
        ),
        path(
            "messages/files/<int:pk>/",
            TeamAttachmentView.as_view(),
            name="messaging_team_attachment",
        ),
    ]


hooks.register(CHILD_RECORD_LINKS_HOOK, child_record_link)


@hooks.register(PORTAL_MENU_HOOK)
def messaging_menu():
    items = [
        access.AccessMenuItem(
            _("Team inbox"), reverse("messaging_team_inbox"), kind=KIND, icon_name="mail", order=10
        ),
        message_types.get_menu_item(order=20),
        access.AccessMenuItem(
            _("Contact details problems"),
            reverse("messaging_contact_problems"),
            kind=KIND,
            icon_name="warning",
            order=30,
        ),
    ]
    return SubmenuMenuItem(_("Messages"), Menu(items=items), icon_name="mail", order=250)

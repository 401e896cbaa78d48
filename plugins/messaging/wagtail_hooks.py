"""Messaging in the admin: the team inbox, the message types, message templates, trigger and
scheduled alerts, the alert log and the contact details problems, in the Portal menu, each
behind its area's permission; the child record's link to its messages."""

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

from .access import ALERT_LOG, MESSAGE_TEMPLATES, MESSAGE_TYPES, SCHEDULED_ALERTS, TRIGGER_ALERTS
from .admin_views import (
    ContactProblemsView,
    TeamAssignView,
    TeamAttachmentView,
    TeamInboxView,
    TeamThreadView,
    child_record_link,
)
from .alerts.models import AlertLog, ScheduledAlert, TriggerAlert
from .alerts.views import AlertLogView, RunNowView, ScheduledAlertViewSet, TriggerAlertViewSet
from .models import MessageType
from .services import KIND
from .viewsets import MessageTypeViewSet
from .wording.models import MessageTemplate
from .wording.views import MessageTemplateViewSet, PreviewView

for model, kind in [
    (MessageType, MESSAGE_TYPES),
    (MessageTemplate, MESSAGE_TEMPLATES),
    (TriggerAlert, TRIGGER_ALERTS),
    (ScheduledAlert, SCHEDULED_ALERTS),
    (AlertLog, ALERT_LOG),
]:
    register_permission_policy(model, access.RulePermissionPolicy(model, kind))
message_types = MessageTypeViewSet()
register_snippet(message_types)
message_templates = MessageTemplateViewSet()
trigger_alerts = TriggerAlertViewSet()
scheduled_alerts = ScheduledAlertViewSet()


@hooks.register("register_admin_viewset")
def messaging_viewsets():
    return [message_templates, trigger_alerts, scheduled_alerts]


@hooks.register("register_permissions")
def messaging_permission():
    return Permission.objects.filter(
        content_type__app_label="messaging",
        codename__in=["manage_thread", "manage_message_template", "manage_alert"],
    )


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
        path(
            "messages/template-preview/", PreviewView.as_view(), name="messaging_template_preview"
        ),
        path("messages/alert-log/", AlertLogView.as_view(), name="messaging_alert_log"),
        path(
            "messages/alert-log/results/",
            AlertLogView.as_view(results_only=True),
            name="messaging_alert_log_results",
        ),
        path(
            "messages/scheduled-alerts/run/<int:pk>/",
            RunNowView.as_view(),
            name="messaging_alert_run",
        ),
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
        message_templates.get_menu_item(order=30),
        trigger_alerts.get_menu_item(order=40),
        scheduled_alerts.get_menu_item(order=50),
        access.AccessMenuItem(
            _("Alert log"),
            reverse("messaging_alert_log"),
            kind=ALERT_LOG,
            icon_name="list-ul",
            order=60,
        ),
        access.AccessMenuItem(
            _("Contact details problems"),
            reverse("messaging_contact_problems"),
            kind=KIND,
            icon_name="warning",
            order=70,
        ),
    ]
    return SubmenuMenuItem(_("Messages"), Menu(items=items), icon_name="mail", order=250)

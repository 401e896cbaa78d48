"""Who may see a thread (DESIGN.md §5), registered in ``portal.access`` from
``MessagingConfig.ready()``.

A portal user sees the threads they take part in, and only while they may still message
about the thread's subject (the owning plugin's rule, ``plugins.messaging.subjects``). Staff
holding "messaging.manage_thread" see every thread in the team inbox.
"""

from portal import access

from .services import KIND, visible_threads

MANAGE = "messaging.manage_thread"
MESSAGE_TYPES = "messaging.message_type"
MESSAGE_TEMPLATES = "messaging.message_template"
TRIGGER_ALERTS = "messaging.trigger_alert"
SCHEDULED_ALERTS = "messaging.scheduled_alert"
ALERT_LOG = "messaging.alert_log"
ATTACHMENT = "messaging.attachment"


class MessageTypeRule(access.PermissionRule):
    """The message types are the team inbox's own list: its staff edit them."""

    model = "messaging.MessageType"
    permission = MANAGE


class MessageTemplateRule(access.PermissionRule):
    """Writing the templates alerts send is its own area of work."""

    model = "messaging.MessageTemplate"
    permission = "messaging.manage_message_template"


class TriggerAlertRule(access.PermissionRule):
    """Both kinds of alert and their log are one area: "messaging.manage_alert"."""

    model = "messaging.TriggerAlert"
    permission = "messaging.manage_alert"


class ScheduledAlertRule(TriggerAlertRule):
    model = "messaging.ScheduledAlert"


class AlertLogRule(TriggerAlertRule):
    model = "messaging.AlertLog"


class ThreadRule(access.Rule):
    model = "messaging.Thread"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset if access.has_permission(user, MANAGE) else queryset.none()
        return queryset.filter(pk__in=visible_threads(user).values("pk"))

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            return access.has_permission(user, MANAGE)
        if obj is None:
            return action in ("view", "send")
        return visible_threads(user).filter(pk=obj.pk).exists()


class AttachmentRule(access.Rule):
    """A message's files go to exactly those who may read its thread."""

    model = "messaging.Attachment"

    def scope(self, user, queryset):
        threads = access.scoped(user, KIND)
        return queryset.filter(message__thread__in=threads.values("pk"))

    def may(self, user, action, obj=None):
        if obj is None:
            return access.may(user, action, KIND)
        return access.scoped(user, KIND).filter(pk=obj.message.thread_id).exists()


def register_rules():
    """For ``MessagingConfig.ready()``."""
    access.register(KIND, ThreadRule())
    access.register(MESSAGE_TYPES, MessageTypeRule())
    access.register(MESSAGE_TEMPLATES, MessageTemplateRule())
    access.register(TRIGGER_ALERTS, TriggerAlertRule())
    access.register(SCHEDULED_ALERTS, ScheduledAlertRule())
    access.register(ALERT_LOG, AlertLogRule())
    access.register(ATTACHMENT, AttachmentRule())

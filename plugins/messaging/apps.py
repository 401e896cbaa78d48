from django.utils.translation import gettext_lazy as _

from portal import plugins


class MessagingConfig(plugins.PluginConfig):
    """Portal messages: the inbox, secure messages with the SEND team and the ``notify``
    service (a portal message plus an email that only says there is one)."""

    name = "plugins.messaging"
    label = "messaging"
    slug = "messages"
    verbose_name = _("Messaging")
    urls = "plugins.messaging.urls"
    texts = "plugins.messaging.texts.TEXTS"
    text_areas = {"messaging": "Messaging"}
    demo = "plugins.messaging.demo.load_demo"
    exports = "plugins.messaging.exports.export_user"
    api_router = "plugins.messaging.api.router"
    tiles = (
        # Messages are about children: reading them needs two-step verification.
        plugins.TileSpec(
            key="messages",
            title_key="messaging.tile.title",
            description_key="messaging.tile.description",
            url_name="messaging:inbox",
            audience=plugins.BOTH,
            requires_two_factor=True,
            status="plugins.messaging.services.unread_status",
        ),
    )
    account_links = (
        plugins.AccountLink("text_messages", "messaging.texts.link", "messaging:text_messages"),
    )
    services = (plugins.ServiceSpec(name="notify", func="plugins.messaging.services.notify"),)
    jobs = (
        # Scheduled alerts are due to the minute; a late run runs once (alerts.scheduled).
        plugins.JobSpec(
            name="run_scheduled_alerts",
            func="plugins.messaging.alerts.scheduled.run_due_alerts",
            schedule_type="I",
            minutes=1,
        ),
        # Deletes messages older than Portal configuration's "keep messages for (days)".
        plugins.JobSpec(
            name="delete_old_messages",
            func="plugins.messaging.retention.delete_old_messages",
            schedule_type="D",
        ),
    )

    def ready(self):
        super().ready()
        from portal import events

        from .access import register_rules
        from .alerts.triggers import on_case_record_changed

        register_rules()
        events.case_record_changed.connect(
            on_case_record_changed, dispatch_uid="messaging_trigger_alerts"
        )

    def register_subject(self, kind, **rules):
        """The extension point of other plugins, reached through the app registry so they
        never import this one: register what threads may be about, ``kind`` with the rules
        of ``plugins.messaging.subjects.Subject``."""
        from . import subjects

        return subjects.register(subjects.Subject(kind=kind, **rules))

    def unread_about(self, user, kind, about_id):
        """How many messages to ``user`` about ``kind:about_id`` are unread (a case
        dashboard's Messages tile)."""
        from . import services

        return services.unread_about(user, kind, about_id)

    def register_alert_context(self, key, **rules):
        """For other plugins: a kind of case record trigger alerts may watch, with the
        rules of ``plugins.messaging.alerts.registry.AlertContext``."""
        from .alerts import registry

        return registry.register_context(registry.AlertContext(key=key, **rules))

    def register_alert_condition(self, key, **rules):
        """For other plugins: a named condition scheduled alerts may ask, with the rules of
        ``plugins.messaging.alerts.registry.Condition``, each parameter a mapping of the
        fields of ``registry.Parameter``."""
        from .alerts import registry

        parameters = tuple(registry.Parameter(**p) for p in rules.pop("parameters", ()))
        return registry.register_condition(
            registry.Condition(key=key, parameters=parameters, **rules)
        )

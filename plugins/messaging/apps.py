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
    services = (plugins.ServiceSpec(name="notify", func="plugins.messaging.services.notify"),)

    def ready(self):
        super().ready()
        from .access import register_rules

        register_rules()

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

from django.utils.translation import gettext_lazy as _

from portal import plugins


class MessagingConfig(plugins.PluginConfig):
    """Portal messages, templates and alerts (its features arrive with the messaging issue)."""

    name = "plugins.messaging"
    label = "messaging"
    slug = "messages"
    verbose_name = _("Messaging")
    text_areas = {"messaging": "Messaging"}

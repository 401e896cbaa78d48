from django.utils.translation import gettext_lazy as _

from portal import plugins


class SendConfig(plugins.PluginConfig):
    """SEND forms and casework. Its services, tiles and texts arrive with the SEND issues."""

    name = "plugins.send"
    label = "send"
    slug = "send"
    verbose_name = _("SEND")
    text_areas = {"send": "SEND"}

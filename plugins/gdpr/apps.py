from django.utils.translation import gettext_lazy as _

from portal import plugins


class GdprConfig(plugins.PluginConfig):
    """GDPR consent statements, history and withdrawal (its features arrive with the GDPR issue)."""

    name = "plugins.gdpr"
    label = "gdpr"
    slug = "gdpr"
    verbose_name = _("GDPR")
    text_areas = {"gdpr": "GDPR"}

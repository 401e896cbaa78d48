from django.utils.translation import gettext_lazy as _

from portal import plugins


class MatchingConfig(plugins.PluginConfig):
    """Matching portal people to the council's child records (arrives with the matching issue)."""

    name = "plugins.matching"
    label = "matching"
    slug = "matching"
    verbose_name = _("Matching")
    text_areas = {"matching": "Matching"}

"""Admin forms whose choices depend on which plugins are installed."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.plugins import plugin_tiles

from .texts import raw_text


def plugin_tile_choices():
    return [("", _("— not a service —"))] + [
        (key, raw_text(spec.title_key, "en")) for key, spec in sorted(plugin_tiles().items())
    ]


def switchable_tile_choices():
    return [(key, raw_text(spec.title_key, "en")) for key, spec in sorted(plugin_tiles().items())]


class TileForm(WagtailAdminModelForm):
    plugin_tile = forms.ChoiceField(label=_("Service"), choices=plugin_tile_choices, required=False)


class PortalSettingsForm(WagtailAdminModelForm):
    disabled_tiles = forms.MultipleChoiceField(
        label=_("Services switched off"),
        help_text=_("Their tiles are hidden from the home page."),
        choices=switchable_tile_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

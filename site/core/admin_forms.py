"""Admin forms whose fields depend on which plugins are installed or on the row edited."""

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


class TextResourceForm(WagtailAdminModelForm):
    """A text's key ties it to the code that shows it, and the Markdown flag to how that code
    renders it: once a text exists only its words change (a renamed key would be detached)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("key", "markdown"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Set by the portal; it cannot be changed.")

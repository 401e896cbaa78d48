from django.utils.translation import gettext_lazy as _

from portal import plugins


class SendConfig(plugins.PluginConfig):
    """SEND forms and casework: the form builder, people, forms on the portal."""

    name = "plugins.send"
    label = "send"
    slug = "send"
    verbose_name = _("SEND")
    urls = "plugins.send.urls"
    texts = "plugins.send.texts.TEXTS"
    text_areas = {"send": "SEND"}
    demo = "plugins.send.demo.load_demo"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import announcements, cache, config, navigation, signals, texts, tiles

        cache.register_area("texts", _("Texts"), texts.build_texts)
        cache.register_area("tiles", _("Home tiles"), tiles.build_tiles)
        cache.register_area("announcements", _("Announcements"), announcements.build_announcements)
        cache.register_area("footer", _("Footer links"), navigation.build_footer)
        cache.register_area(
            "settings",
            _("Portal configuration and branding"),
            config.build_settings,
            per_language=False,
        )
        signals.connect(self)
        cache.connect_request_memo()

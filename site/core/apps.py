from django.utils.translation import gettext_lazy as _

from portal import plugins


class CoreConfig(plugins.PortalAppConfig):
    name = "core"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"
    texts = "core.text_defaults.TEXTS"
    # "tiles" holds the wording of home tiles, whichever app offers them.
    text_areas = {"shared": "Shared", "home": "Home", "tiles": "Home Tiles"}

    def ready(self):
        from portal import access, checks

        from . import announcements, cache, config, navigation, signals, texts, tiles
        from .admin_views import CacheRule
        from .audit.views import KIND as AUDIT_KIND
        from .audit.views import AuditLogRule

        checks.register()
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
        access.register("core.cache", CacheRule())
        access.register(AUDIT_KIND, AuditLogRule())
        cache.connect_request_memo()

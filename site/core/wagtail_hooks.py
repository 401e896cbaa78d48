from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet

from portal import access

from .admin_views import CacheView
from .audit.views import AuditLogViewSet
from .models import BrandingSettings, PortalSettings
from .viewsets import AnnouncementViewSet, TextResourceViewSet, TileViewSet

PORTAL_MENU_HOOK = "register_portal_menu_item"

tiles = TileViewSet()
announcements = AnnouncementViewSet()
texts = TextResourceViewSet()
audit_log = AuditLogViewSet()
for viewset in (tiles, announcements, texts):
    register_snippet(viewset)
register_setting(PortalSettings, icon="cogs")
register_setting(BrandingSettings, icon="image")


@hooks.register("register_admin_menu_item")
def portal_menu():
    """The "Portal" menu: core's items and every plugin's (they use the same hook)."""
    return SubmenuMenuItem(
        _("Portal"), Menu(register_hook_name=PORTAL_MENU_HOOK), icon_name="home", order=150
    )


@hooks.register(PORTAL_MENU_HOOK)
def tiles_menu_item():
    return tiles.get_menu_item(order=100)


@hooks.register(PORTAL_MENU_HOOK)
def announcements_menu_item():
    return announcements.get_menu_item(order=110)


@hooks.register(PORTAL_MENU_HOOK)
def texts_menu_item():
    return texts.get_menu_item(order=120)


class _SettingMenuItem(MenuItem):
    def __init__(self, model_name, *args, **kwargs):
        self.permission = f"core.change_{model_name}"
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register(PORTAL_MENU_HOOK)
def portal_settings_menu_item():
    return _SettingMenuItem(
        "portalsettings",
        _("Portal configuration"),
        reverse("wagtailsettings:edit", args=["core", "portalsettings"]),
        icon_name="cogs",
        order=130,
    )


@hooks.register(PORTAL_MENU_HOOK)
def branding_menu_item():
    return _SettingMenuItem(
        "brandingsettings",
        _("Branding"),
        reverse("wagtailsettings:edit", args=["core", "brandingsettings"]),
        icon_name="image",
        order=140,
    )


@hooks.register(PORTAL_MENU_HOOK)
def cache_menu_item():
    return access.AccessMenuItem(
        _("Cache"), reverse("portal_cache"), kind="core.cache", icon_name="resubmit", order=900
    )


@hooks.register("register_admin_viewset")
def register_audit_log():
    return audit_log


@hooks.register(PORTAL_MENU_HOOK)
def audit_log_menu_item():
    return audit_log.get_menu_item(order=800)


@hooks.register("construct_settings_menu")
def hide_portal_settings_from_settings_menu(request, menu_items):
    # They live in the Portal menu instead.
    menu_items[:] = [
        item for item in menu_items if item.name not in {"portal-configuration", "branding"}
    ]


@hooks.register("register_admin_urls")
def cache_urls():
    return [path("portal/cache/", CacheView.as_view(), name="portal_cache")]


@hooks.register("register_permissions")
def core_permissions():
    return Permission.objects.filter(
        content_type__app_label="core", codename__in=["clear_portal_cache", "view_auditentry"]
    )

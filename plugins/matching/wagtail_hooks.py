from django.contrib.auth.models import Permission
from wagtail import hooks

from core.wagtail_hooks import PORTAL_MENU_HOOK

from . import admin

hooks.register("register_admin_urls", admin.admin_urls)
hooks.register(PORTAL_MENU_HOOK, admin.menu_item)


@hooks.register("register_permissions")
def matching_permissions():
    return Permission.objects.filter(content_type__app_label="matching", codename="match_people")

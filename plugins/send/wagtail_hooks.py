"""SEND administration in the Wagtail admin: the form builder group in the Portal menu, every
screen behind the "send.build_forms" permission."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from core.wagtail_hooks import PORTAL_MENU_HOOK

# Callables returning the builder's menu items, each section below adds its own.
MENU_ITEMS = []


@hooks.register("register_permissions")
def send_permissions():
    return Permission.objects.filter(content_type__app_label="send", codename="build_forms")


# -- question bank (admin_questions.py) ----------------------------------------------------

# -- form definitions (admin_definitions.py) -----------------------------------------------

# -- import and export (admin_transfer.py) -------------------------------------------------


@hooks.register(PORTAL_MENU_HOOK)
def send_menu():
    items = [make_item() for make_item in MENU_ITEMS]
    return SubmenuMenuItem(_("SEND form builder"), Menu(items=items), icon_name="form", order=200)

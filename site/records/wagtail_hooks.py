from django.contrib.auth.models import Permission
from wagtail import hooks

from core.wagtail_hooks import PORTAL_MENU_HOOK

from .viewsets import ChildRecordViewSet

child_records = ChildRecordViewSet("child_records")


@hooks.register("register_admin_viewset")
def register_child_records():
    return child_records


@hooks.register(PORTAL_MENU_HOOK)
def child_records_menu_item():
    return child_records.get_menu_item(order=190)


@hooks.register("register_permissions")
def child_record_permissions():
    return Permission.objects.filter(
        content_type__app_label="records",
        codename__in=["view_childrecord", "add_childrecord"],
    )

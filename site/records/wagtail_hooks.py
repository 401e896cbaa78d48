from django.contrib.auth.models import Permission
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.wagtail_hooks import PORTAL_MENU_HOOK
from portal import access

from .access import KIND
from .models import ChildRecord
from .viewsets import ChildRecordViewSet

register_permission_policy(ChildRecord, access.RulePermissionPolicy(ChildRecord, KIND))
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

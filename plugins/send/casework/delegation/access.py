"""Who may see delegated tasks, registered in ``portal.access`` from
``plugins.send.access.register_rules``. Staff holding "send.manage_delegation" see, send and
retract every task and manage the work groups. On the portal only a verified professional
sees a task, and only one they hold, one in their work groups' tray, or one they recently
submitted or had retracted (``portal.visible_tasks``); anyone else gets 404. Filling in a
task's form goes through the submission rules, which ask ``portal.contributions_for``."""

from portal import access

from . import portal

TASK = "send.delegated_task"
WORK_GROUP = "send.work_group"
MANAGE = "send.manage_delegation"
# What the holder may do on the portal; "view" and "pick_up" are also for the group.
HOLDER_ACTIONS = {"edit", "reassign", "countersign", "submit"}


def _professional(user):
    return user.is_authenticated and user.is_verified_professional


class TaskRule(access.Rule):
    model = "send.DelegatedTask"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset if access.has_permission(user, MANAGE) else queryset.none()
        if not _professional(user):
            return queryset.none()
        return queryset.filter(pk__in=portal.visible_tasks(user).values("pk"))

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            return access.has_permission(user, MANAGE)
        if not _professional(user) or obj is None:
            return False
        if action in HOLDER_ACTIONS:
            return obj.is_open and obj.holder_id == user.pk
        if action in ("view", "pick_up", "print"):
            return portal.visible_tasks(user).filter(pk=obj.pk).exists()
        return False


class WorkGroupRule(access.PermissionRule):
    """Work groups are set up by the SEND team or an administrator."""

    model = "send.WorkGroup"
    permission = MANAGE


def register_rules():
    """For ``plugins.send.access.register_rules``."""
    access.register(TASK, TaskRule())
    access.register(WORK_GROUP, WorkGroupRule())

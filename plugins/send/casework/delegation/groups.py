"""Who belongs to a task: the work groups' rules. A group's members and managers see its tray
and pick up from it; a manager re-assigns to anyone in the groups they manage; the managers
of a holder's groups are those who counter-sign for them."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.models import PROFESSIONAL, VERIFIED

from ...models import WorkGroup


def groups_of(user):
    """The work groups ``user`` is a member or a manager of."""
    return WorkGroup.objects.filter(Q(members=user) | Q(managers=user)).distinct()


def _professionals():
    User = get_user_model()
    return User.objects.filter(is_active=True, kind=PROFESSIONAL, verification_state=VERIFIED)


def reassignable(holder):
    """The people ``holder`` may re-assign a task to: the members and managers of the work
    groups they manage, themselves excepted."""
    managed = WorkGroup.objects.filter(managers=holder)
    return (
        _professionals()
        .filter(Q(send_work_groups__in=managed) | Q(send_work_groups_managed__in=managed))
        .exclude(pk=holder.pk)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def counter_signatories(holder):
    """The managers of the work groups ``holder`` belongs to, themselves excepted."""
    return (
        _professionals()
        .filter(send_work_groups_managed__in=groups_of(holder))
        .exclude(pk=holder.pk)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def may_pick_up(user, task):
    return task.work_group_id is not None and groups_of(user).filter(pk=task.work_group_id).exists()


def recipients(task):
    """Who is told of a change to the task: its holder, or everyone in its group's tray."""
    if task.holder_id is not None:
        return [task.holder]
    group = task.work_group
    return list(
        _professionals()
        .filter(Q(send_work_groups=group) | Q(send_work_groups_managed=group))
        .distinct()
    )

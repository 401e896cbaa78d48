"""The home page's "Delegated tasks" tile (``SendConfig.tiles``): its line counts the tasks
waiting for the signed-in professional, those they hold and those in their groups' trays."""

from core.texts import raw_text

from . import portal


def waiting_status(user):
    """ "3 tasks waiting", or "" for anyone else or with nothing waiting."""
    if not (user.is_authenticated and user.is_verified_professional):
        return ""
    count = portal.assigned_to(user).count() + portal.group_tray(user).count()
    if not count:
        return ""
    if count == 1:
        return raw_text("send.tasks.tile.one")
    return raw_text("send.tasks.tile.many", count=count)

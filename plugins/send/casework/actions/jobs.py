"""The daily job of actions to complete (declared in ``SendConfig.jobs``)."""

from . import services


def remind_overdue_actions():
    """One reminder per overdue action, never twice (``services.send_reminders``)."""
    return services.send_reminders()

"""The casework panel on the admin dashboard: the open involvements whose next deadline has
passed or falls within the week (``tray.deadlines_to_watch``), soonest first. wagtail_hooks
adds it for those who manage involvements."""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from portal import access

from .. import tray
from .base import KIND

SHOWN = 10


class DeadlinesPanel(Component):
    name = "send_deadlines"
    template_name = "send/admin/involvements/dashboard_panel.html"
    order = 145

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        watch = tray.deadlines_to_watch(access.scoped(self.user, KIND).open())
        tray_url = reverse("send_involvements_tray")
        return {
            "overdue": watch["overdue"][:SHOWN],
            "overdue_count": len(watch["overdue"]),
            "due_soon": watch["due_soon"][:SHOWN],
            "due_soon_count": len(watch["due_soon"]),
            "days": tray.DUE_SOON_DAYS,
            "tray_url": f"{tray_url}?{urlencode({'caseworker': ''})}",
        }

"""The involvements area of the Wagtail admin, behind "send.manage_involvement": its URLs and
its menu items (wired by the SEND plugin's ``wagtail_hooks``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from portal import access

from .. import portal_sharing
from .base import KIND
from .case import ChangeView, CreateView, InvolvementView, StatusView
from .listing import InvolvementsView, TrayView
from .panel import DeadlinesPanel
from .report import TimelinessView
from .requests import ReceivedView, RequestView
from .sharing import AddView, AuthenticateView, EditView, LeaveView

__all__ = ["KIND", "DeadlinesPanel", "admin_urls", "menu_items"]


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    base = "send/involvements/<int:pk>/"
    share = base + "sharing/<int:share>/"
    one = {"pk": KIND}
    shared = {"pk": KIND, "share": "send.portal_sharing"}
    return [
        path("send/involvements/", InvolvementsView.as_view(), name="send_involvements"),
        path(
            "send/involvements/results/",
            InvolvementsView.as_view(results_only=True),
            name="send_involvements_results",
        ),
        path("send/involvements/new/", CreateView.as_view(), name="send_involvement_create"),
        path("send/involvements/tray/", TrayView.as_view(), name="send_involvements_tray"),
        path(
            "send/involvements/timeliness/",
            TimelinessView.as_view(),
            name="send_involvements_timeliness",
        ),
        access.route(path(base, InvolvementView.as_view(), name="send_involvement"), **one),
        access.route(
            path(base + "change/", ChangeView.as_view(), name="send_involvement_change"), **one
        ),
        access.route(
            path(base + "status/", StatusView.as_view(), name="send_involvement_status"), **one
        ),
        access.route(
            path(base + "sharing/new/", AddView.as_view(), name="send_involvement_sharing_add"),
            **one,
        ),
        access.route(path(share, EditView.as_view(), name="send_involvement_sharing"), **shared),
        access.route(
            path(
                share + "authenticate/",
                AuthenticateView.as_view(),
                name="send_involvement_authenticate",
            ),
            **shared,
        ),
        access.route(
            path(
                share + "unauthenticate/",
                LeaveView.as_view(action=portal_sharing.UNAUTHENTICATE),
                name="send_involvement_unauthenticate",
            ),
            **shared,
        ),
        access.route(
            path(
                share + "remove/",
                LeaveView.as_view(action=portal_sharing.REMOVE),
                name="send_involvement_sharing_remove",
            ),
            **shared,
        ),
        access.route(
            path(base + "information/new/", RequestView.as_view(), name="send_involvement_request"),
            **one,
        ),
        access.route(
            path(
                base + "information/<int:request_pk>/received/",
                ReceivedView.as_view(),
                name="send_involvement_received",
            ),
            pk=KIND,
            request_pk="send.information_request",
        ),
    ]


def menu_items(order):
    """For the SEND menu: the involvements, the caseworker's tray and the timeliness
    report."""
    return [
        access.AccessMenuItem(
            _("Involvements"),
            reverse("send_involvements"),
            kind=KIND,
            action="change",
            icon_name="folder-open-inverse",
            order=order,
        ),
        access.AccessMenuItem(
            _("Caseworker's tray"),
            reverse("send_involvements_tray"),
            kind=KIND,
            action="change",
            icon_name="tasks",
            order=order + 1,
        ),
        access.AccessMenuItem(
            _("Timeliness report"),
            reverse("send_involvements_timeliness"),
            kind=KIND,
            action="change",
            icon_name="time",
            order=order + 2,
        ),
    ]

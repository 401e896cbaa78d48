"""Invitations to a child's case in the Wagtail admin (behind "send.manage_involvement"):
one invitation at a time (``cases``) and many from a CSV file (``bulk``). Their URLs and menu
item are wired by the SEND plugin's ``wagtail_hooks``."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from portal import access

from ..access import BULK, INVITATION
from .bulk import BulkRunView, BulkView
from .cases import ActivateView, DeclineView, InvitationsView, InvitationView, InviteView

__all__ = ["admin_urls", "menu_item"]


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    base = "send/invitations/<int:pk>/"
    return [
        path("send/invitations/", InvitationsView.as_view(), name="send_invitations"),
        path("send/invitations/new/", InviteView.as_view(), name="send_invitation_new"),
        path("send/invitations/bulk/", BulkView.as_view(), name="send_invitations_bulk"),
        access.route(
            path(
                "send/invitations/bulk/<int:pk>/",
                BulkRunView.as_view(),
                name="send_invitations_bulk_run",
            ),
            pk=BULK,
        ),
        access.route(path(base, InvitationView.as_view(), name="send_invitation"), pk=INVITATION),
        access.route(
            path(base + "activate/", ActivateView.as_view(), name="send_invitation_activate"),
            pk=INVITATION,
        ),
        access.route(
            path(base + "decline/", DeclineView.as_view(), name="send_invitation_decline"),
            pk=INVITATION,
        ),
    ]


def menu_item(order):
    return access.AccessMenuItem(
        _("Invitations to a child's case"),
        reverse("send_invitations"),
        kind=INVITATION,
        action="change",
        icon_name="mail",
        order=order,
    )

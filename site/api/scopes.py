"""What each scope of a service account lets it do.

A scope is two things: the API operations that name it (``api.auth.require``), and the
Django permissions it gives the account's user, so every object the API touches is found and
checked through the access registry (portal.access) exactly as for a member of staff holding
those permissions. A permission of a plugin that is not installed is simply not granted.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Scope:
    name: str
    label: str
    permissions: tuple = ()


_INVOLVEMENTS = ("send.manage_involvement",)

SCOPES = {
    scope.name: scope
    for scope in (
        Scope("records:read", _("Read child records"), ("records.view_childrecord",)),
        Scope(
            "records:write",
            _("Create and update child records"),
            ("records.view_childrecord", "records.add_childrecord", "records.change_childrecord"),
        ),
        Scope("submissions:read", _("Read submitted forms"), ("send.view_submission",)),
        Scope(
            "submissions:write",
            _("Decide on submitted forms"),
            ("send.view_submission", "send.decide_submission"),
        ),
        # Involvements are one staff area ("send.manage_involvement"); the API itself keeps
        # reading and changing them apart by scope.
        Scope("cases:read", _("Read cases and involvements"), _INVOLVEMENTS),
        Scope("cases:write", _("Open and change cases and involvements"), _INVOLVEMENTS),
        Scope("documents:write", _("Publish and withdraw documents on a case"), _INVOLVEMENTS),
        Scope("actions:write", _("Ask portal users to complete forms"), _INVOLVEMENTS),
        Scope("messages:write", _("Send messages to a case"), ("messaging.manage_thread",)),
        Scope("matching:read", _("Read matching decisions"), ("matching.match_people",)),
    )
}


def choices():
    return [(scope.name, f"{scope.name}: {scope.label}") for scope in SCOPES.values()]


def permissions_for(scope_names):
    """The installed Permission rows the scopes ``scope_names`` give."""
    wanted = {perm for name in scope_names for perm in SCOPES[name].permissions}
    if not wanted:
        return Permission.objects.none()
    query = Q()
    for perm in wanted:
        app_label, codename = perm.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)

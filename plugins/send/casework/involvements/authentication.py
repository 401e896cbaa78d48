"""The access rule of the child's case: a portal user sees a child's SEND information while
they are **authenticated on an open involvement** of that child (DESIGN.md §5). Every question
of that kind is answered here, from the rows as they are now, so removing a user or their
authentication takes their access away at once.

The access kinds of involvements and their rows are registered from
``plugins.send.access.register_rules``: staff holding "send.manage_involvement" see and
change every involvement; a portal user sees only the involvements they are authenticated on.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from portal import access
from records.models import ChildRecord

from ...models import Involvement, PortalSharing

MANAGE = "send.manage_involvement"


def authenticated_sharing():
    """The sharing rows that give access: authenticated, on an open involvement."""
    return PortalSharing.objects.filter(
        state=PortalSharing.State.AUTHENTICATED, involvement__status=Involvement.Status.OPEN
    )


def is_authenticated_on(user, child_record):
    """Whether ``user`` may see ``child_record``'s SEND information on the portal."""
    if not user.is_authenticated or user.is_council_staff:
        return False
    return (
        authenticated_sharing().filter(user=user, involvement__child_record=child_record).exists()
    )


def authenticated_users(child_record):
    """The portal users authenticated on any open involvement of ``child_record``."""
    rows = authenticated_sharing().filter(
        user=OuterRef("pk"), involvement__child_record=child_record
    )
    return get_user_model().objects.filter(Exists(rows))


def child_records_for(user):
    """The child records whose SEND information ``user`` may see on the portal."""
    if not user.is_authenticated or user.is_council_staff:
        return ChildRecord.objects.none()
    rows = authenticated_sharing().filter(user=user, involvement__child_record=OuterRef("pk"))
    return ChildRecord.objects.filter(Exists(rows))


def child_record_ids_for(user):
    """The ids of :func:`child_records_for`, as a subquery to filter by: one level of SQL
    rather than the records' own with a nested EXISTS, which cost more to build than to run
    on the family's pages."""
    if not user.is_authenticated or user.is_council_staff:
        return ChildRecord.objects.none().values("pk")
    return authenticated_sharing().filter(user=user).values("involvement__child_record")


class InvolvementRule(access.Rule):
    """Staff with "send.manage_involvement" see and change every involvement; a portal user
    may only view the open involvements they are authenticated on."""

    model = "send.Involvement"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset if access.has_permission(user, MANAGE) else queryset.none()
        rows = authenticated_sharing().filter(user=user, involvement=OuterRef("pk"))
        return queryset.filter(Exists(rows))

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            return access.has_permission(user, MANAGE)
        if action != "view" or obj is None:
            return False
        return authenticated_sharing().filter(user=user, involvement=obj).exists()


class InvolvementRowRule(access.PermissionRule):
    """The rows of an involvement (portal sharing, information requested) are the council's
    working records: staff with "send.manage_involvement" only."""

    permission = MANAGE

    def __init__(self, model):
        self.model = model


def register_rules():
    """For ``plugins.send.access.register_rules``."""
    access.register("send.involvement", InvolvementRule())
    access.register("send.portal_sharing", InvolvementRowRule("send.PortalSharing"))
    access.register("send.information_request", InvolvementRowRule("send.InformationRequest"))

"""The access kind "send.case": a child's case dashboard is a child record, seen on the portal
by the users authenticated on one of its open involvements (``involvements.authentication``)
and by nobody else; staff work on cases in the admin, not here."""

from portal import access

from ..involvements.authentication import child_record_ids_for, child_records_for

KIND = "send.case"


class CaseRule(access.Rule):
    # records registers the child register's own kind for ChildRecord; this is a second view.
    model = "records.ChildRecord"
    names_model = False

    def scope(self, user, queryset):
        return queryset.filter(pk__in=child_record_ids_for(user))

    def may(self, user, action, obj=None):
        if action != "view":
            return False
        records = child_records_for(user)
        return records.exists() if obj is None else records.filter(pk=obj.pk).exists()


def register_rules():
    """For ``plugins.send.access.register_rules``."""
    access.register(KIND, CaseRule())

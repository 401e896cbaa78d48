"""Who may see the council's register of children (registered in RecordsConfig.ready())."""

from portal import access

KIND = "records.child_record"


class ChildRecordRule(access.PermissionRule):
    """Staff holding "view" see the whole register; importing adds records, so it needs "add".
    Records change only through imports and services: nobody edits or deletes one here."""

    model = "records.ChildRecord"
    permission = "records.view_childrecord"

    def may(self, user, action, obj=None):
        if action in ("add", "import"):
            return access.has_permission(user, "records.add_childrecord")
        if action in ("view", "inspect"):
            return super().may(user, action, obj)
        return False

"""Who may use GDPR administration: one permission, "gdpr.administer_gdpr", for every screen
(the council grants read-write access to the whole area, not to parts of it)."""

from core.admin_permissions import OnePermissionPolicy, PermissionRequired, has_permission

ADMINISTER = "gdpr.administer_gdpr"


def may_administer(user):
    return has_permission(user, ADMINISTER)


class GdprPermissionPolicy(OnePermissionPolicy):
    permission = ADMINISTER


class AdministerRequired(PermissionRequired):
    required_permission = ADMINISTER

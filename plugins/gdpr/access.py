"""Who may see what of GDPR consent (DESIGN.md §5): the rules this plugin registers in
``portal.access`` from ``GdprConfig.ready()``.

In the admin one permission, "gdpr.administer_gdpr", opens every screen: the council grants
read-write access to the whole area, not to parts of it. On the portal a user sees only
their own consent records, and only citizens and professionals withdraw consent: staff
accounts are not closed this way.
"""

from portal import access

ADMINISTER = "gdpr.administer_gdpr"


class AdministerGdpr(access.PermissionRule):
    permission = ADMINISTER


class StatementRule(AdministerGdpr):
    model = "gdpr.ConsentStatement"


class QuestionRule(AdministerGdpr):
    model = "gdpr.ConsentQuestion"


class PersonRule(AdministerGdpr):
    """A person's consent history and subject access export, for GDPR administrators."""

    model = "accounts.User"


class ConsentRecordRule(AdministerGdpr):
    """GDPR administrators see every record (withdrawals to action); a portal user sees
    their own and may withdraw their consent."""

    model = "gdpr.ConsentRecord"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return super().scope(user, queryset)
        return queryset.filter(user=user)

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            return action != "withdraw" and super().may(user, action, obj)
        return action == "withdraw" or (obj is not None and obj.user_id == user.pk)


def register_rules():
    """For ``GdprConfig.ready()``."""
    access.register("gdpr.statement", StatementRule())
    access.register("gdpr.question", QuestionRule())
    access.register("gdpr.person", PersonRule())
    access.register("gdpr.consent_record", ConsentRecordRule())

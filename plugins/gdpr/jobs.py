from .services import publish_due_statements
from .services import record_withheld_consent as record_withheld_due


def publish_statements():
    """Scheduled every minute: publish consent statements whose time has come."""
    return publish_due_statements()


def record_withheld_consent():
    """Scheduled daily: record withheld consent for those shown the current statement who
    have not decided within the council's number of days."""
    return record_withheld_due()

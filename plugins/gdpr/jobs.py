from .services import publish_due_statements


def publish_statements():
    """Scheduled every minute: publish consent statements whose time has come."""
    return publish_due_statements()

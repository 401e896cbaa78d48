"""Messages about a child's case need SEND, which registers the child as a subject: its
tests' fixtures (a child's open case, a parent authenticated on it) are used here."""

from django.apps import apps

if apps.is_installed("plugins.send"):
    from tests.api.send.conftest import (  # noqa: F401
        _notices_by_email,
        authenticated,
        caseworker,
        child,
        involvement,
        parent,
        shared,
    )

collect_ignore = [] if apps.is_installed("plugins.send") else ["test_messages.py"]

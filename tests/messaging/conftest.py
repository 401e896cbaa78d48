"""Shared set-up of the messaging tests: a child on the register with an open EHC needs
assessment, its caseworker, and the child's mother authenticated on it (SEND registers the
child as something messages may be about)."""

import pytest
from django.apps import apps
from django.utils import timezone

from tests.factories import UserFactory, child_record

SEND = apps.is_installed("plugins.send")
needs_send = pytest.mark.skipif(not SEND, reason="messages about a child need SEND")
# Without SEND these modules cannot even import (they name SEND's models and helpers).
collect_ignore = (
    []
    if SEND
    else [
        "test_portal.py",
        "test_team_inbox.py",
        "test_tiles.py",
        "test_demo.py",
        "test_attachments.py",
        "test_team_casework.py",
    ]
)


@pytest.fixture
def caseworker(db):
    from tests.send.test_council_submissions import staff

    return staff(
        "access_admin", "manage_involvement", "manage_thread", first_name="Cai", last_name="Gwaith"
    )


@pytest.fixture
def child(db):
    return child_record("C0007001", forename="Mali", surname="Evans")


@pytest.fixture
def involvement(child, caseworker):
    from plugins.send.casework.involvements import services

    return services.open_involvement(
        child, "england_ehc_needs_assessment", caseworker, stage="assessment", caseworker=caseworker
    )


@pytest.fixture
def parent(db):
    return UserFactory(
        first_name="Nia",
        last_name="Evans",
        email="nia@example.org",
        email_confirmed_at=timezone.now(),
    )


def authenticate(involvement, user, caseworker):
    from plugins.send.casework.involvements import portal_sharing

    sharing = portal_sharing.add(involvement, user, caseworker, parental_responsibility=True)
    return portal_sharing.authenticate(sharing, caseworker, "Identity checked by phone.")


@pytest.fixture
def authenticated(involvement, parent, caseworker):
    return authenticate(involvement, parent, caseworker)


@pytest.fixture
def general(db):
    from plugins.messaging.models import MessageType

    return MessageType.objects.get(name="General")


@pytest.fixture
def clamd(settings):
    """The shared clamd (scripts/clamav.sh) that scans every upload, attachments included."""
    import os

    if not settings.PORTAL_CLAMD_SOCKET:
        if os.environ.get("PORTAL_REQUIRE_CLAMD") == "1":
            pytest.fail("make test must export PORTAL_CLAMD_SOCKET")
        pytest.skip("PORTAL_CLAMD_SOCKET is unset: scripts/clamav.sh start, then its env")
    return settings.PORTAL_CLAMD_SOCKET

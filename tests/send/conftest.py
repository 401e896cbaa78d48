"""Fixtures shared by the SEND tests."""

import os

import pytest

from plugins.send.filling.scanning import ClamdScanner


@pytest.fixture
def clamd():
    """The clamd of scripts/clamav.sh. Skipped only when PORTAL_CLAMD_SOCKET is unset, which
    `make test` never allows (see test_make_test_always_scans_with_a_real_clamd)."""
    from django.conf import settings

    if not settings.PORTAL_CLAMD_SOCKET:
        if os.environ.get("PORTAL_REQUIRE_CLAMD") == "1":
            pytest.fail("make test must export PORTAL_CLAMD_SOCKET")
        pytest.skip("PORTAL_CLAMD_SOCKET is unset: scripts/clamav.sh start, then its env")
    return ClamdScanner.from_settings()


@pytest.fixture(autouse=True)
def _notices_by_email(provide_service):
    """SEND's tests read the wording of its notices in the emails of the ``notify`` fallback,
    whichever plugins are installed; the messaging plugin's delivery (a portal message and a
    contentless email) is tested in tests/messaging."""
    provide_service("notify")

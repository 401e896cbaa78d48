"""Shared set-up of the dashboard tests: Mali on the register with an open EHC needs
assessment held by Cai Caseworker, her mother Nia authenticated on it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.send.casework.involvements import portal_sharing, services
from tests.factories import UserFactory, child_record
from tests.send.test_council_submissions import staff

EHC = "england_ehc_needs_assessment"


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def caseworker(db):
    return staff("access_admin", "manage_involvement", first_name="Cai", last_name="Caseworker")


@pytest.fixture
def child(db):
    return child_record("C0009001", forename="Mali", surname="Evans")


@pytest.fixture
def involvement(child, caseworker):
    involvement = services.open_involvement(child, EHC, caseworker, caseworker=caseworker)
    services.record_date(involvement, "request_received", days_ago(36), caseworker)
    return involvement


@pytest.fixture
def parent(db):
    return UserFactory(
        first_name="Nia",
        last_name="Evans",
        email="nia@example.org",
        email_confirmed_at=timezone.now(),
    )


@pytest.fixture
def authenticated(involvement, parent, caseworker):
    sharing = portal_sharing.add(involvement, parent, caseworker, parental_responsibility=True)
    return portal_sharing.authenticate(sharing, caseworker, "Mother; identity checked by phone.")

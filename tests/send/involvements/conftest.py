"""Shared set-up of the involvement tests: a child on the register with an open EHC needs
assessment, its family and a professional on the portal, and a caseworker who manages
involvements."""

import pytest
from django.utils import timezone

from plugins.send.casework.involvements import portal_sharing, services
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record
from tests.send.test_council_submissions import staff


@pytest.fixture
def caseworker(db):
    return staff("access_admin", "manage_involvement", first_name="Cai", last_name="Caseworker")


@pytest.fixture
def managing(client, caseworker):
    sign_in_verified(client, caseworker)
    client.user = caseworker
    return client


@pytest.fixture
def child(db):
    return child_record("C0009001", forename="Mali", surname="Evans")


@pytest.fixture
def involvement(child, caseworker):
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


@pytest.fixture
def professional(db):
    return UserFactory(
        first_name="Pat",
        last_name="Jones",
        kind="professional",
        professional_role="Educational psychologist",
        verification_state="verified",
        email_confirmed_at=timezone.now(),
    )


@pytest.fixture
def shared(involvement, parent, caseworker):
    """The parent recorded on the involvement, not authenticated yet."""
    return portal_sharing.add(involvement, parent, caseworker, parental_responsibility=True)


@pytest.fixture
def authenticated(shared, caseworker):
    return portal_sharing.authenticate(shared, caseworker, "Mother; identity checked by phone.")

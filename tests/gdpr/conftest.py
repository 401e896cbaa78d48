"""Fixtures shared by the GDPR administration tests."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from plugins.gdpr import services
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.gdpr.test_admin import question


@pytest.fixture
def gdpr_admin(client):
    """A signed-in member of the GDPR team (the one GDPR administration permission)."""
    user = UserFactory(
        is_staff=True,
        kind="staff",
        first_name="Dana",
        last_name="Officer",
        email_confirmed_at=timezone.now(),
    )
    group = Group.objects.create(name="GDPR team")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "administer_gdpr"])
    )
    user.groups.add(group)
    sign_in_verified(client, user)
    client.officer = user
    return client


@pytest.fixture
def statement(db):
    """The current statement, published now."""
    return services.schedule_statement(question(), timezone.now())

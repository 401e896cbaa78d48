"""Shared set-up of the invitation tests: the involvement tests' child (with an open EHC
needs assessment), parent and caseworker, and an invitation for the child sent to the
parent's email address."""

import pytest

from plugins.send.casework.invitations import services
from tests.conftest import sign_in_verified
from tests.send.involvements import conftest as on_the_case

caseworker = on_the_case.caseworker
managing = on_the_case.managing
child = on_the_case.child
involvement = on_the_case.involvement
parent = on_the_case.parent


@pytest.fixture
def invitation(involvement, parent, caseworker):
    return services.invite(parent.email, [involvement.child_record], "en", caseworker)


@pytest.fixture
def accepted(invitation, parent, child):
    return services.accept(invitation, parent, [child.pk])


@pytest.fixture
def family(client, parent):
    sign_in_verified(client, parent)
    return client

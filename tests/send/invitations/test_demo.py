"""The demo council has an invitation awaiting approval: the demo parent confirmed her
daughter Seren, and the SEND team can activate it on Seren's open annual review; loading the
demo again changes nothing."""

import pytest
from django.contrib.auth import get_user_model

from plugins.send.casework.invitations import services
from plugins.send.demo.loader import load_demo
from plugins.send.models import CaseInvitation
from tests.send.involvements.test_demo import demo_send  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_demo_parents_invitation_for_seren_awaits_approval(demo_send):  # noqa: F811
    invitation = CaseInvitation.objects.get()
    parent = get_user_model().objects.get(email="parent@example.org")
    assert invitation.state == CaseInvitation.State.ACCEPTED
    assert invitation.accepted_by == parent
    child = invitation.children.get()
    assert child.child_record.council_id == "C0000102" and child.confirmed
    assert services.involvement_problem(child.child_record) is None
    load_demo()
    assert CaseInvitation.objects.count() == 1

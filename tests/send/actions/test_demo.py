"""The demo council: the demo parent has an open action to complete for Alfie, a real
published demo form that answers the parental views asked of her; loading again adds none."""

import pytest

from plugins.send.demo.loader import load_demo
from plugins.send.models import Action
from tests.send.involvements.test_demo import demo_send  # noqa: F401 (the demo fixture)

pytestmark = pytest.mark.django_db


def test_the_demo_parent_is_asked_to_complete_a_form_for_alfie(demo_send):  # noqa: F811
    action = Action.objects.get()
    assert action.is_open and action.user.email == "parent@example.org"
    assert action.involvement.child_record.council_id == "C0000101"
    assert action.form.code == "MY_VIEWS" and action.form.live_version is not None
    assert action.information_request.user == action.user
    load_demo()
    assert Action.objects.count() == 1

"""The demo council's cases: the demo parent is authenticated on her son's open EHC needs
assessment, held by the demo caseworker, with information overdue from her; the demo
professional is authenticated on another child; loading again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.demo import DEMO_USERS
from plugins.send.casework.involvements import authentication, statutory
from plugins.send.casework.process import deadlines
from plugins.send.demo.involvements import load_demo_involvements
from plugins.send.demo.loader import load_demo
from plugins.send.models import InformationRequest, Involvement, PortalSharing
from records.demo import DEMO_FAMILY_CHILDREN
from records.models import ChildRecord
from records.services import create_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_send():
    """The demo's users and the demo families' children on the register, then the SEND demo."""
    for email, first, last, kind, *_rest, extra, _secret in DEMO_USERS:
        UserFactory(email=email, first_name=first, last_name=last, kind=kind, **extra)
    for child in DEMO_FAMILY_CHILDREN:
        create_record({k: v for k, v in child.items() if k != "address"}, "import")
    load_demo()


def user(email):
    return get_user_model().objects.get(email=email)


def test_the_demo_parent_is_authenticated_on_her_sons_assessment(demo_send):
    alfie = ChildRecord.objects.get(council_id="C0000101")
    parent = user("parent@example.org")
    involvement = Involvement.objects.get(child_record=alfie)
    assert involvement.is_open and involvement.caseworker.email == "caseworker@example.org"
    timeline = statutory.case_timeline(involvement)
    assert deadlines.current_stage(timeline).stage.code == "assessment" == involvement.stage
    advice = deadlines.current_stage(timeline)
    assert advice.days_left == 12 and advice.due > timezone.localdate()
    assert authentication.is_authenticated_on(parent, alfie)
    sharing = involvement.sharing.get(user=parent)
    assert sharing.authentication_reason and sharing.parental_responsibility
    assert InformationRequest.objects.overdue().get().user == parent


def test_the_demo_professional_is_authenticated_on_another_child(demo_send):
    professional = user("professional@example.org")
    yusuf = ChildRecord.objects.get(council_id="C0000103")
    assert list(authentication.child_records_for(professional)) == [yusuf]
    assert PortalSharing.objects.get(user=professional).shared_on_professional_portal


def test_loading_the_demo_again_changes_nothing(demo_send):
    counts = (Involvement.objects.count(), PortalSharing.objects.count())
    load_demo_involvements()
    assert (Involvement.objects.count(), PortalSharing.objects.count()) == counts == (4, 2)


def test_seren_has_a_final_plan_and_her_annual_review_is_due(demo_send):
    seren = ChildRecord.objects.get(council_id="C0000102")
    assessment = seren.send_involvements.get(process="england_ehc_needs_assessment")
    final_plan = statutory.case_timeline(assessment)[-1]
    assert not assessment.is_open and final_plan.is_done and final_plan.done_on_time
    review = seren.send_involvements.open().get(process="england_annual_review")
    due = deadlines.next_deadline(statutory.case_timeline(review))
    assert due.stage.code == "review_meeting" and 0 < due.days_left <= 31

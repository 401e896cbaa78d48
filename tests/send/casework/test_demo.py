"""The demo council's submitted forms: one in every review state, with the council's messages,
for the demo parent's children; loading again changes nothing."""

import pytest

from core.demo import DEMO_USERS
from plugins.send.demo.casework import load_demo_reviews
from plugins.send.demo.loader import load_demo
from plugins.send.models import Review, Submission
from plugins.send.models.submissions import Matching
from records.demo import DEMO_FAMILY_CHILDREN
from records.services import create_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_send():
    """The demo's users and the demo parent's children on the register (core.demo and
    records.demo make them), then the SEND demo. (Core's whole demo is not needed here.)"""
    for email, first, last, kind, *_rest in DEMO_USERS:
        UserFactory(email=email, first_name=first, last_name=last, kind=kind)
    for child in DEMO_FAMILY_CHILDREN:
        values = {k: v for k, v in child.items() if k != "address"}
        create_record(values, "import")
    load_demo()


def test_the_demo_has_a_submitted_form_in_every_review_state(demo_send):
    forms = Submission.objects.filter(reference__startswith="SND-DEMO").select_related("person")
    states = {form.review_state for form in forms}
    assert states == set(Review.values)
    by_state = {form.reference: form for form in forms}
    assert by_state["SND-DEMO000003"].share_with_case is True
    assert "Dear Priya Parent" in by_state["SND-DEMO000003"].decision_message
    assert "nursery report" in by_state["SND-DEMO000005"].decision_message
    assert by_state["SND-DEMO000006"].resubmitted_at is not None
    assert by_state["SND-DEMO000001"].matching_state == Matching.AWAITING
    assert by_state["SND-DEMO000002"].matching_state == Matching.MATCHED
    assert {form.created_by.email for form in forms} == {"parent@example.org"}


def test_loading_the_demo_reviews_again_changes_nothing(demo_send):
    before = Submission.objects.count()
    load_demo_reviews()
    assert Submission.objects.count() == before

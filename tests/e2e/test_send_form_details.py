"""Around a form's steps (issue 11, item 19), in English and Welsh with axe on every page: a
professional confirms their name, role and organisation before the task list; a parent
corrects the child's details from "Subject details", sees them on the check page with the
warning that sending is final, and is asked "Are you sure?" before starting a second copy
of a form already sent."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from plugins.send.models import Submission
from tests.factories import UserFactory
from tests.send.factories import PersonLinkFactory

LANGUAGES = {
    "en": {
        "prefix": "",
        "start": "Start",
        "continue": "Continue",
        "advice": "Advice request response",
        "consent": "Parental consent",
        "your_details": "Your details",
        "role": "Your role",
        "confirm_details": "Confirm and continue",
        "correct": "Correct the child's name or date of birth",
        "first_name": "First name",
        "save": "Save the details",
        "final": "You cannot change anything once you have sent this form.",
        "sure": "Are you sure you want to start this form again?",
        "yes_new": "Yes, start a new copy",
    },
    "cy": {
        "prefix": "/cy",
        "start": "Dechrau",
        "continue": "Parhau",
        "advice": "Ymateb i gais am gyngor",
        "consent": "Caniatâd rhiant",
        "your_details": "Eich manylion",
        "role": "Eich rôl",
        "confirm_details": "Cadarnhau a pharhau",
        "correct": "Cywiro enw neu ddyddiad geni'r plentyn",
        "first_name": "Enw cyntaf",
        "save": "Cadw'r manylion",
        "final": "Ni allwch newid dim ar ôl i chi anfon y ffurflen hon.",
        "sure": "Ydych chi'n siŵr eich bod am ddechrau'r ffurflen hon eto?",
        "yes_new": "Ydw, dechrau copi newydd",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


def button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


@pytest.fixture
def therapist(e2e_demo):
    """A professional the council has verified, with a confirmed code-by-email device."""
    from django_otp.plugins.otp_email.models import EmailDevice

    user = UserFactory(
        email="therapist@example.org",
        first_name="Rhys",
        last_name="Therapist",
        kind="professional",
        professional_role="Speech and language therapist",
        organisation="Demo Health Board",
        verification_state="verified",
        email_confirmed_at=timezone.now(),
    )
    EmailDevice.objects.create(user=user, name="Email", confirmed=True)
    return user


def test_a_professional_confirms_their_details_before_the_task_list(
    portal, sign_in_as, therapist, language
):
    words, page, user = language, portal.page, therapist
    person = PersonLinkFactory(user=user, relationship="professional").person
    sign_in_as(user, verified=True)
    portal.goto(f"{words['prefix']}/send/people/{person.pk}/")
    button(portal, f"{words['start']} {words['advice']}")

    expect(page.get_by_role("heading", level=1)).to_have_text(words["your_details"])
    expect(page.get_by_label(words["role"])).to_have_value("Speech and language therapist")
    page.get_by_label(words["role"]).fill("Lead speech and language therapist")
    button(portal, words["confirm_details"])

    expect(page.locator(".govuk-task-list")).to_be_visible()
    submission = Submission.objects.get(person=person)
    assert submission.professional_role == "Lead speech and language therapist"
    assert submission.professional_organisation == "Demo Health Board"


def test_a_parent_corrects_the_child_then_is_asked_before_a_second_copy(
    portal, sign_in_as, e2e_demo, language
):
    words, page = language, portal.page
    parent = get_user_model().objects.get(email="parent@example.org")
    child = PersonLinkFactory(user=parent, person__forename="Alis", person__surname="Jones").person
    sign_in_as(parent, verified=True)
    portal.goto(f"{words['prefix']}/send/people/{child.pk}/")
    button(portal, f"{words['start']} {words['consent']}")
    button(portal, words["continue"])

    portal.click(page.get_by_role("link", name=words["correct"]))
    page.get_by_label(words["first_name"]).fill("Alys")
    button(portal, words["save"])
    expect(page.get_by_text("Alys Jones")).to_be_visible()

    submission = Submission.objects.get(person=child)
    portal.goto(f"{words['prefix']}/send/submissions/{submission.pk}/check/")
    expect(page.get_by_text("Alys Jones")).to_be_visible()
    expect(page.get_by_text(words["final"])).to_be_visible()

    Submission.objects.filter(pk=submission.pk).update(
        status="submitted", submitted_at=timezone.now(), reference="SND-TESTREF23"
    )
    portal.goto(f"{words['prefix']}/send/people/{child.pk}/")
    button(portal, f"{words['start']} {words['consent']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["sure"])
    button(portal, words["yes_new"])
    expect(page.locator(".govuk-task-list")).to_be_visible()
    assert Submission.objects.filter(person=child, status="draft").count() == 1

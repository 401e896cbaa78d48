"""The council decides on a family's form, in the browser, in English and in Welsh; every portal
page is checked by axe (Wagtail's own admin pages are not ours to check).

A parent submits a form; the caseworker opens it (Opened) and asks for more information with a
message of their own; the parent reads it at the top of the form, changes an answer and sends
it again; the caseworker approves and shares it; the parent and the other parent of the same
child (authenticated on the child's involvement) both find it under the forms shared with them
and open it; once the caseworker takes the other parent's authentication away, it is gone from
their page. A second journey rejects a form: the family sees Rejected and the message. Each
notice to the parent is an email in her language that only says a message is waiting; she reads
its wording in her portal inbox."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from plugins.send.casework.involvements import portal_sharing, services
from plugins.send.models import Submission
from tests.e2e import notices
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
)

ADMIN = "/admin/send/submissions/"

LANGUAGES = {
    "en": {
        "code": "en",
        "prefix": "",
        "form": "Request for help",
        "question": "Your child's school",
        "start": "Start",
        "continue": "Continue",
        "confirm": "These details are correct – continue",
        "save": "Save and continue",
        "council": "I confirm that the information I have given is correct and complete",
        "sharing": "I agree to the information in this form being used and shared",
        "submit": "Submit",
        "submitted": "Form submitted",
        "more_information": "More information needed",
        "asked": "The council has asked for more information",
        "approved": "Approved",
        "rejected": "Rejected",
        "message": "Message from the council",
        "shared": "Forms shared with you by the council",
        "view_shared": "View shared form",
        "shared_tag": "Shared with you",
        "request": "Please give the full name of the school, as it appears on letters.",
        "subjects": {
            "receipt": "We have received your form: {reference}",
            "more_information": "We need more information about your form {reference}",
            "approve": "Your form {reference} has been approved",
            "reject": "Your form {reference} has been rejected",
        },
    },
    "cy": {
        "code": "cy",
        "prefix": "/cy",
        "form": "Cais am help",
        "question": "Ysgol eich plentyn",
        "start": "Dechrau",
        "continue": "Parhau",
        "confirm": "Mae'r manylion hyn yn gywir – parhau",
        "save": "Cadw a pharhau",
        "council": "Rwy'n cadarnhau bod yr wybodaeth a roddais yn gywir",
        "sharing": "Rwy'n cytuno i'r wybodaeth yn y ffurflen hon gael ei defnyddio",
        "submit": "Cyflwyno",
        "submitted": "Ffurflen wedi'i chyflwyno",
        "more_information": "Angen rhagor o wybodaeth",
        "asked": "Mae’r cyngor wedi gofyn am ragor o wybodaeth",
        "approved": "Cymeradwywyd",
        "rejected": "Gwrthodwyd",
        "message": "Neges gan y cyngor",
        "shared": "Ffurflenni a rannwyd â chi gan y cyngor",
        "view_shared": "Gweld y ffurflen a rannwyd",
        "shared_tag": "Wedi’i rhannu â chi",
        "request": "Rhowch enw llawn yr ysgol, fel y mae ar lythyrau.",
        "subjects": {
            "receipt": "Rydym wedi cael eich ffurflen: {reference}",
            "more_information": "Mae angen rhagor o wybodaeth arnom am eich ffurflen {reference}",
            "approve": "Mae eich ffurflen {reference} wedi’i chymeradwyo",
            "reject": "Mae eich ffurflen {reference} wedi’i gwrthod",
        },
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


@pytest.fixture
def family(e2e_demo, language, caseworker):
    """The demo parent (in the journey's language) with a child matched to a child record, and
    another parent who declared the same child, matched to the same record and authenticated
    by the caseworker on the child's EHC needs assessment."""
    from django_otp.plugins.otp_email.models import EmailDevice

    from records.models import ChildRecord
    from tests.factories import UserFactory

    record = ChildRecord.objects.create(
        council_id="C-JOURNEY", forename="Nia", surname="Hughes", date_of_birth="2016-05-04"
    )
    parent = get_user_model().objects.get(email="parent@example.org")
    parent.preferred_language = language["code"]
    parent.save()
    child = PersonLinkFactory(
        user=parent,
        person__forename="Nia",
        person__surname="Hughes",
        person__date_of_birth=record.date_of_birth,
        person__child_record=record,
    ).person
    other = UserFactory(
        email="other.parent@example.org",
        first_name="Owen",
        last_name="Hughes",
        email_confirmed_at=timezone.now(),
        preferred_language=language["code"],
    )
    EmailDevice.objects.create(user=other, name="Email", confirmed=True)
    others_child = PersonLinkFactory(
        user=other,
        person__forename="Nia",
        person__surname="Hughes",
        person__date_of_birth=record.date_of_birth,
        person__child_record=record,
    ).person
    involvement = services.open_involvement(
        record,
        "england_ehc_needs_assessment",
        caseworker,
        stage="assessment",
        caseworker=caseworker,
    )
    sharing = portal_sharing.add(involvement, other, caseworker, parental_responsibility=True)
    sharing = portal_sharing.authenticate(
        sharing, caseworker, "Nia's father; passport checked in person."
    )
    mail.outbox.clear()
    return {
        "parent": parent,
        "child": child,
        "other": other,
        "others_child": others_child,
        "others_sharing": sharing,
    }


@pytest.fixture
def form(e2e_demo):
    """A short live form of one step with one question: the journeys are about the decision."""
    from plugins.send.builder import services as builder

    form = FormDefinitionFactory(title_en="Request for help", title_cy="Cais am help")
    group = GroupFactory(form=form, number=2, name_en="School", name_cy="Ysgol")
    place(
        group,
        QuestionFactory(
            code="JOURNEY_SCHOOL", label_en="Your child's school", label_cy="Ysgol eich plentyn"
        ),
    )
    builder.publish(form)
    form.refresh_from_db()
    return form


@pytest.fixture
def caseworker(e2e_demo):
    return get_user_model().objects.get(email="caseworker@example.org")


def button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def assert_emailed(user, words, kind, reference):
    """The newest email to ``user`` says, in their language, only that a message is waiting:
    neither the notice's subject nor the form's reference is in it."""
    subject = words["subjects"][kind].format(reference=reference)
    notices.assert_contentless_email(notices.emails_to(user)[-1], words["code"], subject, reference)


def reads_notice(portal, words, kind, reference):
    """The signed-in parent opens the notice (its subject names the form's reference) in her
    portal inbox; its one message."""
    subject = words["subjects"][kind].format(reference=reference)
    (message,) = notices.open_notice(portal, words["code"], subject).all()
    return message


def check_and_send(portal, words):
    page = portal.page
    page.get_by_label(re.compile(re.escape(words["council"]))).check()
    page.get_by_label(re.compile(re.escape(words["sharing"]))).check()
    button(portal, words["submit"])
    expect(page.get_by_role("heading", level=1)).to_have_text(words["submitted"])


def parent_submits(portal, words, child, school):
    page = portal.page
    portal.goto(f"{words['prefix']}/send/people/{child.pk}/")
    button(portal, f"{words['start']} {words['form']}")
    button(portal, words["continue"])
    button(portal, words["confirm"])
    page.get_by_label(words["question"]).fill(school)
    button(portal, words["save"])
    check_and_send(portal, words)
    return Submission.objects.get(person=child)


def caseworker_opens(portal, submission):
    portal.goto(f"{ADMIN}{submission.pk}/")
    expect(portal.page.locator("[data-review-state]")).to_contain_text("Opened")


def caseworker_decides(portal, submission, decision, message=None, share=None):
    """On the form's admin page, choose ``decision`` and send its message (``message`` replaces
    the council's default one; ``share`` answers the approval's question, "yes" or "no")."""
    page = portal.page
    caseworker_opens(portal, submission)
    portal.click(page.get_by_role("link", name=decision, exact=True))
    if message is not None:
        page.get_by_label("Message to the form submitter").fill(message)
    if share is not None:
        page.locator(f'input[name="share"][value="{share}"]').check()
    portal.click(page.get_by_role("button", name=re.compile(f"^{decision} and send message")))


def sees_shared_form(portal, words, person, school):
    page = portal.page
    portal.goto(f"{words['prefix']}/send/people/{person.pk}/")
    shared = page.locator("[data-shared-forms]")
    expect(page.get_by_role("heading", name=words["shared"])).to_be_visible()
    portal.click(shared.get_by_role("link", name=f"{words['view_shared']} {words['form']}"))
    expect(page.get_by_text(words["shared_tag"], exact=True)).to_be_visible()
    expect(page.get_by_text(school)).to_be_visible()


def test_more_information_then_approved_and_shared_with_both_parents(
    portal, sign_in_as, family, form, caseworker, language
):
    words, page, parent = language, portal.page, family["parent"]
    sign_in_as(parent, verified=True)
    submission = parent_submits(portal, words, family["child"], "Hillside")
    assert_emailed(parent, words, "receipt", submission.reference)
    reads_notice(portal, words, "receipt", submission.reference)

    sign_in_as(caseworker, verified=True)
    caseworker_decides(portal, submission, "Request more information", message=words["request"])
    expect(
        page.get_by_text("More information requested. The form submitter has been notified.")
    ).to_be_visible()
    assert_emailed(parent, words, "more_information", submission.reference)
    assert words["request"] not in notices.emails_to(parent)[-1].body

    # The parent reads the council's request in her inbox and at the top of the form, and
    # sends the form again.
    sign_in_as(parent, verified=True)
    message = reads_notice(portal, words, "more_information", submission.reference)
    expect(message).to_contain_text(words["request"])
    portal.goto(f"{words['prefix']}/send/people/{family['child'].pk}/")
    expect(page.get_by_text(words["more_information"], exact=True)).to_be_visible()
    portal.click(page.get_by_role("link", name=f"{words['continue']} {words['form']}"))
    banner = page.locator("[data-council-message]")
    expect(banner).to_contain_text(words["asked"])
    expect(banner).to_contain_text(words["request"])
    portal.goto(f"{words['prefix']}/send/submissions/{submission.pk}/step/2/")
    page.get_by_label(words["question"]).fill("Hillside Primary School, Demo Town")
    button(portal, words["save"])
    check_and_send(portal, words)
    submission.refresh_from_db()
    assert submission.review_state == "not_opened" and submission.resubmitted_at

    sign_in_as(caseworker, verified=True)
    caseworker_opens(portal, submission)
    expect(page.locator("[data-review-state]")).to_contain_text("resubmitted")
    caseworker_decides(portal, submission, "Approve", share="yes")
    expect(page.get_by_text("Form approved. The applicant has been notified.")).to_be_visible()
    assert_emailed(parent, words, "approve", submission.reference)
    assert notices.emails_to(family["other"]) == []  # sharing tells nobody else by email

    sign_in_as(parent, verified=True)
    reads_notice(portal, words, "approve", submission.reference)
    portal.goto(f"{words['prefix']}/send/people/{family['child'].pk}/")
    expect(page.get_by_text(words["approved"], exact=True)).to_be_visible()
    sees_shared_form(portal, words, family["child"], "Hillside Primary School, Demo Town")

    sign_in_as(family["other"], verified=True)
    sees_shared_form(portal, words, family["others_child"], "Hillside Primary School, Demo Town")

    # The caseworker takes the other parent's authentication away: the form goes at once.
    portal_sharing.unauthenticate(family["others_sharing"], caseworker)
    portal.goto(f"{words['prefix']}/send/people/{family['others_child'].pk}/")
    view_shared = page.get_by_role("link", name=f"{words['view_shared']} {words['form']}")
    expect(view_shared).to_have_count(0)


def test_a_rejected_form_shows_rejected_and_the_message(
    portal, sign_in_as, family, form, caseworker, language
):
    words, page, parent = language, portal.page, family["parent"]
    sign_in_as(parent, verified=True)
    submission = parent_submits(portal, words, family["child"], "Hillside")

    sign_in_as(caseworker, verified=True)
    caseworker_decides(portal, submission, "Reject", message=words["request"])
    expect(page.get_by_text("Form rejected. The form submitter has been notified.")).to_be_visible()
    assert_emailed(parent, words, "reject", submission.reference)

    sign_in_as(parent, verified=True)
    message = reads_notice(portal, words, "reject", submission.reference)
    expect(message).to_contain_text(words["request"])
    portal.goto(f"{words['prefix']}/send/people/{family['child'].pk}/")
    expect(page.get_by_text(words["rejected"], exact=True)).to_be_visible()
    page.get_by_text(words["message"]).click()
    expect(page.locator("[data-decision-message]")).to_contain_text(words["request"])
    expect(page.locator("[data-shared-forms]")).to_have_count(0)

    sign_in_as(family["other"], verified=True)
    portal.goto(f"{words['prefix']}/send/people/{family['others_child'].pk}/")
    expect(page.locator("[data-shared-forms]")).to_have_count(0)

"""Actions to complete, in the browser, in English and in Welsh; every portal page is checked
by axe (Wagtail's own admin pages are not ours to check).

The caseworker asks the demo parent, on her son Alfie's EHC needs assessment, to complete a
form by a date; an email in her language (with nothing of the request in it) sends her to
her portal inbox, where she reads the request; "Items to complete for Alfie" lists it
with the note; Start opens the form for Alfie; she completes and submits it; the item leaves
the list and the linked information requested is recorded as received."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from plugins.send.models import Action, Involvement
from tests.e2e import notices
from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place

LANGUAGES = {
    "en": {
        "code": "en",
        "prefix": "",
        "form": "Parental preference",
        "question": "Your preferred school",
        "title": "Items to complete for Alfie",
        "start": "Start",
        "continue": "Continue",
        "confirm": "These details are correct – continue",
        "save": "Save and continue",
        "council": "I confirm that the information I have given is correct and complete",
        "sharing": "I agree to the information in this form being used and shared",
        "submit": "Submit",
        "submitted": "Form submitted",
        "subject": "Please complete Parental preference for Alfie",
    },
    "cy": {
        "code": "cy",
        "prefix": "/cy",
        "form": "Dewis y rhiant",
        "question": "Eich dewis o ysgol",
        "title": "Eitemau i’w cwblhau ar gyfer Alfie",
        "start": "Dechrau",
        "continue": "Parhau",
        "confirm": "Mae'r manylion hyn yn gywir – parhau",
        "save": "Cadw a pharhau",
        "council": "Rwy'n cadarnhau bod yr wybodaeth a roddais yn gywir",
        "sharing": "Rwy'n cytuno i'r wybodaeth yn y ffurflen hon gael ei defnyddio",
        "submit": "Cyflwyno",
        "submitted": "Ffurflen wedi'i chyflwyno",
        "subject": "Cwblhewch Dewis y rhiant ar gyfer Alfie",
    },
}
NOTE = "Please tell us which school you would like Alfie to go to."


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


@pytest.fixture
def parent(e2e_demo, language):
    parent = get_user_model().objects.get(email="parent@example.org")
    parent.preferred_language = language["code"]
    parent.save()
    mail.outbox.clear()
    return parent


@pytest.fixture
def form(e2e_demo):
    """A short live form of one step with one question: the journey is about the action."""
    from plugins.send.builder import services as builder

    form = FormDefinitionFactory(
        code="PREFERENCE", title_en="Parental preference", title_cy="Dewis y rhiant"
    )
    group = GroupFactory(form=form, number=2, name_en="School", name_cy="Ysgol")
    place(
        group,
        QuestionFactory(
            code="PREFERRED_SCHOOL",
            label_en="Your preferred school",
            label_cy="Eich dewis o ysgol",
        ),
    )
    builder.publish(form)
    form.refresh_from_db()
    return form


def button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def test_the_parent_completes_the_form_she_was_asked_for_and_it_leaves_her_list(
    portal, sign_in_as, parent, form, language
):
    words, page = language, portal.page
    involvement = Involvement.objects.get(child_record__council_id="C0000101")
    caseworker = get_user_model().objects.get(email="caseworker@example.org")
    due = timezone.localdate() + timedelta(days=21)

    # The caseworker asks on the involvement's page, linking the parental views asked for.
    sign_in_as(caseworker, verified=True)
    portal.goto(f"/admin/send/involvements/{involvement.pk}/")
    portal.click(page.get_by_role("link", name="Ask someone to complete a form"))
    page.locator('select[name="user"]').select_option(label=str(parent))
    page.locator('select[name="form"]').select_option(label=str(form))
    page.locator('input[name="due_on"]').fill(due.isoformat())
    page.locator('textarea[name="note"]').fill(NOTE)
    page.locator('select[name="information_request"]').select_option(index=1)
    button(portal, "Ask")
    expect(page.get_by_text("The person has been asked to complete the form.")).to_be_visible()
    action = Action.objects.get(form=form)
    (email,) = notices.emails_to(parent)
    notices.assert_contentless_email(email, words["code"], words["subject"], NOTE)

    # The parent reads what she is asked in her portal inbox, finds it under "Items to
    # complete" and starts it.
    sign_in_as(parent, verified=True)
    (message,) = notices.open_notice(portal, words["code"], words["subject"]).all()
    expect(message).to_contain_text(NOTE)
    portal.goto(f"{words['prefix']}/send/children/{involvement.child_record_id}/actions/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(words["title"])
    item = page.locator("[data-action]").filter(has_text=words["form"])
    expect(item).to_contain_text(NOTE)
    portal.click(item.get_by_role("button", name=f"{words['start']} {words['form']}"))
    button(portal, words["continue"])
    expect(page.get_by_text("Alfie").first).to_be_visible()
    button(portal, words["confirm"])
    page.get_by_label(words["question"]).fill("Hillside Primary School")
    button(portal, words["save"])
    page.get_by_label(re.compile(re.escape(words["council"]))).check()
    page.get_by_label(re.compile(re.escape(words["sharing"]))).check()
    button(portal, words["submit"])
    expect(page.get_by_role("heading", level=1)).to_have_text(words["submitted"])

    # Submitting completed the action: it has left her list.
    action.refresh_from_db()
    assert action.status == "completed" and action.submission.reference
    assert action.information_request.received_on == timezone.localdate()
    portal.goto(f"{words['prefix']}/send/children/{involvement.child_record_id}/actions/")
    expect(page.locator("[data-action]").filter(has_text=words["form"])).to_have_count(0)

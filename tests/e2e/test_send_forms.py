"""A parent completes a council form in the browser, every page checked by axe: starts the
demo "Parental consent" form for their child, meets an error summary, saves each step,
leaves and comes back to continue, checks the answers, ticks both declarations and submits,
then sees the reference and the read-only form — in English and in Welsh. A second journey
adds items to a repeating step and uploads a file that clamd scans."""

import os
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from plugins.send.models import Submission, SubmissionFile
from tests.send.factories import PersonLinkFactory

LANGUAGES = {
    "en": {
        "prefix": "",
        "form": "Parental consent",
        "start": "Start",
        "continue": "Continue",
        "confirm": "These details are correct – continue",
        "save": "Save and continue",
        "name": "Your full name",
        "relationship": "Your relationship to the child",
        "mother": "Mother",
        "responsibility": "Do you have parental responsibility for the child?",
        "yes": "Yes",
        "error": "There is a problem",
        "share": [
            "May we share information about your child with their school, college or setting?",
            "May we ask health services for advice and information about your child?",
            "May we ask children's social care for advice and information about your child?",
            "May an educational psychologist meet your child and give advice?",
            "May we share the advice we receive with the other professionals involved?",
        ],
        "declaration": [
            "I understand that I can withdraw my consent at any time",
            "I confirm that the information I have given is correct",
        ],
        "day": "Day",
        "month": "Month",
        "year": "Year",
        "check": "Check your answers before submitting",
        "council": "I confirm that the information I have given is correct and complete",
        "sharing": "I agree to the information in this form being used and shared",
        "submit": "Submit",
        "submitted": "Form submitted",
        "view": "View the form you submitted",
        "in_progress": "In progress",
    },
    "cy": {
        "prefix": "/cy",
        "form": "Caniatâd rhiant",
        "start": "Dechrau",
        "continue": "Parhau",
        "confirm": "Mae'r manylion hyn yn gywir – parhau",
        "save": "Cadw a pharhau",
        "name": "Eich enw llawn",
        "relationship": "Eich perthynas â'r plentyn",
        "mother": "Mam",
        "responsibility": "Oes gennych chi gyfrifoldeb rhiant dros y plentyn?",
        "yes": "Ie",
        "error": "Mae problem wedi codi",
        "share": [
            "Gawn ni rannu gwybodaeth am eich plentyn gyda'r ysgol, y coleg neu'r lleoliad addysg?",
            "Gawn ni ofyn i wasanaethau iechyd am gyngor a gwybodaeth am eich plentyn?",
            "Gawn ni ofyn i'r gwasanaethau gofal cymdeithasol i blant am gyngor a gwybodaeth am "
            "eich plentyn?",
            "Gaiff seicolegydd addysg gwrdd â'ch plentyn a rhoi cyngor?",
            "Gawn ni rannu'r cyngor a gawn gyda'r gweithwyr proffesiynol eraill sy'n ymwneud â'ch "
            "plentyn?",
        ],
        "declaration": [
            "Rwy'n deall y gallaf dynnu fy nghaniatâd yn ôl unrhyw bryd",
            "Rwy'n cadarnhau bod yr wybodaeth rydw i wedi'i rhoi yn gywir",
        ],
        "day": "Diwrnod",
        "month": "Mis",
        "year": "Blwyddyn",
        "check": "Gwiriwch eich atebion cyn cyflwyno",
        "council": "Rwy'n cadarnhau bod yr wybodaeth a roddais yn gywir",
        "sharing": "Rwy'n cytuno i'r wybodaeth yn y ffurflen hon gael ei defnyddio",
        "submit": "Cyflwyno",
        "submitted": "Ffurflen wedi'i chyflwyno",
        "view": "Gweld y ffurflen a gyflwynoch",
        "in_progress": "Ar y gweill",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


@pytest.fixture
def child(e2e_demo):
    parent = get_user_model().objects.get(email="parent@example.org")
    return PersonLinkFactory(user=parent, person__forename="Alys", person__surname="Jones").person


def button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def answer_yes(page, words, question):
    page.get_by_role("group", name=question).get_by_label(words["yes"], exact=True).check()


def test_a_parent_completes_and_submits_a_form(portal, sign_in_as, child, language):
    words, page = language, portal.page
    sign_in_as(child.links.get().user, verified=True)
    portal.goto(f"{words['prefix']}/send/people/{child.pk}/")
    button(portal, f"{words['start']} {words['form']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(words["form"])
    button(portal, words["continue"])
    button(portal, words["confirm"])

    # Step 2: a mandatory answer left out gives the error summary and keeps the rest.
    page.get_by_label(words["name"]).fill("Sara Jones")
    button(portal, words["save"])
    expect(page.get_by_role("alert")).to_contain_text(words["error"])
    expect(page.get_by_label(words["name"])).to_have_value("Sara Jones")
    page.get_by_role("group", name=words["relationship"]).get_by_label(words["mother"]).check()
    answer_yes(page, words, words["responsibility"])
    button(portal, words["save"])

    # Leave, come back from the person's page and continue where the form was left.
    portal.goto(f"{words['prefix']}/send/people/{child.pk}/")
    expect(page.get_by_text(words["in_progress"])).to_be_visible()
    portal.click(page.get_by_role("link", name=f"{words['continue']} {words['form']}"))
    button(portal, words["continue"])  # the task list's Continue: the first step not saved
    for question in words["share"]:
        answer_yes(page, words, question)
    button(portal, words["save"])
    for question in words["declaration"]:
        answer_yes(page, words, question)
    page.get_by_label(words["day"]).fill("3")
    page.get_by_label(words["month"]).fill("11")
    page.get_by_label(words["year"]).fill("2026")
    button(portal, words["save"])

    expect(page.get_by_role("heading", level=1)).to_have_text(words["check"])
    expect(page.get_by_text("Sara Jones")).to_be_visible()
    button(portal, words["submit"])
    expect(page.get_by_role("alert")).to_be_visible()  # both declarations are needed
    page.get_by_label(re.compile(re.escape(words["council"]))).check()
    page.get_by_label(re.compile(re.escape(words["sharing"]))).check()
    button(portal, words["submit"])

    submission = Submission.objects.get(person=child)
    expect(page.get_by_role("heading", level=1)).to_have_text(words["submitted"])
    expect(page.get_by_text(submission.reference)).to_be_visible()
    assert submission.status == "submitted"
    portal.click(page.get_by_role("link", name=words["view"]))
    expect(page.get_by_text("Sara Jones")).to_be_visible()


@pytest.mark.skipif(
    not os.environ.get("PORTAL_CLAMD_SOCKET"), reason="needs clamd (make test starts it)"
)
def test_a_parent_adds_documents_to_a_repeating_step(portal, sign_in_as, child, tmp_path):
    page = portal.page
    sign_in_as(child.links.get().user, verified=True)
    portal.goto(f"/send/people/{child.pk}/")
    button(portal, "Start Parent, carer or young person request for an EHC needs assessment")
    submission = Submission.objects.get(person=child)
    portal.goto(f"/send/submissions/{submission.pk}/step/9/")
    report = tmp_path / "school-report.pdf"
    report.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.locator('input[type="file"]').first.set_input_files(str(report))
    button(portal, "Add more")
    expect(page.get_by_role("heading", name=re.compile("2"))).to_be_visible()
    page.locator('input[type="file"]').nth(1).set_input_files(str(report))
    button(portal, "Save and continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Parental responsibility")
    button(portal, "Save and continue")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before submitting"
    )
    assert SubmissionFile.objects.filter(submission=submission).count() >= 1
    expect(page.get_by_role("link", name="school-report.pdf").first).to_be_visible()

"""A SEND team member previews a request form on the portal, in English and in Welsh, step by
step and by keyboard alone: the error summary of a mandatory question, "Add more" in a
repeating group, and the end of the preview with nothing saved. Every page is checked by axe."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from plugins.send.models import Answer, Submission
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    QuestionFactory,
    place,
)

LANGUAGES = {
    "en": {
        "prefix": "",
        "title": "Special Educational Needs and Disabilities – Request for an EHC needs assessment",
        "banner": "You are previewing the draft of this form. Nothing you enter is saved.",
        "guidance_bold": "20 minutes",
        "error_title": "Error: ",
        "start": "Start",
        "subject": "Subject details",
        "example": "These are example details.",
        "continue": "Continue",
        "about": "About your child",
        "save": "Save and continue",
        "views": "What does your child enjoy doing?",
        "views_error": "Enter an answer to “What does your child enjoy doing?”",
        "diagnosed": "Has your child had a diagnosis?",
        "yes": "Yes",
        "diagnosed_on": "Date of diagnosis",
        "day": "Day",
        "month": "Month",
        "year": "Year",
        "school_year": "Which school year is your child in?",
        "year_3": "Year 3",
        "professionals": "Professionals who know your child",
        "name": "Professional's name",
        "add_more": "Add more",
        "item_2": "Professionals who know your child 2",
        "evidence": "Supporting evidence",
        "ended": "The preview has ended",
    },
    "cy": {
        "prefix": "/cy",
        "title": "Anghenion Addysgol Arbennig ac Anableddau – Cais am asesiad o anghenion EHC",
        "banner": "Rydych chi'n edrych ar ragolwg o ddrafft y ffurflen hon.",
        "guidance_bold": "20 munud",
        "error_title": "Gwall: ",
        "start": "Dechrau",
        "subject": "Manylion y person",
        "example": "Manylion enghreifftiol yw'r rhain.",
        "continue": "Parhau",
        "about": "Am eich plentyn",
        "save": "Cadw a pharhau",
        "views": "Beth mae eich plentyn yn mwynhau ei wneud?",
        "views_error": "Rhowch ateb i “Beth mae eich plentyn yn mwynhau ei wneud?”",
        "diagnosed": "A yw eich plentyn wedi cael diagnosis?",
        "yes": "Ie",
        "diagnosed_on": "Dyddiad y diagnosis",
        "day": "Diwrnod",
        "month": "Mis",
        "year": "Blwyddyn",
        "school_year": "Ym mha flwyddyn ysgol mae eich plentyn?",
        "year_3": "Blwyddyn 3",
        "professionals": "Gweithwyr proffesiynol sy'n adnabod eich plentyn",
        "name": "Enw'r gweithiwr proffesiynol",
        "add_more": "Ychwanegu mwy",
        "item_2": "Gweithwyr proffesiynol sy'n adnabod eich plentyn 2",
        "evidence": "Tystiolaeth ategol",
        "ended": "Mae'r rhagolwg wedi dod i ben",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def words(request):
    return LANGUAGES[request.param]


@pytest.fixture
def request_form(e2e_demo):
    """A form like the council's EHC needs assessment request, with its draft not published."""
    form = FormDefinitionFactory(
        title_en="Request for an EHC needs assessment",
        title_cy="Cais am asesiad o anghenion EHC",
        guidance_en="Tell us about your child. It takes about **20 minutes**.",
        guidance_cy="Dywedwch wrthym am eich plentyn. Mae'n cymryd tua **20 munud**.",
    )
    about = GroupFactory(form=form, number=2, name_en="About your child", name_cy="Am eich plentyn")
    school_year = QuestionFactory(
        code="SCHOOL_YEAR",
        data_type="choice",
        label_en="Which school year is your child in?",
        label_cy="Ym mha flwyddyn ysgol mae eich plentyn?",
    )
    for number in range(1, 7):
        ChoiceFactory(
            question=school_year, label_en=f"Year {number}", label_cy=f"Blwyddyn {number}"
        )
    place(
        about,
        QuestionFactory(
            code="CHILD_ENJOYS",
            data_type="memo",
            max_length=2000,
            mandatory=True,
            label_en="What does your child enjoy doing?",
            label_cy="Beth mae eich plentyn yn mwynhau ei wneud?",
            hint_en="For example, games, places or people.",
            hint_cy="Er enghraifft, gemau, lleoedd neu bobl.",
        ),
        QuestionFactory(
            code="DIAGNOSED",
            data_type="yes_no",
            label_en="Has your child had a diagnosis?",
            label_cy="A yw eich plentyn wedi cael diagnosis?",
        ),
        QuestionFactory(
            code="DIAGNOSED_ON",
            data_type="date",
            label_en="Date of diagnosis",
            label_cy="Dyddiad y diagnosis",
        ),
        school_year,
    )
    professionals = GroupFactory(
        form=form,
        number=3,
        repeating=True,
        name_en="Professionals who know your child",
        name_cy="Gweithwyr proffesiynol sy'n adnabod eich plentyn",
    )
    place(
        professionals,
        QuestionFactory(
            code="PRO_NAME",
            mandatory=True,
            max_length=100,
            label_en="Professional's name",
            label_cy="Enw'r gweithiwr proffesiynol",
        ),
        QuestionFactory(
            code="PRO_PHONE", label_en="Phone number", label_cy="Rhif ffôn", max_length=20
        ),
    )
    evidence = GroupFactory(
        form=form, number=4, name_en="Supporting evidence", name_cy="Tystiolaeth ategol"
    )
    place(
        evidence,
        QuestionFactory(
            code="EVIDENCE",
            data_type="file",
            label_en="A report about your child",
            label_cy="Adroddiad am eich plentyn",
        ),
    )
    return form


@pytest.fixture
def send_team_member(e2e_demo, sign_in_as):
    caseworker = get_user_model().objects.get(email="caseworker@example.org")
    sign_in_as(caseworker, verified=True)
    return caseworker


def press(portal, locator):
    """Reach ``locator`` with the keyboard and press Enter on it."""
    locator.focus()
    expect(locator).to_be_focused()
    portal.press("Enter")


def test_send_team_member_previews_a_form_step_by_step(
    portal, words, request_form, send_team_member
):
    page = portal.page
    # The demo council has forms of its own: the preview must add none.
    stored = (Submission.objects.count(), Answer.objects.count())
    portal.goto(f"{words['prefix']}/send/preview/{request_form.pk}/draft/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    expect(page.locator(".govuk-notification-banner")).to_contain_text(words["banner"])
    expect(page.locator("main p.govuk-body strong")).to_have_text(words["guidance_bold"])

    press(portal, page.get_by_role("button", name=words["start"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["subject"])
    expect(page.locator(".govuk-inset-text")).to_contain_text(words["example"])

    press(portal, page.get_by_role("button", name=words["continue"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["about"])

    # The mandatory question left empty: the error summary, which leads to the question.
    press(portal, page.get_by_role("button", name=words["save"]))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(words["views_error"])
    assert page.title().startswith(words["error_title"])
    summary.get_by_role("link", name=words["views_error"]).press("Enter")
    views = page.get_by_label(words["views"])
    expect(views).to_be_focused()
    page.keyboard.type("Drawing and swimming")

    page.get_by_role("group", name=words["diagnosed"]).get_by_label(words["yes"]).check()
    diagnosed_on = page.get_by_role("group", name=words["diagnosed_on"])
    diagnosed_on.get_by_label(words["day"]).fill("5")
    diagnosed_on.get_by_label(words["month"]).fill("3")
    diagnosed_on.get_by_label(words["year"]).fill("2021")
    page.get_by_role("group", name=words["school_year"]).get_by_label(words["year_3"]).check()
    press(portal, page.get_by_role("button", name=words["save"]))

    # A repeating group: "Add more" brings a second item, keeping the first.
    expect(page.get_by_role("heading", level=1)).to_have_text(words["professionals"])
    page.get_by_label(words["name"]).fill("Dr Patel")
    press(portal, page.get_by_role("button", name=words["add_more"]))
    expect(page.get_by_role("heading", name=words["item_2"])).to_be_visible()
    names = page.get_by_label(words["name"])
    expect(names).to_have_count(2)
    expect(names.first).to_have_value("Dr Patel")
    names.nth(1).fill("Ms Evans")
    # Enter in a field saves the step; it never presses "Remove".
    names.nth(1).focus()
    portal.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(words["evidence"])
    press(portal, page.get_by_role("button", name=words["save"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["ended"])

    assert (Submission.objects.count(), Answer.objects.count()) == stored


def test_every_step_is_reachable_from_the_task_list(portal, request_form, send_team_member):
    page = portal.page
    portal.goto(f"/send/preview/{request_form.pk}/draft/")
    tasks = page.locator(".govuk-task-list")
    for name in ("Subject details", "About your child", "Professionals who know your child"):
        portal.click(tasks.get_by_role("link", name=name))
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
    portal.click(tasks.get_by_role("link", name="Supporting evidence"))
    expect(page.get_by_label("A report about your child")).to_have_attribute("type", "file")

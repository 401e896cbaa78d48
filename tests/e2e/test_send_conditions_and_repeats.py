"""A parent meets conditional questions and repeating items in the browser, in English and in
Welsh, every page checked by axe.

In the demo parent's request, "Names of the other people with parental responsibility" is
revealed under "Yes" to "Does anyone else have parental responsibility?" (and shown anyway
without JavaScript); answering "No" drops the names. In a repeating group each item is headed
"Other agency 2", "Add more" brings the page back at the new item with focus on its heading,
and an error names the item it belongs to."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from plugins.send.builder import services as builder
from plugins.send.filling import services
from plugins.send.models import FormDefinition
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
)

LANGUAGES = {
    "en": {
        "prefix": "",
        "other_pr": "Does anyone else have parental responsibility?",
        "names": "Names of the other people with parental responsibility",
        "yes": "Yes",
        "no": "No",
        "save": "Save and continue",
        "check": "Check your answers before submitting",
        "agency": "Other agency",
        "agency_name": "The agency's name",
        "add_more": "Add more",
        "error": "Other agency 2: Enter an answer to “The agency's name”",
    },
    "cy": {
        "prefix": "/cy",
        "other_pr": "Oes gan unrhyw un arall gyfrifoldeb rhiant?",
        "names": "Enwau'r bobl eraill sydd â chyfrifoldeb rhiant",
        "yes": "Ie",
        "no": "Na",
        "save": "Cadw a pharhau",
        "check": "Gwiriwch eich atebion cyn cyflwyno",
        "agency": "Asiantaeth arall",
        "agency_name": "Enw'r asiantaeth",
        "add_more": "Ychwanegu mwy",
        "error": "Asiantaeth arall 2: Rhowch ateb i “Enw'r asiantaeth”",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def words(request):
    return LANGUAGES[request.param]


@pytest.fixture
def parent(e2e_demo, sign_in_as):
    user = get_user_model().objects.get(email="parent@example.org")
    link = PersonLinkFactory(user=user, person__forename="Alys", person__surname="Jones")
    sign_in_as(user, verified=True)
    return link


def button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def parental_responsibility_step(parent):
    """The demo request's "Parental responsibility" step of a new draft."""
    form = FormDefinition.objects.get(code="EHC_REQ_PARENT")
    submission = services.start(parent.user, parent.person, form)
    return submission, f"/send/submissions/{submission.pk}/step/10/"


def test_the_names_are_asked_only_after_yes(portal, parent, words):
    page = portal.page
    submission, step = parental_responsibility_step(parent)
    portal.goto(words["prefix"] + step)
    question = page.get_by_role("group", name=words["other_pr"])
    names = page.get_by_label(words["names"])
    expect(names).to_be_hidden()

    question.get_by_label(words["yes"], exact=True).check()
    expect(names).to_be_visible()
    names.fill("Sam Jones")
    button(portal, words["save"])
    expect(page.get_by_role("heading", level=1)).to_have_text(words["check"])
    expect(page.get_by_text("Sam Jones")).to_be_visible()

    portal.goto(words["prefix"] + step)
    expect(names).to_have_value("Sam Jones")
    question.get_by_label(words["no"], exact=True).check()
    expect(names).to_be_hidden()
    button(portal, words["save"])
    expect(page.get_by_role("heading", level=1)).to_have_text(words["check"])
    expect(page.get_by_text(words["names"])).to_have_count(0)
    assert not submission.answers.filter(question_code="OTHER_PR_NAMES").exists()


def without_govuk_javascript(page):
    """The page as a browser without JavaScript (or whose script failed) gets it: GOV.UK's
    components are never started and the body never says they are supported. (Turning
    JavaScript off altogether would also stop axe.)"""

    def reply(body):
        return lambda route: route.fulfill(status=200, content_type="text/javascript", body=body)

    page.route("**/theme/portal-init*.js", reply(""))
    page.route("**/theme/build/govuk-frontend.min*.js", reply("export function initAll() {}"))


def test_without_javascript_the_names_question_is_shown_and_kept_only_after_yes(
    portal, parent, words
):
    page = portal.page
    without_govuk_javascript(page)
    submission, step = parental_responsibility_step(parent)
    portal.goto(words["prefix"] + step)
    names = page.get_by_label(words["names"])
    expect(names).to_be_visible()
    page.get_by_role("group", name=words["other_pr"]).get_by_label(words["no"], exact=True).check()
    names.fill("Typed, then No chosen")
    button(portal, words["save"])
    expect(page.get_by_role("heading", level=1)).to_have_text(words["check"])
    assert list(submission.answers.values_list("question_code", flat=True)) == [
        "OTHER_PARENTAL_RESPONSIBILITY"
    ]


@pytest.fixture
def agencies_form(e2e_demo):
    """A parent's form whose one step repeats: "Other agency", each with a mandatory name."""
    form = FormDefinitionFactory(code="OTHER_AGENCIES")
    group = GroupFactory(
        form=form,
        number=2,
        repeating=True,
        name_en="Other agency",
        name_cy="Asiantaeth arall",
        guidance_en="",
    )
    place(
        group,
        QuestionFactory(
            code="OTHER_AGENCY_NAME",
            mandatory=True,
            label_en="The agency's name",
            label_cy="Enw'r asiantaeth",
        ),
    )
    builder.publish(form)
    form.refresh_from_db()
    return form


def test_add_more_brings_the_new_named_item_and_its_errors_name_it(
    portal, parent, agencies_form, words
):
    page = portal.page
    submission = services.start(parent.user, parent.person, agencies_form)
    portal.goto(f"{words['prefix']}/send/submissions/{submission.pk}/step/2/")
    expect(page.get_by_role("heading", name=f"{words['agency']} 1")).to_be_visible()
    page.get_by_label(words["agency_name"]).fill("Speech and language therapy")

    button(portal, words["add_more"])
    # The address names the new item's heading (what a browser without JavaScript scrolls
    # to), and the script moves focus there.
    assert page.url.endswith("#item-2")
    second = page.get_by_role("heading", name=f"{words['agency']} 2")
    expect(second).to_have_attribute("id", "item-2")
    expect(second).to_be_focused()

    button(portal, words["save"])
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name=words["error"])).to_be_visible()
    expect(page.locator(".govuk-error-message")).to_contain_text(words["error"])

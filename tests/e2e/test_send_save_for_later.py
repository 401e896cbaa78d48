"""Nothing typed is lost (issue 11, item 13): a parent types part of a step, leaves with
"Save and come back later" (no mandatory answer demanded), sees the confirmation and the
step "In progress" on the task list, comes back to what they typed, stays signed in from the
timeout warning on the step page, and is held to the mandatory answers only at "Save and
continue" — in English and in Welsh, every page checked by axe."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from core.models import PortalSettings
from plugins.send.models import Submission
from tests.e2e.test_accounts_timeout import (
    assert_active_now,
    bring_warning_forward,
    idle_for,
    keep_alive,
)
from tests.send.factories import PersonLinkFactory

LANGUAGES = {
    "en": {
        "prefix": "",
        "form": "Parental consent",
        "start": "Start",
        "continue": "Continue",
        "confirm": "These details are correct – continue",
        "step": "About you",
        "name": "Your full name",
        "save": "Save and continue",
        "later": "Save and come back later",
        "saved": "Your answers to “About you” have been saved",
        "in_progress": "In progress",
        "error": "There is a problem",
        "stay": "Stay signed in",
    },
    "cy": {
        "prefix": "/cy",
        "form": "Caniatâd rhiant",
        "start": "Dechrau",
        "continue": "Parhau",
        "confirm": "Mae'r manylion hyn yn gywir – parhau",
        "step": "Amdanoch chi",
        "name": "Eich enw llawn",
        "save": "Cadw a pharhau",
        "later": "Cadw a dod yn ôl yn nes ymlaen",
        "saved": "Mae eich atebion i “Amdanoch chi” wedi'u cadw",
        "in_progress": "Ar y gweill",
        "error": "Mae problem wedi codi",
        "stay": "Aros wedi mewngofnodi",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


@pytest.fixture
def child(e2e_demo):
    config = PortalSettings.load()
    config.session_idle_minutes = 5
    config.save()
    parent = get_user_model().objects.get(email="parent@example.org")
    return PersonLinkFactory(user=parent, person__forename="Alys", person__surname="Jones").person


def button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def test_a_parent_saves_a_step_for_later_and_finds_everything_typed(
    portal, sign_in_as, child, language
):
    words, page = language, portal.page
    sign_in_as(child.links.get().user, verified=True)
    portal.goto(f"{words['prefix']}/send/people/{child.pk}/")
    button(portal, f"{words['start']} {words['form']}")
    button(portal, words["continue"])
    button(portal, words["confirm"])

    # Only the name, although the relationship and parental responsibility are mandatory.
    page.get_by_label(words["name"]).fill("Sara Jones")
    button(portal, words["later"])

    submission = Submission.objects.get(person=child)
    assert portal.path() == f"{words['prefix']}/send/submissions/{submission.pk}/"
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(words["saved"])
    expect(page.locator("#step-2-status")).to_have_text(words["in_progress"])
    assert submission.answers.get(question_code="CONSENT_NAME").value == "Sara Jones"

    portal.click(page.get_by_role("link", name=words["step"]).first)
    expect(page.get_by_label(words["name"])).to_have_value("Sara Jones")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)

    # The timeout warning's "Stay signed in" still keeps the session alive on a step.
    idle_for(page, 4)
    bring_warning_forward(page, 299)
    dialog = page.locator("dialog")
    expect(dialog).to_be_visible(timeout=5_000)
    with keep_alive(page):
        dialog.get_by_role("button", name=words["stay"]).click()
    expect(dialog).to_be_hidden()
    assert_active_now(page)
    expect(page.get_by_label(words["name"])).to_have_value("Sara Jones")

    # "Save and continue" is where the mandatory answers are asked for.
    button(portal, words["save"])
    expect(page.get_by_role("alert")).to_contain_text(words["error"])
    expect(page.get_by_label(words["name"])).to_have_value("Sara Jones")

"""A citizen or professional registers in the browser, confirms the emailed code and reaches
"Your account is ready", in English and Welsh, with every page checked by axe.

The live server runs in this process and tasks run synchronously, so the confirmation email
lands in django.core.mail.outbox as soon as the account is created.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from accounts.addresses import load_demo_addresses

PASSWORD = "Correct-Horse-Battery-9"

LANGUAGES = {
    "en": {
        "prefix": "",
        "start": "Create an account",
        "professional": "I am using this account in a professional capacity",
        "continue": "Continue",
        "first_name": "First name",
        "last_name": "Last name",
        "role": "Your role",
        "organisation": "Organisation",
        "work_address": "Work address",
        "work_phone": "Work phone number",
        "postcode": "Postcode",
        "find": "Find address",
        "select": "Select your address",
        "not_in_list": "I cannot find the address in the list",
        "line_1": "Address line 1",
        "town": "Town or city",
        "mobile": "Mobile phone (optional)",
        "email": "Email address",
        "work_email": "Work email address",
        "password": "Create a password",
        "confirm_password": "Confirm your password",
        "answer": "Your answer",
        "check": "Check your answers before creating your account",
        "create": "Create account",
        "check_email": "Check your email",
        "code_label": "Confirmation code",
        "confirm": "Confirm email address",
        "ready": "Your account is ready",
        "name_title": "What is your name?",
    },
    "cy": {
        "prefix": "/cy",
        "start": "Creu cyfrif",
        "professional": "Rwy'n defnyddio'r cyfrif hwn yn rhinwedd fy swydd",
        "continue": "Parhau",
        "first_name": "Enw cyntaf",
        "last_name": "Cyfenw",
        "role": "Eich rôl",
        "organisation": "Sefydliad",
        "work_address": "Cyfeiriad gwaith",
        "work_phone": "Rhif ffôn gwaith",
        "postcode": "Cod post",
        "find": "Chwilio am gyfeiriad",
        "select": "Dewiswch eich cyfeiriad",
        "not_in_list": "Ni allaf ddod o hyd i'r cyfeiriad yn y rhestr",
        "line_1": "Llinell 1 y cyfeiriad",
        "town": "Tref neu ddinas",
        "mobile": "Ffôn symudol (dewisol)",
        "email": "Cyfeiriad e-bost",
        "work_email": "Cyfeiriad e-bost gwaith",
        "password": "Creu cyfrinair",
        "confirm_password": "Cadarnhewch eich cyfrinair",
        "answer": "Eich ateb",
        "check": "Gwiriwch eich atebion cyn creu eich cyfrif",
        "create": "Creu cyfrif",
        "check_email": "Gwiriwch eich e-bost",
        "code_label": "Cod cadarnhau",
        "confirm": "Cadarnhau'r cyfeiriad e-bost",
        "ready": "Mae eich cyfrif yn barod",
        "name_title": "Beth yw eich enw?",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return {**LANGUAGES[request.param], "code": request.param}


@pytest.fixture
def addresses(e2e_demo):
    load_demo_addresses()


def heading(page):
    return page.get_by_role("heading", level=1)


def press_button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def start(portal, language, professional=False):
    """From the home page's navigation, as a new user finds it."""
    page = portal.page
    portal.goto(f"{language['prefix']}/")
    navigation = page.locator("#account-navigation")
    portal.click(navigation.get_by_role("link", name=language["start"], exact=True))
    assert portal.path() == f"{language['prefix']}/account/register/"
    expect(heading(page)).to_have_text(language["start"])
    if professional:
        page.get_by_label(language["professional"]).check()
    press_button(portal, language["continue"])


def fill_name(portal, language):
    page = portal.page
    expect(heading(page)).to_have_text(language["name_title"])
    page.get_by_label(language["first_name"]).fill("Alex")
    page.get_by_label(language["last_name"]).fill("Jones")
    press_button(portal, language["continue"])


def fill_the_rest(portal, language, email, email_label="email"):
    """Phone, email and password, secret question; ends on "Check your answers"."""
    page = portal.page
    page.get_by_label(language["mobile"]).fill("07700 900982")
    press_button(portal, language["continue"])
    page.get_by_label(language[email_label], exact=True).fill(email)
    page.get_by_label(language["password"]).fill(PASSWORD)
    page.get_by_label(language["confirm_password"]).fill(PASSWORD)
    press_button(portal, language["continue"])
    page.locator("input[name=secret_question]").first.check()
    page.get_by_label(language["answer"]).fill("Rex")
    press_button(portal, language["continue"])
    expect(heading(page)).to_have_text(language["check"])


def create_and_confirm(portal, language, email):
    page = portal.page
    mail.outbox.clear()
    press_button(portal, language["create"])
    expect(heading(page)).to_have_text(language["check_email"])
    [message] = [message for message in mail.outbox if message.to == [email]]
    code = re.search(r"\b(\d{6})\b", message.body).group(1)
    page.get_by_label(language["code_label"]).fill(code)
    press_button(portal, language["confirm"])
    expect(heading(page)).to_have_text(language["ready"])
    return get_user_model().objects.get(email=email)


def test_citizen_registers_with_an_address_from_the_lookup(portal, language, addresses):
    page = portal.page
    email = f"lookup.{language['code']}@example.org"
    start(portal, language)
    fill_name(portal, language)
    page.get_by_label(language["postcode"]).fill("ts18 1aa")
    press_button(portal, language["find"])
    expect(heading(page)).to_have_text(language["select"])
    page.get_by_label("Flat 1, 3 High Street, Stockton-on-Tees, TS18 1AA").check()
    press_button(portal, language["continue"])
    fill_the_rest(portal, language, email)
    expect(page.locator(".govuk-summary-list")).to_contain_text("3 High Street")

    user = create_and_confirm(portal, language, email)

    assert user.email_confirmed_at is not None
    assert (user.kind, user.preferred_language) == ("citizen", language["code"])
    assert (user.address_line_1, user.postcode) == ("Flat 1", "TS18 1AA")


def test_citizen_types_the_address_in_by_hand(portal, language, addresses):
    page = portal.page
    email = f"manual.{language['code']}@example.org"
    start(portal, language)
    fill_name(portal, language)
    page.get_by_label(language["postcode"]).fill("TS18 1AB")
    press_button(portal, language["find"])
    portal.click(page.get_by_role("link", name=language["not_in_list"]))
    page.get_by_label(language["line_1"]).fill("5 Mill Lane")
    page.get_by_label(language["town"]).fill("Stockton-on-Tees")
    expect(page.get_by_label(language["postcode"])).to_have_value("TS18 1AB")
    press_button(portal, language["continue"])
    fill_the_rest(portal, language, email)

    user = create_and_confirm(portal, language, email)

    assert (user.address_line_1, user.town, user.postcode) == (
        "5 Mill Lane",
        "Stockton-on-Tees",
        "TS18 1AB",
    )


def test_professional_registers_and_awaits_verification(portal, language, addresses):
    page = portal.page
    email = f"senco.{language['code']}@school.example"
    start(portal, language, professional=True)
    fill_name(portal, language)
    page.get_by_label(language["role"]).fill("SENCo")
    page.get_by_label(language["organisation"]).fill("Hill Primary School")
    page.get_by_label(language["work_address"]).fill("Hill Primary School\nHill Road\nTS18 1AA")
    page.get_by_label(language["work_phone"]).fill("01632 960 001")
    press_button(portal, language["continue"])
    page.get_by_label(language["postcode"]).fill("TS18 1AB")
    press_button(portal, language["find"])
    page.get_by_label("10 Church Road, Stockton-on-Tees, TS18 1AB").check()
    press_button(portal, language["continue"])
    fill_the_rest(portal, language, email, email_label="work_email")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Hill Primary School")
    expect(page.locator(".govuk-summary-list")).to_contain_text("01632 960 001")

    user = create_and_confirm(portal, language, email)

    assert (user.kind, user.verification_state) == ("professional", "pending")
    assert not user.is_verified_professional


def test_an_invalid_step_shows_the_error_summary_and_keeps_earlier_answers(
    portal, language, addresses
):
    page = portal.page
    start(portal, language)
    fill_name(portal, language)
    page.get_by_label(language["postcode"]).fill("TS18 1")
    press_button(portal, language["find"])

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page.get_by_label(language["postcode"])).to_have_value("TS18 1")
    # The summary's link leads to the field with the problem.
    expect(summary.get_by_role("link")).to_have_attribute("href", "#id_postcode")
    assert page.title().startswith("Error:") or page.title().startswith("Gwall:")

    portal.click(page.get_by_role("link", name=re.compile("Back|Yn ôl")))
    expect(heading(page)).to_have_text(language["name_title"])
    expect(page.get_by_label(language["first_name"])).to_have_value("Alex")
    expect(page.get_by_label(language["last_name"])).to_have_value("Jones")

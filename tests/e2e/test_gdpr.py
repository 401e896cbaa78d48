"""GDPR consent in the browser, in English and Welsh, every page checked by axe: registering
with consent, the consent history, withdrawing (and then being unable to sign in), and a new
statement demanding agreement at the next request."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from plugins.gdpr import services
from plugins.gdpr.models import AGREED, REGISTRATION, SIGN_IN, WITHDRAWN, ConsentRecord
from tests.e2e.test_accounts_registration import LANGUAGES as REGISTRATION_TEXTS
from tests.e2e.test_accounts_registration import (
    PASSWORD,
    create_and_confirm,
    fill_name,
    fill_the_rest,
    heading,
    press_button,
)
from tests.gdpr.test_citizen import make_question, portal_user

LANGUAGES = {
    "en": {
        "consent_title": "Data protection",
        "my_account": "My account",
        "history": "Consent history",
        "agreed": "Agreed",
        "withdraw": "Withdraw consent",
        "withdraw_button": "Withdraw my consent",
        "are_you_sure": "Are you sure you want to withdraw your consent?",
        "withdrawn": "Your consent has been withdrawn",
        "email": "Email address",
        "sign_in_password": "Password",
        "sign_in": "Sign in",
        "updated": "We have updated our data protection statement",
    },
    "cy": {
        "consent_title": "Diogelu data",
        "my_account": "Fy nghyfrif",
        "history": "Hanes eich cydsyniad",
        "agreed": "Wedi cytuno",
        "withdraw": "Tynnu cydsyniad yn ôl",
        "withdraw_button": "Tynnu fy nghydsyniad yn ôl",
        "are_you_sure": "Ydych chi'n siŵr eich bod eisiau tynnu eich cydsyniad yn ôl?",
        "withdrawn": "Mae eich cydsyniad wedi'i dynnu'n ôl",
        "email": "Cyfeiriad e-bost",
        "sign_in_password": "Cyfrinair",
        "sign_in": "Mewngofnodi",
        "updated": "Rydym wedi diweddaru ein datganiad diogelu data",
    },
}
STATEMENT = "We use your details to run your account."
AGREEMENT = "I agree to how my information is used"


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return {**REGISTRATION_TEXTS[request.param], **LANGUAGES[request.param], "code": request.param}


@pytest.fixture
def addresses(e2e_demo):
    from accounts.addresses import load_demo_addresses

    load_demo_addresses()


@pytest.fixture
def statement(e2e_demo):
    return services.schedule_statement(make_question(STATEMENT, AGREEMENT), timezone.now())


def words(language, english):
    """The question's words as the Welsh translation in make_question() has them."""
    return english if language["code"] == "en" else f"Cymraeg: {english}"


def test_register_with_consent_see_history_withdraw_and_be_unable_to_sign_in(
    portal, language, addresses, statement, sign_in_as
):
    page = portal.page
    email = f"consent.{language['code']}@example.org"
    portal.goto(f"{language['prefix']}/account/register/")
    press_button(portal, language["continue"])

    # The statement comes first; Continue without the tick is refused.
    expect(heading(page)).to_have_text(language["consent_title"])
    expect(page.locator("main")).to_contain_text(words(language, STATEMENT))
    press_button(portal, language["continue"])
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.get_by_label(words(language, AGREEMENT)).check()
    press_button(portal, language["continue"])

    fill_name(portal, language)
    page.get_by_label(language["postcode"]).fill("ts18 1aa")
    press_button(portal, language["find"])
    page.get_by_label("Flat 1, 3 High Street, Stockton-on-Tees, TS18 1AA").check()
    press_button(portal, language["continue"])
    fill_the_rest(portal, language, email)
    user = create_and_confirm(portal, language, email)
    record = ConsentRecord.objects.get(user=user)
    assert (record.statement, record.action, record.channel, record.language) == (
        statement,
        AGREED,
        REGISTRATION,
        language["code"],
    )

    # Consent history, from My account.
    sign_in_as(user)
    portal.goto(f"{language['prefix']}/account/")
    portal.click(page.get_by_role("link", name=language["history"]))
    expect(heading(page)).to_have_text(language["history"])
    expect(page.locator("table")).to_contain_text(language["agreed"])
    page.locator(".govuk-details__summary").first.click()
    expect(page.locator(".govuk-details__text").first).to_contain_text(words(language, STATEMENT))

    # Withdraw: the statement, the final warning, then signed out.
    portal.goto(f"{language['prefix']}/account/")
    portal.click(page.get_by_role("link", name=language["withdraw"], exact=True))
    expect(heading(page)).to_have_text(language["withdraw"])
    portal.click(page.get_by_role("button", name=language["withdraw_button"]))
    expect(heading(page)).to_have_text(language["are_you_sure"])
    expect(page.locator(".govuk-warning-text")).to_be_visible()
    portal.click(page.get_by_role("button", name=language["withdraw_button"]))
    expect(page.locator(".govuk-panel__title")).to_have_text(language["withdrawn"])
    user.refresh_from_db()
    assert not user.is_active
    assert ConsentRecord.objects.filter(user=user, action=WITHDRAWN).exists()

    # Signing in again is refused.
    portal.goto(f"{language['prefix']}/account/sign-in/")
    page.get_by_label(language["email"]).fill(email)
    page.get_by_label(language["sign_in_password"], exact=True).fill(PASSWORD)
    portal.click(page.get_by_role("button", name=language["sign_in"]))
    expect(heading(page)).to_have_text(language["sign_in"])
    expect(page.locator(".govuk-error-summary")).to_be_visible()


def test_a_new_statement_must_be_agreed_at_the_next_request(
    portal, language, statement, sign_in_as
):
    page = portal.page
    user = portal_user(preferred_language=language["code"])
    services.record_agreement(user, statement, language["code"], REGISTRATION)
    sign_in_as(user)
    portal.goto(f"{language['prefix']}/account/")
    expect(heading(page)).to_have_text(language["my_account"])

    # Standing in for the admin scheduling a statement and the job publishing it.
    newer = services.schedule_statement(
        make_question("Version two of the statement.", "I agree to version two"),
        timezone.now() + timezone.timedelta(seconds=1),
    )
    time.sleep(1.1)
    assert services.publish_due_statements() == [newer.pk]

    portal.goto(f"{language['prefix']}/account/")
    expect(heading(page)).to_have_text(language["updated"])
    expect(page.locator("main")).to_contain_text(words(language, "Version two of the statement."))
    expect(page.get_by_role("button", name=language["withdraw_button"])).to_be_visible()
    page.get_by_label(words(language, "I agree to version two")).check()
    press_button(portal, language["continue"])

    expect(heading(page)).to_have_text(language["my_account"])
    record = ConsentRecord.objects.get(
        user=get_user_model().objects.get(pk=user.pk), statement=newer
    )
    assert (record.channel, record.language) == (SIGN_IN, language["code"])

"""A user signs in with the code we email, gets a wrong code refused, and turns on two-step
verification from the offer after signing in, in English and Welsh."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

PASSWORD = "A-long-Password-123"

LANGUAGES = {
    "en": {
        "prefix": "",
        "email": "Email address",
        "password": "Password",
        "sign_in": "Sign in",
        "sign_out": "Sign out",
        "code_title": "We have sent a code to your email address",
        "code": "Code",
        "continue": "Continue",
        "offer_title": "Turn on two-step verification now",
        "turn_on": "Turn on two-step verification",
        "confirm_title": "Check your email",
        "two_factor_title": "Two-step verification",
        "now_on": "Two-step verification is now on",
    },
    "cy": {
        "prefix": "/cy",
        "email": "Cyfeiriad e-bost",
        "password": "Cyfrinair",
        "sign_in": "Mewngofnodi",
        "sign_out": "Allgofnodi",
        "code_title": "Rydym wedi anfon cod i'ch cyfeiriad e-bost",
        "code": "Cod",
        "continue": "Parhau",
        "offer_title": "Trowch ddilysu dau gam ymlaen nawr",
        "turn_on": "Troi dilysu dau gam ymlaen",
        "confirm_title": "Gwiriwch eich e-bost",
        "two_factor_title": "Dilysu dau gam",
        "now_on": "Mae dilysu dau gam ymlaen nawr",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


def make_user(email, two_factor):
    from django_otp.plugins.otp_email.models import EmailDevice

    from tests.factories import UserFactory

    user = UserFactory(email=email, email_confirmed_at=timezone.now())
    if two_factor:
        EmailDevice.objects.create(user=user, name="email", confirmed=True)
    return user


def last_code():
    return re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)


def sign_in_with_password(portal, language, user):
    page = portal.page
    portal.goto(f"{language['prefix']}/")
    portal.click(page.get_by_role("link", name=language["sign_in"], exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(language["sign_in"])
    page.get_by_label(language["email"]).fill(user.email)
    page.get_by_label(language["password"]).fill(PASSWORD)
    portal.click(page.get_by_role("button", name=language["sign_in"]))


def test_user_signs_in_with_the_code_from_the_email(portal, language):
    page = portal.page
    user = make_user("parent.2sv@example.org", two_factor=True)
    mail.outbox.clear()

    sign_in_with_password(portal, language, user)

    expect(page.get_by_role("heading", level=1)).to_have_text(language["code_title"])
    assert mail.outbox[-1].to == [user.email]
    code = last_code()

    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    page.get_by_label(language["code"], exact=True).fill(wrong)
    portal.click(page.get_by_role("button", name=language["continue"]))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    if language["prefix"] == "":
        expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not correct")
    expect(page.get_by_role("button", name=language["sign_out"])).to_have_count(0)

    page.get_by_label(language["code"], exact=True).fill(code)
    portal.click(page.get_by_role("button", name=language["continue"]))

    assert "/account/" not in portal.path()
    expect(page.get_by_role("button", name=language["sign_out"])).to_be_visible()


def test_user_turns_on_two_step_verification_when_offered(portal, language):
    from accounts.two_factor import user_has_two_factor

    page = portal.page
    user = make_user("young.2sv@example.org", two_factor=False)
    mail.outbox.clear()

    sign_in_with_password(portal, language, user)

    expect(page.get_by_role("heading", level=1)).to_have_text(language["offer_title"])
    portal.click(page.get_by_role("button", name=language["turn_on"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(language["confirm_title"])
    page.get_by_label(language["code"], exact=True).fill(last_code())
    portal.click(page.get_by_role("button", name=language["continue"]))

    expect(page.get_by_role("heading", level=1)).to_have_text(language["two_factor_title"])
    expect(page.locator(".govuk-notification-banner")).to_contain_text(language["now_on"])
    assert user_has_two_factor(user)
    portal.click(page.get_by_role("button", name=language["continue"]))
    assert "/account/" not in portal.path()

"""A user who forgot their password gets a reset link by email and signs in again; a signed-in
user changes their password from My account. In English and Welsh."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

NEW_PASSWORD = "Correct-Horse-Battery-9"

LANGUAGES = {
    "en": {
        "prefix": "",
        "email": "Email address",
        "question": "What was the name of your first pet?",
        "send": "Send me a reset link",
        "sent_title": "Check your email",
        "reset_title": "Choose a new password",
        "new_password": "New password",
        "confirm": "Confirm new password",
        "save": "Save new password",
        "reset_done": "Your password has been reset",
        "sign_in": "Sign in",
        "current": "Current password",
        "change_title": "Change your password",
        "change": "Change password",
        "changed": "Your password has been changed",
        "my_account_link": "Return to My account",
        "too_short": "Your password must be at least 15 characters long.",
    },
    "cy": {
        "prefix": "/cy",
        "email": "Cyfeiriad e-bost",
        "question": None,  # the question's Welsh wording comes from the catalogue
        "send": "Anfonwch ddolen ailosod ataf",
        "sent_title": "Gwiriwch eich e-bost",
        "reset_title": "Dewiswch gyfrinair newydd",
        "new_password": "Cyfrinair newydd",
        "confirm": "Cadarnhewch y cyfrinair newydd",
        "save": "Cadw'r cyfrinair newydd",
        "reset_done": "Mae eich cyfrinair wedi'i ailosod",
        "sign_in": "Mewngofnodi",
        "current": "Cyfrinair presennol",
        "change_title": "Newid eich cyfrinair",
        "change": "Newid cyfrinair",
        "changed": "Mae eich cyfrinair wedi'i newid",
        "my_account_link": "Dychwelyd i Fy nghyfrif",
        "too_short": None,  # a gettext message: Welsh arrives with the translation pass
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return {"code": request.param, **LANGUAGES[request.param]}


def make_user(email, language):
    from tests.factories import UserFactory

    user = UserFactory(
        email=email,
        email_confirmed_at=timezone.now(),
        preferred_language=language["code"],
        secret_question="first_pet",
    )
    user.set_secret_answer("Rex")
    user.save()
    return user


def heading(page):
    return page.get_by_role("heading", level=1)


def test_user_resets_a_forgotten_password_and_signs_in_again(portal, language):
    page = portal.page
    prefix = language["prefix"]
    user = make_user("forgetful@example.org", language)
    mail.outbox.clear()

    portal.goto(f"{prefix}/account/sign-in/")
    portal.click(page.locator(f'a[href="{prefix}/account/password-forgotten/"]'))
    page.get_by_label(language["email"]).fill(user.email)
    portal.click(page.get_by_role("button", name=language["send"]))
    expect(heading(page)).to_have_text(language["sent_title"])

    (message,) = mail.outbox
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    assert path.startswith(f"{prefix}/account/password-reset/")
    portal.goto(path)
    expect(heading(page)).to_have_text(language["reset_title"])
    # The user chose a secret question, so the link's page asks it as well.
    if language["question"]:
        expect(page.get_by_label(language["question"])).to_be_visible()
    page.locator('input[name="secret_answer"]').fill("rex")

    # A password that breaks the policy is explained in the error summary.
    page.get_by_label(language["new_password"], exact=True).fill("Too-short-1")
    page.get_by_label(language["confirm"], exact=True).fill("Too-short-1")
    portal.click(page.get_by_role("button", name=language["save"]))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    if language["too_short"]:
        expect(summary).to_contain_text(language["too_short"])

    page.get_by_label(language["new_password"], exact=True).fill(NEW_PASSWORD)
    page.get_by_label(language["confirm"], exact=True).fill(NEW_PASSWORD)
    portal.click(page.get_by_role("button", name=language["save"]))
    expect(page.locator(".govuk-panel__title")).to_have_text(language["reset_done"])

    portal.click(page.get_by_role("link", name=language["sign_in"], exact=True).last)
    assert portal.path() == f"{prefix}/account/sign-in/"
    expect(heading(page)).to_have_text(language["sign_in"])
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_signed_in_user_changes_their_password(portal, sign_in_as, language):
    page = portal.page
    prefix = language["prefix"]
    user = make_user("changer@example.org", language)
    sign_in_as(user)

    portal.goto(f"{prefix}/account/")
    portal.click(page.locator(f'a[href="{prefix}/account/password/"]').first)
    expect(heading(page)).to_have_text(language["change_title"])
    page.get_by_label(language["current"], exact=True).fill("A-long-Password-123")
    page.get_by_label(language["new_password"], exact=True).fill(NEW_PASSWORD)
    page.get_by_label(language["confirm"], exact=True).fill(NEW_PASSWORD)
    portal.click(page.get_by_role("button", name=language["change"]))
    expect(page.locator(".govuk-panel__title")).to_have_text(language["changed"])

    # Still signed in: My account opens.
    portal.click(page.get_by_role("link", name=language["my_account_link"]))
    assert portal.path() == f"{prefix}/account/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

"""A signed-in parent opens My account, corrects a mistake in their contact details, chooses
the language of their emails and reads how to report a change of circumstances, in English
and Welsh."""

import pytest
from playwright.sync_api import expect

LANGUAGES = {
    "en": {
        "prefix": "",
        "my_account": "My account",
        "contact_details": "Contact details",
        "mobile_phone": "Mobile phone (optional)",
        "save": "Save changes",
        "updated": "Your details have been updated",
        "language_save": "Save language",
        "language_updated": "We will email you in the language you chose",
        "circumstances": "Change of circumstances",
        "contact_us": "Contact us",
    },
    "cy": {
        "prefix": "/cy",
        "my_account": "Fy nghyfrif",
        "contact_details": "Manylion cyswllt",
        "mobile_phone": "Ffôn symudol (dewisol)",
        "save": "Cadw'r newidiadau",
        "updated": "Mae eich manylion wedi cael eu diweddaru",
        "language_save": "Cadw'r iaith",
        "language_updated": "Byddwn ni'n anfon e-byst atoch chi yn yr iaith a ddewisoch chi",
        "circumstances": "Newid mewn amgylchiadau",
        "contact_us": "Cysylltwch â ni",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


@pytest.fixture
def parent(portal, sign_in_as):
    from tests.factories import UserFactory

    user = UserFactory(
        email="my.account@example.org",
        address_line_1="1 High Street",
        town="Stockton-on-Tees",
        postcode="TS18 1AA",
    )
    sign_in_as(user)
    return user


def open_my_account(portal, language):
    page = portal.page
    portal.goto(f"{language['prefix']}/")
    navigation = page.locator("#account-navigation")
    portal.click(navigation.get_by_role("link", name=language["my_account"], exact=True))
    assert portal.path() == f"{language['prefix']}/account/"
    expect(page.get_by_role("heading", level=1)).to_have_text(language["my_account"])


def test_parent_corrects_a_mistake_in_their_contact_details(portal, language, parent):
    page = portal.page
    open_my_account(portal, language)
    change = page.locator(f'a[href="{language["prefix"]}/account/contact-details/"]').first
    portal.click(change)
    expect(page.get_by_role("heading", level=1)).to_have_text(language["contact_details"])

    mobile = page.get_by_label(language["mobile_phone"])
    mobile.fill("07700 900")
    page.locator("#id_town").fill("Middlesbrough")
    portal.click(page.get_by_role("button", name=language["save"]))

    # The summary leads to the field; what was typed is still there.
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator('a[href="#id_mobile_phone"]')).to_be_visible()
    expect(mobile).to_have_value("07700 900")
    expect(page.locator("#id_town")).to_have_value("Middlesbrough")

    mobile.fill("07700 900982")
    portal.click(page.get_by_role("button", name=language["save"]))
    assert portal.path() == f"{language['prefix']}/account/"
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text(language["updated"])
    contact = page.locator(".govuk-summary-list").nth(1)
    expect(contact).to_contain_text("07700 900982")
    expect(contact).to_contain_text("Middlesbrough")

    parent.refresh_from_db()
    assert (parent.mobile_phone, parent.town) == ("07700 900982", "Middlesbrough")


def test_parent_chooses_welsh_emails_and_reads_about_changes(portal, language, parent):
    page = portal.page
    open_my_account(portal, language)
    page.get_by_label("Cymraeg").check()
    portal.click(page.get_by_role("button", name=language["language_save"]))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        language["language_updated"]
    )
    parent.refresh_from_db()
    assert parent.preferred_language == "cy"

    main = page.locator("main")
    portal.click(main.get_by_role("link", name=language["circumstances"], exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(language["circumstances"])
    portal.click(main.get_by_role("link", name=language["contact_us"], exact=True))
    assert portal.path() == f"{language['prefix']}/contact-us/"

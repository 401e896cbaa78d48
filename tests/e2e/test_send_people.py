"""The SEND home in the browser, every page checked by axe: a parent signs in with two-step
verification, opens the SEND tile and adds a child (first with a name too long for the
council's records), in English and Welsh; a professional hides a person, undoes it, hides
them again and shows them from the hidden list."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from plugins.send.models import PersonLink
from tests.send.factories import PersonFactory, PersonLinkFactory

DEMO_PASSWORD = "Demo-Password-For-Tests-1"  # noqa: S105 - the test settings' DEMO_PASSWORD

LANGUAGES = {
    "en": {
        "prefix": "",
        "sign_in": "Sign in",
        "email": "Email address",
        "password": "Password",
        "code": "Code",
        "continue": "Continue",
        "tile": "Special educational needs and disabilities (SEND)",
        "choose": "Choose a person",
        "add_child": "Add a child",
        "add_button": "Add child",
        "forename": "First name",
        "surname": "Last name",
        "day": "Day",
        "month": "Month",
        "year": "Year",
        "parent": "Parent",
        "yes": "Yes",
        "too_long": "First name must be 15 characters or fewer",
        "error_title": "Error: Add a child",
        "added": "You have added Alys Jones",
        "date_of_birth": "Date of birth: 3 May 2015",
    },
    "cy": {
        "prefix": "/cy",
        "sign_in": "Mewngofnodi",
        "email": "Cyfeiriad e-bost",
        "password": "Cyfrinair",
        "code": "Cod",
        "continue": "Parhau",
        "tile": "Anghenion addysgol arbennig ac anableddau (AAA)",
        "choose": "Dewis person",
        "add_child": "Ychwanegu plentyn",
        "add_button": "Ychwanegu'r plentyn",
        "forename": "Enw cyntaf",
        "surname": "Cyfenw",
        "day": "Diwrnod",
        "month": "Mis",
        "year": "Blwyddyn",
        "parent": "Rhiant",
        "yes": "Ydyn",
        "too_long": "Rhaid i'r enw cyntaf fod yn 15 nod neu lai",
        "error_title": "Gwall: Ychwanegu plentyn",
        "added": "Rydych wedi ychwanegu Alys Jones",
        "date_of_birth": "Dyddiad geni: 3 Mai 2015",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


def heading(page):
    return page.get_by_role("heading", level=1)


def press_button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def sign_in_with_code(portal, language, email):
    """Sign in with the demo password and the code emailed for two-step verification."""
    page = portal.page
    mail.outbox.clear()
    portal.goto(f"{language['prefix']}/")
    portal.click(page.get_by_role("link", name=language["sign_in"], exact=True))
    page.get_by_label(language["email"]).fill(email)
    page.get_by_label(language["password"]).fill(DEMO_PASSWORD)
    press_button(portal, language["sign_in"])
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    page.get_by_label(language["code"], exact=True).fill(code)
    press_button(portal, language["continue"])
    # The demo council's announcement is shown once after signing in.
    press_button(portal, language["continue"])


def fill_child(page, language, forename):
    page.get_by_label(language["forename"], exact=True).fill(forename)
    page.get_by_label(language["surname"], exact=True).fill("Jones")
    page.get_by_label(language["day"]).fill("3")
    page.get_by_label(language["month"]).fill("5")
    page.get_by_label(language["year"]).fill("2015")
    page.get_by_label(language["parent"], exact=True).check()
    page.get_by_label(language["yes"], exact=True).check()


def test_parent_opens_the_send_tile_and_adds_a_child(portal, language):
    page = portal.page
    sign_in_with_code(portal, language, "parent@example.org")
    # The demo parent already has children on the portal: a refused child adds no link.
    links = PersonLink.objects.count()

    portal.click(page.get_by_role("link", name=language["tile"]))
    expect(heading(page)).to_have_text(language["choose"])
    assert portal.path() == f"{language['prefix']}/send/"

    portal.click(page.get_by_role("button", name=language["add_child"]))
    expect(heading(page)).to_have_text(language["add_child"])
    fill_child(page, language, "Alysandrianna-Mai")  # 17 characters
    press_button(portal, language["add_button"])

    expect(page.locator(".govuk-error-summary")).to_contain_text(language["too_long"])
    expect(page).to_have_title(re.compile("^" + re.escape(language["error_title"])))
    assert PersonLink.objects.count() == links

    page.get_by_label(language["forename"], exact=True).fill("Alys")
    press_button(portal, language["add_button"])

    expect(heading(page)).to_have_text(language["choose"])
    expect(page.locator(".govuk-notification-banner")).to_contain_text(language["added"])
    tile = page.locator(".portal-tile", has_text="Alys Jones")
    expect(tile).to_contain_text(language["date_of_birth"])
    parent = get_user_model().objects.get(email="parent@example.org")
    added = PersonLink.objects.select_related("person").get(user=parent, person__forename="Alys")
    assert (added.person.full_name, added.relationship) == ("Alys Jones", "parent")

    portal.click(tile.get_by_role("link", name="Alys Jones"))
    expect(heading(page)).to_have_text("Alys Jones")


def test_professional_hides_a_person_and_shows_them_again(portal, sign_in_as):
    page = portal.page
    professional = get_user_model().objects.get(email="professional@example.org")
    chosen = PersonLinkFactory(
        user=professional,
        relationship="professional",
        person=PersonFactory(forename="Bryn", surname="Evans"),
    )
    PersonLinkFactory(
        user=professional,
        relationship="professional",
        person=PersonFactory(forename="Carys", surname="Hughes"),
    )
    sign_in_as(professional, verified=True)

    portal.goto("/send/")
    expect(page.get_by_role("button", name="Add a person")).to_be_visible()
    page.get_by_label("Name", exact=True).fill("evans")
    press_button(portal, "Filter")
    expect(page.locator(".portal-tile")).to_have_count(1)

    portal.click(page.get_by_role("link", name="Bryn Evans"))
    expect(heading(page)).to_have_text("Check these details")
    press_button(portal, "Hide person")

    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("You have hidden Bryn Evans")
    expect(page.locator(".portal-tile", has_text="Bryn Evans")).to_have_count(0)
    portal.click(banner.get_by_role("button", name="Undo"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Bryn Evans is back in your active list"
    )
    expect(page.locator(".portal-tile", has_text="Bryn Evans")).to_have_count(1)

    portal.click(page.get_by_role("link", name="Bryn Evans"))
    press_button(portal, "Hide person")
    page.get_by_label("Show", exact=True).select_option("hidden")
    press_button(portal, "Filter")
    expect(page.locator(".portal-tile")).to_have_count(1)
    portal.click(page.get_by_role("link", name="Bryn Evans"))
    expect(page.locator(".govuk-inset-text")).to_contain_text("hidden from your active list")
    press_button(portal, "Show person")

    chosen.refresh_from_db()
    assert not chosen.hidden
    expect(page.locator(".portal-tile", has_text="Bryn Evans")).to_have_count(1)
    portal.click(page.get_by_role("link", name="Bryn Evans"))
    portal.click(page.get_by_role("button", name="Continue"))
    expect(heading(page)).to_have_text("Bryn Evans")

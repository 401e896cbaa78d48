"""An editor changes a portal text in the Wagtail admin and visitors see the new wording."""

import re

from django.core import mail
from playwright.sync_api import expect

from .conftest import DEMO_ADMIN


def test_editor_renames_the_services_heading_in_english_only(portal):
    from core.models import TextResource

    page = portal.page
    email, password = DEMO_ADMIN

    # Wagtail admin pages are not axe-checked by the portal fixture (they are Wagtail's own).
    portal.goto("/admin/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    portal.click(page.get_by_role("button", name="Sign in"))
    # Staff pass two-step verification with the code emailed to them.
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    page.get_by_label("Code", exact=True).fill(code)
    portal.click(page.get_by_role("button", name="Continue"))
    assert portal.path() == "/admin/"

    # Find the text: searching shows the English and the Welsh row ...
    portal.goto("/admin/snippets/core/textresource/")
    search = page.get_by_role("textbox", name="Search term")
    search.fill("home.tiles.heading")
    search.press("Enter")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Services")).to_have_count(1)
    expect(rows.filter(has_text="Gwasanaethau")).to_have_count(1)

    # ... and the locale filter leaves the English one.
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Locale").click()
    page.get_by_role("radio", name="English").check()
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Services")
    english = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    link = rows.get_by_role("link", name="home.tiles.heading")
    expect(link).to_have_attribute("href", f"/admin/snippets/core/textresource/edit/{english.pk}/")

    portal.click(link)
    text = page.locator("textarea[name=value], input[name=value]")
    expect(text).to_have_value("Services")
    text.fill("Our online services")
    portal.click(page.get_by_role("button", name="Save", exact=True))
    expect(page.locator(".messages")).to_contain_text("updated")

    english.refresh_from_db()
    assert english.value == "Our online services"

    # Visitors see the new English heading; the Welsh one is unchanged.
    portal.goto("/")
    expect(page.get_by_role("heading", level=2, name="Our online services")).to_be_visible()
    portal.goto("/cy/")
    expect(page.get_by_role("heading", level=2, name="Gwasanaethau")).to_be_visible()
    expect(page.get_by_text("Our online services")).to_have_count(0)

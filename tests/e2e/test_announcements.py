"""A visitor sees the live announcements, then carries on to where they were going."""

from playwright.sync_api import expect


def test_continue_takes_the_visitor_where_they_were_going(portal):
    page = portal.page
    portal.goto("/announcements/?next=/about/")
    expect(page.get_by_role("heading", level=2, name="Half-term opening hours")).to_be_visible()

    portal.click(page.get_by_role("button", name="Continue"))
    assert portal.path() == "/about/"
    expect(page.get_by_role("heading", level=1)).to_have_text("About this portal")


def test_with_no_live_announcement_the_visitor_goes_straight_home(portal):
    from core.models import Announcement

    Announcement.objects.all().delete()
    page = portal.page

    response = portal.goto("/announcements/")
    assert portal.path() == "/"
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.url.endswith("/announcements/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Special educational needs and disabilities (SEND)"
    )

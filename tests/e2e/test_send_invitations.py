"""Invitations to a child's case, in the browser, in English and in Welsh; every portal page
is checked by axe (Wagtail's own admin pages are not ours to check).

The caseworker invites the demo parent to her daughter Seren's case in the admin; the parent
opens the emailed link, ticks Seren and confirms; the invitation waits for the SEND team; the
caseworker activates access with the reason; the parent is told by a portal message (the email
only says one is waiting, in her language) and sees Seren's case."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from plugins.send.models import CaseInvitation

from .notices import assert_contentless_email, emails_to, open_notice

LANGUAGES = {
    "en": {
        "code": "en",
        "prefix": "",
        "title": "Invitations awaiting approval",
        "confirm": "Confirm",
        "waiting": "Waiting for the SEND team to check your identity",
        "subject": "You can now see SEND information about Seren",
    },
    "cy": {
        "code": "cy",
        "prefix": "/cy",
        "title": "Gwahoddiadau sy’n aros am gymeradwyaeth",
        "confirm": "Cadarnhau",
        "waiting": "Yn aros i’r tîm AAA wirio pwy ydych chi",
        "subject": "Gallwch nawr weld gwybodaeth AAA am Seren",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return LANGUAGES[request.param]


@pytest.fixture
def parent(e2e_demo, language):
    parent = get_user_model().objects.get(email="parent@example.org")
    parent.preferred_language = language["code"]
    parent.save()
    mail.outbox.clear()
    return parent


def test_the_parent_accepts_an_invitation_and_the_send_team_activates_her_access(
    portal, sign_in_as, parent, language
):
    words, page = language, portal.page
    caseworker = get_user_model().objects.get(email="caseworker@example.org")

    # The caseworker invites her for Seren, in her language.
    sign_in_as(caseworker, verified=True)
    portal.goto("/admin/send/invitations/new/")
    page.locator('input[name="email"]').fill(parent.email)
    page.locator('textarea[name="children"]').fill("C0000102")
    page.locator('select[name="language"]').select_option(words["code"])
    portal.click(page.get_by_role("button", name="Send the invitation", exact=True))
    invitation = CaseInvitation.objects.filter(state="sent").get()
    assert any(invitation.code in message.body for message in mail.outbox), mail.outbox

    # She opens the link, ticks Seren and confirms.
    sign_in_as(parent, verified=True)
    portal.goto(f"{words['prefix']}/send/invitations/{invitation.code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    page.get_by_label("Seren", exact=False).check()
    portal.click(page.get_by_role("button", name=words["confirm"], exact=True))
    expect(page.get_by_text(words["waiting"]).first).to_be_visible()
    invitation.refresh_from_db()
    assert invitation.state == "accepted"

    # The SEND team checks her identity and activates her access with the reason.
    mail.outbox.clear()
    sign_in_as(caseworker, verified=True)
    portal.goto(f"/admin/send/invitations/{invitation.pk}/")
    portal.click(page.get_by_role("link", name="Activate access"))
    page.locator('textarea[name="reason"]').fill("Mother; passport seen at the office.")
    portal.click(page.get_by_role("button", name="Activate access", exact=True))
    expect(page.get_by_text("Access has been activated.")).to_be_visible()
    # She is told by a portal message; the email only says one is waiting, in her language.
    [email] = emails_to(parent)
    assert_contentless_email(email, words["code"], words["subject"])

    # She reads it in her inbox, and now sees Seren's case.
    sign_in_as(parent, verified=True)
    open_notice(portal, words["code"], words["subject"])
    child = invitation.children.get().child_record
    portal.goto(f"{words['prefix']}/send/case/{child.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Seren")

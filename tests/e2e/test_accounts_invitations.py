"""A parent follows the link in the SEND team's invitation email and accepts it, signed in, in
English or Welsh; every portal page passes axe."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

LANGUAGES = {
    "en": {
        "title": "Accept an invitation",
        "accept": "Accept invitation",
        "accepted": "Invitation accepted",
        "linked": "Your account is now linked to Alex Jones.",
    },
    "cy": {
        "title": "Derbyn gwahoddiad",
        "accept": "Derbyn y gwahoddiad",
        "accepted": "Gwahoddiad wedi'i dderbyn",
        "linked": "Mae eich cyfrif bellach wedi'i gysylltu â Alex Jones.",
    },
}


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return request.param


def test_parent_accepts_an_invitation_from_the_emailed_link(
    portal, sign_in_as, live_server, language
):
    from django.contrib.auth import get_user_model

    from accounts.invitations import create_invitation
    from accounts.models import Invitation

    words = LANGUAGES[language]
    parent = get_user_model().objects.get(email="parent@example.org")
    mail.outbox.clear()
    create_invitation(
        email="parent@example.org",
        child_name="Alex Jones",
        created_by=None,
        language=language,
        base_url=live_server.url,
    )
    (message,) = mail.outbox
    link = re.search(r"(http://\S+/account/invitation/\w+/)", message.body).group(1)

    sign_in_as(parent, verified=True)
    page = portal.page
    portal.goto(urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])

    portal.click(page.get_by_role("button", name=words["accept"]))
    expect(page.locator(".govuk-panel__title")).to_have_text(words["accepted"])
    expect(page.get_by_text(words["linked"])).to_be_visible()
    assert Invitation.objects.get().accepted_by == parent

"""A notice to a portal user, read the way they read it with the messaging plugin installed.

The ``notify`` service turns the notice into a portal message in the user's language and
sends an email that carries none of it (DESIGN.md §5): the email, in their language, only
says a message is waiting and links to the inbox. The wording is read in the portal: the
Messages tile on the home page, the inbox, then the thread, each page checked by ``portal``.
"""

import re

from django.core import mail
from playwright.sync_api import expect

LANGUAGES = {
    "en": {
        "prefix": "",
        "subject": "You have a new message from ",
        "body": "For your security the message is not in this email.",
        "tile": "Messages",
        "inbox": "Messages",
    },
    "cy": {
        "prefix": "/cy",
        "subject": "Mae gennych neges newydd gan ",
        "body": "Er eich diogelwch",
        "tile": "Negeseuon",
        "inbox": "Negeseuon",
    },
}


def emails_to(user):
    return [email for email in mail.outbox if email.to == [user.email]]


def assert_contentless_email(email, language, *wording):
    """``email`` says, in ``language``, that a message is waiting, links to the inbox in that
    language and carries none of ``wording`` (the notice's own subject and text)."""
    words = LANGUAGES[language]
    assert email.subject.startswith(words["subject"]), email.subject
    assert words["body"] in email.body, email.body
    assert f"{words['prefix']}/messages/" in email.body, email.body
    texts = [email.subject, email.body] + [html for html, _type in email.alternatives]
    for text in texts:
        for words_of_notice in wording:
            assert words_of_notice not in text, (words_of_notice, text)


def open_notice(portal, language, subject):
    """From the home page, through the Messages tile and the inbox, open the newest message
    whose subject contains ``subject``; return its messages (each ``[data-thread-message]``)."""
    page, words = portal.page, LANGUAGES[language]
    portal.goto(f"{words['prefix']}/")
    portal.click(page.locator(".portal-tiles").get_by_role("link", name=words["tile"], exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["inbox"])
    portal.click(
        page.locator("[data-inbox]").get_by_role("link", name=re.compile(re.escape(subject))).first
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text(subject)
    return page.locator("[data-thread-message]")

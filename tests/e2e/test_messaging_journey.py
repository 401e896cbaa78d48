"""Secure messages in the browser, in English and in Welsh; every portal page is checked by
axe (Wagtail's own admin pages are not ours to check).

The demo parent writes to the SEND team about Alfie with the school's letter attached
(checked by the shared clamd); the caseworker's email says only that a message is waiting;
she finds the thread unread in the team inbox, opens the letter's thread and replies; the
parent's email carries none of the reply, her home page's Messages tile shows 1 unread
message, and the reply is in the thread under her own message and its file."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from plugins.messaging.models import MessageType, Recipient, Thread
from tests.e2e import notices
from tests.messaging import conftest as messaging_fixtures
from tests.send.test_uploads import pdf_file

LANGUAGES = {
    "en": {
        "prefix": "",
        "send": "Send message",
        "unread": "1 unread message",
        "file": "Attach files (optional)",
    },
    "cy": {
        "prefix": "/cy",
        "send": "Anfon neges",
        "unread": "1 neges heb ei darllen",
        "file": "Atodi ffeiliau (dewisol)",
    },
}
SUBJECT = "Letter from Alfie's school"
BODY = "The school wrote about Alfie's speech therapy; their letter is attached."
REPLY = "Thank you, we have added the letter to Alfie's assessment."

clamd = messaging_fixtures.clamd


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request, e2e_demo):
    parent = get_user_model().objects.get(email="parent@example.org")
    parent.preferred_language = request.param
    parent.save()
    # The demo's own messages are read, so the tile counts only this journey's reply.
    Recipient.objects.filter(user=parent).update(read_at=timezone.now())
    mail.outbox.clear()
    return {"code": request.param, **LANGUAGES[request.param]}


def test_a_parent_writes_with_a_letter_and_reads_the_caseworkers_reply(
    clamd, portal, sign_in_as, language, tmp_path
):
    page, users = portal.page, get_user_model().objects
    parent = users.get(email="parent@example.org")
    caseworker = users.get(email="caseworker@example.org")
    letter = tmp_path / "school-letter.pdf"
    letter.write_bytes(pdf_file())

    sign_in_as(parent, verified=True)
    portal.goto(f"{language['prefix']}/messages/new/")
    page.locator('select[name="about"]').select_option(label="Alfie Parent")
    general = MessageType.objects.get(name="General")
    page.locator('select[name="message_type"]').select_option(value=str(general.pk))
    page.locator('input[name="subject"]').fill(SUBJECT)
    page.locator('textarea[name="body"]').fill(BODY)
    expect(page.get_by_label(language["file"])).to_be_visible()
    page.locator('input[name="attachments"]').set_input_files(letter)
    portal.click(page.get_by_role("button", name=language["send"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(page.locator("[data-attachments]")).to_contain_text("school-letter.pdf")
    thread = Thread.objects.get(subject=SUBJECT)
    (email,) = notices.emails_to(caseworker)
    notices.assert_contentless_email(email, caseworker.preferred_language, SUBJECT, BODY)

    sign_in_as(caseworker, verified=True)
    portal.goto("/admin/messages/?unread=true")
    portal.click(page.get_by_role("link", name=SUBJECT))
    expect(page.locator("[data-thread-message]").first).to_contain_text(BODY)
    expect(page.locator("[data-attachments]")).to_contain_text("school-letter.pdf")
    page.locator('textarea[name="body"]').fill(REPLY)
    portal.click(page.get_by_role("button", name="Send reply"))
    expect(page.get_by_text("Your reply has been sent.")).to_be_visible()
    (email,) = notices.emails_to(parent)
    notices.assert_contentless_email(email, language["code"], SUBJECT, REPLY)

    sign_in_as(parent, verified=True)
    portal.goto(f"{language['prefix']}/")
    expect(page.locator(".portal-tiles")).to_contain_text(language["unread"])
    messages = notices.open_notice(portal, language["code"], SUBJECT)
    expect(messages).to_have_count(2)
    expect(messages.first).to_contain_text(BODY)
    expect(messages.last).to_contain_text(REPLY)
    assert thread.messages.count() == 2
    expect(page.locator("[data-attachments]")).to_contain_text("school-letter.pdf")

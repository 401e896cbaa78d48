"""Documents to view, in the browser, in English and in Welsh; every portal page is checked
by axe (Wagtail's own admin pages are not ours to check).

The demo caseworker publishes a letter on Alfie's EHC needs assessment in the admin (checked
by the shared clamd); the demo parent, in her language, gets an email that only says a
message is waiting, reads the message about the letter in her portal inbox, finds it first in
"Documents to view for Alfie Parent" marked New, downloads it, and the mark is gone; the
caseworker sees when she first opened it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from plugins.send.models import Document, Involvement
from tests.e2e import notices
from tests.send import conftest as send_fixtures
from tests.send.test_uploads import pdf_file

LANGUAGES = {
    "en": {
        "prefix": "",
        "title": "Documents to view for Alfie Parent",
        "new": "New",
        "subject": "A new document about Alfie Parent to view",
        "told": "The council has published a document about Alfie Parent",
    },
    "cy": {
        "prefix": "/cy",
        "title": "Dogfennau i’w gweld ar gyfer Alfie Parent",
        "new": "Newydd",
        "subject": "Dogfen newydd am Alfie Parent i’w gweld",
        "told": "Mae’r cyngor wedi cyhoeddi dogfen am Alfie Parent",
    },
}
DESCRIPTION = "EHC needs assessment: advice received"

clamd = send_fixtures.clamd


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request, e2e_demo):
    parent = get_user_model().objects.get(email="parent@example.org")
    parent.preferred_language = request.param
    parent.save()
    mail.outbox.clear()  # loading the demo told its users of its messages
    return {"code": request.param, **LANGUAGES[request.param]}


def test_staff_publish_a_letter_and_the_parent_downloads_it(
    clamd, portal, sign_in_as, language, tmp_path
):
    page, users = portal.page, get_user_model().objects
    parent, caseworker = (
        users.get(email="parent@example.org"),
        users.get(email="caseworker@example.org"),
    )
    involvement = Involvement.objects.open().get(child_record__council_id="C0000101")
    letter = tmp_path / "advice.pdf"
    letter.write_bytes(pdf_file())

    sign_in_as(caseworker, verified=True)
    portal.goto(f"/admin/send/involvements/{involvement.pk}/documents/new/")
    page.locator('input[name="file"]').set_input_files(letter)
    page.locator('input[name="description"]').fill(DESCRIPTION)
    page.locator('input[name="document_date"]').fill("2026-02-03")
    portal.click(page.get_by_role("button", name="Publish"))
    expect(page.get_by_text("Document published.")).to_be_visible()
    document = Document.objects.get(description=DESCRIPTION)
    (email,) = notices.emails_to(parent)
    notices.assert_contentless_email(email, language["code"], language["subject"], DESCRIPTION)

    sign_in_as(parent, verified=True)
    (message,) = notices.open_notice(portal, language["code"], language["subject"]).all()
    expect(message).to_contain_text(language["told"])
    expect(message).to_contain_text(DESCRIPTION)
    portal.goto(f"{language['prefix']}/send/children/{involvement.child_record_id}/documents/")
    expect(page.get_by_role("heading", level=1)).to_have_text(language["title"])
    row = page.locator(f'[data-document="{document.pk}"]')
    expect(row.locator("[data-unread]")).to_have_text(language["new"])
    with page.expect_download() as download:
        row.get_by_role("link", name=re.compile(DESCRIPTION)).click()
    assert download.value.suggested_filename == "advice.pdf"
    assert download.value.path().read_bytes() == pdf_file()

    portal.goto(f"{language['prefix']}/send/children/{involvement.child_record_id}/documents/")
    expect(row.locator("[data-unread]")).to_have_count(0)

    sign_in_as(caseworker, verified=True)
    portal.goto(f"/admin/send/involvements/{involvement.pk}/documents/{document.pk}/")
    recipients = page.locator("[data-recipients]")
    expect(recipients).to_contain_text(parent.email)
    expect(recipients).not_to_contain_text("Not opened")

"""Printing and reopening forms in the browser, every page checked by axe, in English and
Welsh: a parent downloads the form they submitted as a PDF and as a Word file (after leaving
every part out, which the options page refuses), and a blank copy of a live form; a verified
professional reopens a form they submitted, giving a reason the audit trail keeps."""

import hashlib
import io
import re

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from plugins.send.builder.schema import FormSchema
from plugins.send.filling import professionals, services, uploads
from plugins.send.filling.uploads import PDF, CheckedUpload
from plugins.send.models import FormDefinition, SendSettings, SubmissionEvent
from tests.send.factories import PersonLinkFactory

LANGUAGES = {
    "en": {
        "prefix": "",
        "print_link": "Print or download this form",
        "print_title": "Print or download your form",
        "blank_title": "Print a blank form",
        "parts": "Parts to include",
        "subject": "Subject details",
        "consent_groups": ["About you", "Sharing information", "Declaration"],
        "notes": "The form with a page for notes after each part",
        "page_breaks": "Start each part on a new page",
        "pdf": "PDF",
        "word": "Word document (.docx)",
        "download": "Download",
        "notes_heading": "Notes: {group}",
        "reference": "Reference: {reference}",
        "name": "Your full name",
        "no_parts": "Select at least one part of the form to include",
        "error_title": "Error: Print or download your form",
        "consent_title": "Parental consent",
        "advice_title": "Advice request response",
        "edit_link": "Edit this form",
        "edit_title": "Edit a submitted form",
        "reason": "Reason for the change",
        "edit_button": "Edit the form",
        "no_reason": "Enter the reason for the change",
        "error_prefix": "Error: ",
        "check": "Check your answers and submit",
    },
    "cy": {
        "prefix": "/cy",
        "print_link": "Argraffu neu lawrlwytho'r ffurflen hon",
        "print_title": "Argraffu neu lawrlwytho eich ffurflen",
        "blank_title": "Argraffu ffurflen wag",
        "parts": "Rhannau i’w cynnwys",
        "subject": "Manylion y person",
        "consent_groups": ["Amdanoch chi", "Rhannu gwybodaeth", "Datganiad"],
        "notes": "Y ffurflen gyda thudalen ar gyfer nodiadau ar ôl pob rhan",
        "page_breaks": "Dechrau pob rhan ar dudalen newydd",
        "pdf": "PDF",
        "word": "Dogfen Word (.docx)",
        "download": "Lawrlwytho",
        "notes_heading": "Nodiadau: {group}",
        "reference": "Cyfeirnod: {reference}",
        "name": "Eich enw llawn",
        "no_parts": "Dewiswch o leiaf un rhan o’r ffurflen i’w chynnwys",
        "error_title": "Gwall: Argraffu neu lawrlwytho eich ffurflen",
        "consent_title": "Caniatâd rhiant",
        "advice_title": "Ymateb i gais am gyngor",
        "edit_link": "Golygu'r ffurflen hon",
        "edit_title": "Golygu ffurflen a gyflwynwyd",
        "reason": "Rheswm dros y newid",
        "edit_button": "Golygu'r ffurflen",
        "no_reason": "Rhowch y rheswm dros y newid",
        "error_prefix": "Gwall: ",
        "check": "Gwirio eich atebion a chyflwyno",
    },
}

TITLE_PREFIX = {
    "en": "Special Educational Needs and Disabilities – ",
    "cy": "Anghenion Addysgol Arbennig ac Anableddau – ",
}

# A valid answer of each kind, as the step forms store them (see plugins/send/filling/steps.py).
ANSWERS = {
    "text": "Text",
    "memo": "Text",
    "integer": 3,
    "decimal": "2.5",
    "yes_no": "yes",
    "date": "2026-01-05",
}

REPORT = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(params=LANGUAGES, ids=lambda code: {"en": "English", "cy": "Welsh"}[code])
def language(request):
    return {**LANGUAGES[request.param], "title_prefix": TITLE_PREFIX[request.param]}


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path


def heading(page):
    return page.get_by_role("heading", level=1)


def press_button(portal, name):
    portal.click(portal.page.get_by_role("button", name=name, exact=True))


def submitted_form(user, person, code):
    """``user``'s submitted copy of the live form ``code`` for ``person``: every step saved
    with a valid answer to each question, as the journey's pages would save them."""
    form = FormDefinition.objects.get(code=code)
    submission = services.start(user, person, form)
    if user.is_professional:
        professionals.confirm_professional(
            submission, user, **professionals.professional_details(submission)
        )
    submission = services.confirm_subject(submission, user)
    for group in FormSchema(submission.version.schema).groups:
        answers, files = {}, []
        for question in group.questions:
            if question.data_type in ("file", "image"):
                if question.mandatory:
                    files.append(stored_report(submission, question.code, user))
            elif question.data_type == "choice":
                answers[0, question.code] = question.choices[0][0]
            else:
                answers[0, question.code] = ANSWERS[question.data_type]
        submission = services.save_step(
            submission, group, answers, 1, submission.revision, user, files
        )
    return services.submit(submission, user)


def stored_report(submission, code, user):
    """A small PDF kept for a file question, as it is once the upload checks have passed."""
    upload = SimpleUploadedFile("report.pdf", REPORT, content_type=PDF)
    checked = CheckedUpload(
        content_type=PDF, sha256=hashlib.sha256(REPORT).hexdigest(), size=len(REPORT)
    )
    return uploads.store_file(submission, code, 0, upload, checked, user)


def download(page, button_name):
    """Press the options page's button and return the file the browser saves."""
    with page.expect_download() as saving:
        page.get_by_role("button", name=button_name, exact=True).click()
    saved = saving.value
    with open(saved.path(), "rb") as file:
        return saved.suggested_filename, file.read()


@pytest.fixture
def parent(e2e_demo):
    return get_user_model().objects.get(email="parent@example.org")


def test_a_parent_prints_the_form_they_submitted(portal, sign_in_as, parent, language):
    words, page = language, portal.page
    child = PersonLinkFactory(user=parent, person__forename="Alys", person__surname="Jones").person
    submission = submitted_form(parent, child, "PARENTAL_CONSENT")
    sign_in_as(parent, verified=True)

    portal.goto(f"{words['prefix']}/send/submissions/{submission.pk}/")
    portal.click(page.get_by_role("link", name=words["print_link"]))
    expect(heading(page)).to_have_text(words["print_title"])
    parts = page.get_by_role("group", name=words["parts"])
    for name in [words["subject"], *words["consent_groups"]]:
        expect(parts.get_by_label(name, exact=True)).to_be_checked()

    # Every part left out: nothing to print, and the page says so.
    for name in [words["subject"], *words["consent_groups"]]:
        parts.get_by_label(name, exact=True).uncheck()
    press_button(portal, words["download"])
    expect(page.locator(".govuk-error-summary")).to_contain_text(words["no_parts"])
    expect(page).to_have_title(re.compile("^" + re.escape(words["error_title"])))

    parts = page.get_by_role("group", name=words["parts"])
    parts.get_by_label(words["consent_groups"][0], exact=True).check()
    parts.get_by_label(words["consent_groups"][2], exact=True).check()
    page.get_by_label(words["notes"], exact=True).check()
    page.get_by_label(words["page_breaks"], exact=True).check()
    page.get_by_label(words["pdf"], exact=True).check()
    name, content = download(page, words["download"])
    assert name == f"{submission.reference}.pdf"
    assert content.startswith(b"%PDF")

    page.get_by_label(words["word"], exact=True).check()
    name, content = download(page, words["download"])
    assert name == f"{submission.reference}.docx"
    assert content.startswith(b"PK")
    # The Word file holds the chosen parts only, each followed by its Notes page.
    document = docx.Document(io.BytesIO(content))
    headings = [
        paragraph.text
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith("Heading")
    ]
    about_you, sharing, declaration = words["consent_groups"]
    assert headings == [
        f"1. {about_you}",
        words["notes_heading"].format(group=about_you),
        f"2. {declaration}",
        words["notes_heading"].format(group=declaration),
    ]
    assert all(sharing not in heading for heading in headings)
    # The answers are in it, under the form's reference.
    lines = [paragraph.text for paragraph in document.paragraphs]
    assert words["reference"].format(reference=submission.reference) in lines
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert cells[cells.index(words["name"]) + 1] == "Text"
    # A break before each Notes page, and one more as the second part starts a new page.
    assert document.element.xml.count('w:type="page"') == 3


def test_a_parent_prints_a_blank_form(portal, sign_in_as, parent, language):
    words, page = language, portal.page
    sign_in_as(parent, verified=True)

    portal.goto(f"{words['prefix']}/send/forms/PARENTAL_CONSENT/print/")
    expect(heading(page)).to_have_text(words["blank_title"])
    expect(page.get_by_text(words["title_prefix"] + words["consent_title"])).to_be_visible()
    name, content = download(page, words["download"])
    assert name == "PARENTAL_CONSENT.pdf"
    assert content.startswith(b"%PDF")


@pytest.fixture
def professional(e2e_demo):
    """A professional the council has verified, with a confirmed code-by-email device."""
    from django_otp.plugins.otp_email.models import EmailDevice

    from tests.factories import UserFactory

    user = UserFactory(
        email="therapist@example.org",
        first_name="Rhys",
        last_name="Therapist",
        kind="professional",
        professional_role="Speech and language therapist",
        organisation="Demo Health Board",
        verification_state="verified",
        email_confirmed_at=timezone.now(),
    )
    EmailDevice.objects.create(user=user, name="Email", confirmed=True)
    return user


def test_a_professional_reopens_a_submitted_form(portal, sign_in_as, professional, language, media):
    words, page = language, portal.page
    send_settings = SendSettings.load()
    send_settings.allow_professional_edit = True
    send_settings.save()
    person = PersonLinkFactory(
        user=professional,
        relationship="professional",
        person__forename="Bryn",
        person__surname="Evans",
    ).person
    submission = submitted_form(professional, person, "ADVICE_RESPONSE")
    sign_in_as(professional, verified=True)

    portal.goto(f"{words['prefix']}/send/submissions/{submission.pk}/")
    expect(page.get_by_text(submission.reference)).to_be_visible()
    portal.click(page.get_by_role("link", name=words["edit_link"]))
    expect(heading(page)).to_have_text(words["edit_title"])

    press_button(portal, words["edit_button"])
    expect(page.locator(".govuk-error-summary")).to_contain_text(words["no_reason"])
    expect(page).to_have_title(re.compile("^" + re.escape(words["error_prefix"])))
    submission.refresh_from_db()
    assert submission.status == "submitted"

    reason = "The report date was wrong."
    page.get_by_label(words["reason"], exact=True).fill(reason)
    press_button(portal, words["edit_button"])

    assert portal.path() == f"{words['prefix']}/send/submissions/{submission.pk}/"
    expect(heading(page)).to_have_text(words["title_prefix"] + words["advice_title"])
    expect(page.get_by_role("button", name=words["check"])).to_be_visible()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    expect(page.get_by_role("link", name=words["edit_link"])).to_have_count(0)
    submission.refresh_from_db()
    assert submission.status == "draft"
    event = submission.events.get(action=SubmissionEvent.Action.REOPENED)
    assert (event.user, event.detail) == (professional, reason)

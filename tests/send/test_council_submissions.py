"""The council's side of submitted SEND forms in the Wagtail admin: who may see them, the list
(never a draft), one form's answers and audit trail, opening (which stops a professional
reopening it), file downloads, printouts for staff, and blank copies for the SEND team."""

import re
import zipfile
from io import BytesIO

import docx
import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from core.models import AuditEntry
from plugins.send.builder import services as builder
from plugins.send.builder.schema import FormSchema
from plugins.send.casework import review
from plugins.send.demo.loader import load_demo
from plugins.send.filling import professionals, services
from plugins.send.models import (
    PortalPerson,
    SendSettings,
    Submission,
    SubmissionFile,
)
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
    published_form,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/send/submissions/"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PRINT_CHOICES = {"groups": ["1", "2", "3"], "document_type": "normal", "language": "en"}


def staff(*codenames, **fields):
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now(), **fields)
    group, _created = Group.objects.get_or_create(name="Staff " + "-".join(codenames))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def caseworker(client):
    """A member of the council's SEND casework team: may see submitted forms, not build them."""
    user = staff("access_admin", "view_submission", first_name="Carys", last_name="Casework")
    sign_in_verified(client, user)
    client.user = user
    return client


@pytest.fixture
def form():
    """A form with a group of two questions and a repeating group of one."""
    return published_form(groups=((2, False, 2), (3, True, 1)), title_en="Request for help")


def fill(link, form, submit=True):
    """``link``'s user fills in every step of ``form`` (the repeating group twice) and, unless
    told not to, submits it."""
    submission = services.start(link.user, link.person, form)
    if link.user.is_professional:
        professionals.confirm_professional(
            submission, link.user, "Ann Lee", "Educational psychologist", "Schools service"
        )
    services.confirm_subject(submission, link.user)
    for group in FormSchema(submission.version.schema).groups:
        count = 2 if group.repeating else 1
        answers = {
            (i, q.code): f"{q.code} answer {i + 1}" for i in range(count) for q in group.questions
        }
        submission.refresh_from_db()
        services.save_step(submission, group, answers, count, submission.revision, link.user)
    submission.refresh_from_db()
    if submit:
        submission = services.submit(submission, link.user)
    return submission


def family(forename="Alex", surname="Morgan", **user_fields):
    user = UserFactory(first_name="Sam", last_name="Parent", **user_fields)
    return PersonLinkFactory(user=user, person__forename=forename, person__surname=surname)


def attach(submission, name="report.pdf", content=b"%PDF-1.4 school report"):
    return SubmissionFile.objects.create(
        submission=submission,
        question_code="REPORT",
        file=ContentFile(content, name="x"),
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        sha256="0" * 64,
    )


def allow_professionals_to_reopen():
    settings = SendSettings.load()
    settings.allow_professional_edit = True
    settings.save()


def council_urls(submission, upload):
    base = f"{LIST}{submission.pk}/"
    return [base, f"{base}print/", f"{base}files/{upload.pk}/"]


def actions(submission):
    return list(submission.events.values_list("action", flat=True))


def references(response):
    return re.findall(r"SND-[0-9A-Z]{10}", response.text)


# -- who may see submitted forms --------------------------------------------------------------


def test_the_permission_can_be_given_to_a_group_and_the_demo_send_team_has_it(admin_client):
    view_submission = Permission.objects.get(codename="view_submission")
    group_page = admin_client.get("/admin/groups/new/").text
    assert f'name="permissions" value="{view_submission.pk}"' in group_page
    load_demo()
    team = Group.objects.get(name="SEND team")
    assert set(team.permissions.values_list("codename", flat=True)) >= {
        "build_forms",
        "view_submission",
        "decide_submission",
        "share_submission",
        "delete_submission",
    }


def test_the_demo_send_team_sees_and_verifies_professionals_awaiting_verification(client):
    load_demo()
    member = staff("access_admin")
    member.groups.add(Group.objects.get(name="SEND team"))
    waiting = UserFactory(
        kind="professional", verification_state="pending", organisation="Health board"
    )
    sign_in_verified(client, member)
    assert "Professionals awaiting verification (1)" in client.get("/admin/").text
    assert waiting.email in client.get("/admin/portal/professionals/").text
    response = client.post(f"/admin/portal/users/{waiting.pk}/verify/", {"note": ""})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.verification_state == "verified"


def test_staff_without_the_permission_cannot_see_open_or_print_submitted_forms(client, form):
    submission = fill(family(), form)
    upload = attach(submission)
    builder_staff = staff("access_admin", "build_forms")
    sign_in_verified(client, builder_staff)
    for url in [LIST, *council_urls(submission, upload)]:
        assert client.get(url).status_code in (302, 403), url
    printing = client.post(f"{LIST}{submission.pk}/print/", {**PRINT_CHOICES, "file_format": "pdf"})
    assert printing.status_code in (302, 403)
    home = client.get("/admin/").text
    assert "Form definitions" in home and "Submitted forms" not in home
    submission.refresh_from_db()
    assert submission.opened_by_council_at is None
    assert actions(submission) == ["created", "step_saved", "step_saved", "submitted"]


def test_a_family_cannot_reach_the_council_screens_even_given_the_permission(client, form):
    link = family(email_confirmed_at=timezone.now())
    submission = fill(link, form)
    upload = attach(submission)
    link.user.user_permissions.add(Permission.objects.get(codename="view_submission"))
    sign_in_verified(client, link.user)
    for url in [LIST, *council_urls(submission, upload)]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert not response.url.startswith(LIST), url
    submission.refresh_from_db()
    assert submission.opened_by_council_at is None


def test_a_caseworker_finds_submitted_forms_in_the_send_menu_without_the_builders_screens(
    caseworker,
):
    home = caseworker.get("/admin/").text
    assert "Submitted forms" in home and LIST in home
    assert "Question bank" not in home and "Form definitions" not in home
    assert "Import a form" not in home


def test_the_send_team_sees_both_the_builder_and_submitted_forms(client):
    sign_in_verified(client, staff("access_admin", "build_forms", "view_submission"))
    home = client.get("/admin/").text
    assert "Form definitions" in home and "Submitted forms" in home


# -- the list ---------------------------------------------------------------------------------


def test_the_list_shows_submitted_forms_and_never_a_draft(caseworker, form):
    sent = fill(family(forename="Alex", surname="Morgan"), form)
    fill(family(forename="Dewi", surname="Draft"), form, submit=False)
    page = caseworker.get(LIST)
    assert page.status_code == 200
    text = page.text
    assert references(page) == [sent.reference]
    assert "Request for help" in text and "Alex Morgan" in text and "Sam Parent" in text
    assert "Not opened" in text
    assert "Dewi" not in text


def test_in_a_welsh_admin_the_list_shows_each_forms_welsh_title_or_else_its_english_one(
    caseworker, form
):
    fill(family(), form)
    fill(family(), published_form(title_en="Only in English", title_cy=""))
    profile = UserProfile.get_for_user(caseworker.user)
    profile.preferred_language = "cy"
    profile.save()
    text = caseworker.get(LIST).text
    assert form.title_cy in text and "Only in English" in text
    assert "Request for help" not in text


def test_a_reopened_form_leaves_the_list_until_it_is_sent_again(caseworker):
    allow_professionals_to_reopen()
    professional_form = published_form(portal_type="professional", user_type="not_applicable")
    link = PersonLinkFactory(user__kind="professional", relationship="professional")
    submission = fill(link, professional_form)
    services.reopen(submission, link.user, "Wrong school")
    assert references(caseworker.get(LIST)) == []
    assert caseworker.get(f"{LIST}{submission.pk}/").status_code == 404


def test_a_draft_cannot_be_opened_printed_or_its_files_downloaded(caseworker, form):
    draft = fill(family(), form, submit=False)
    upload = attach(draft)
    for url in council_urls(draft, upload):
        assert caseworker.get(url).status_code == 404, url
    printing = caseworker.post(f"{LIST}{draft.pk}/print/", {**PRINT_CHOICES, "file_format": "pdf"})
    assert printing.status_code == 404
    draft.refresh_from_db()
    assert draft.opened_by_council_at is None
    assert "opened" not in actions(draft)


def test_search_finds_a_form_by_reference_or_the_persons_name(caseworker, form):
    morgan = fill(family(forename="Alex", surname="Morgan"), form)
    jones = fill(family(forename="Bethan", surname="Jones"), form)
    assert references(caseworker.get(LIST, {"q": "morgan"})) == [morgan.reference]
    assert references(caseworker.get(LIST, {"q": "Alex Morgan"})) == [morgan.reference]
    assert references(caseworker.get(LIST, {"q": jones.reference.lower()})) == [jones.reference]
    assert references(caseworker.get(LIST, {"q": "Bethan Morgan"})) == []
    results = caseworker.get(f"{LIST}results/", {"q": "jones"})
    assert references(results) == [jones.reference]


def test_the_list_can_show_only_the_forms_nobody_has_opened(caseworker, form):
    opened = fill(family(), form)
    new = fill(family(), form)
    review.open_submission(opened, caseworker.user)
    assert references(caseworker.get(LIST, {"status": "not_opened"})) == [new.reference]
    assert references(caseworker.get(LIST, {"status": "opened"})) == [opened.reference]


def submissions_in_bulk(form, count):
    """``count`` submitted forms, each for a different person by a different user."""
    users = UserFactory.create_batch(count)
    people = PortalPerson.objects.bulk_create(
        PortalPerson(forename="Child", surname=f"Number{n}", date_of_birth="2015-01-01")
        for n in range(count)
    )
    now = timezone.now()
    Submission.objects.bulk_create(
        Submission(
            person=person,
            version=form.live_version,
            created_by=user,
            status="submitted",
            reference=services.new_reference(),
            submitted_at=now,
            opened_by_council_at=now if n % 2 else None,
        )
        for n, (person, user) in enumerate(zip(people, users, strict=True))
    )


def list_queries(client):
    client.get(LIST)  # settings and texts cached, like any page after the first
    with CaptureQueriesContext(connection) as captured:
        page = client.get(LIST)
    assert page.status_code == 200
    return len(captured), page


def test_the_list_takes_the_same_queries_for_5_and_200_forms_and_shows_50_a_page(caseworker, form):
    submissions_in_bulk(form, 5)
    few, _page = list_queries(caseworker)
    submissions_in_bulk(form, 195)
    many, page = list_queries(caseworker)
    assert many == few
    assert len(references(page)) == 50
    pages = [references(caseworker.get(LIST, {"p": number})) for number in (1, 2, 3, 4)]
    assert {len(refs) for refs in pages} == {50}
    assert len({ref for refs in pages for ref in refs}) == 200


# -- one submitted form -----------------------------------------------------------------------


def test_the_form_shows_its_answers_by_step_and_its_audit_trail(caseworker, form):
    submission = fill(family(), form)
    schema = FormSchema(submission.version.schema)
    repeating = schema.group(3)
    code = repeating.questions[0].code
    page = caseworker.get(f"{LIST}{submission.pk}/")
    assert page.status_code == 200
    text = page.text
    assert submission.reference in text and "Alex Morgan" in text
    for group in schema.groups:
        assert f"{group.number}. {group.name}" in text
        for question in group.questions:
            assert question.label in text
            assert f"{question.code} answer 1" in text
    assert f"{repeating.name} 2" in text and f"{code} answer 2" in text
    trail = text[text.index("data-audit-trail") :]
    for words in ("Started", "Step saved", "Submitted", "Opened by the council"):
        assert words in trail
    assert f"3. {repeating.name}" in trail
    assert "Sam Parent" in trail and "Carys Casework" in trail


def test_the_first_opening_marks_the_form_opened_and_a_professional_can_no_longer_reopen(
    caseworker, client
):
    allow_professionals_to_reopen()
    professional_form = published_form(portal_type="professional", user_type="not_applicable")
    link = PersonLinkFactory(
        user__kind="professional",
        user__verification_state="verified",
        user__email_confirmed_at=timezone.now(),
        relationship="professional",
    )
    submission = fill(link, professional_form)
    assert services.may_reopen(submission, link.user)

    assert caseworker.get(f"{LIST}{submission.pk}/").status_code == 200
    submission.refresh_from_db()
    first_opened = submission.opened_by_council_at
    assert first_opened is not None
    sign_in_verified(caseworker, staff("access_admin", "view_submission"))
    assert caseworker.get(f"{LIST}{submission.pk}/").status_code == 200
    submission.refresh_from_db()
    assert submission.opened_by_council_at == first_opened
    assert actions(submission).count("opened") == 1
    assert submission.events.get(action="opened").user.first_name == "Carys"

    assert not services.may_reopen(submission, link.user)
    with pytest.raises(services.NotEditable):
        services.reopen(submission, link.user, "Too late")
    sign_in_verified(client, link.user)
    refused = client.post(f"/send/submissions/{submission.pk}/reopen/", {"reason": "Too late"})
    assert refused.status_code == 404
    submission.refresh_from_db()
    assert submission.status == "submitted"


def test_the_form_page_takes_the_same_queries_however_many_answers_and_events(caseworker):
    small = fill(family(), published_form(groups=((2, False, 1),)))
    large = fill(family(), published_form(groups=tuple((n, n % 3 == 0, 8) for n in range(2, 14))))
    for submission in (small, large):
        # Opened: later visits only add their audit log row.
        caseworker.get(f"{LIST}{submission.pk}/")

    def queries(submission):
        with CaptureQueriesContext(connection) as captured:
            assert caseworker.get(f"{LIST}{submission.pk}/").status_code == 200
        return len(captured)

    assert queries(large) == queries(small)


# -- files ------------------------------------------------------------------------------------


def test_a_file_downloads_only_through_its_own_submitted_form(caseworker, form):
    submission = fill(family(), form)
    other = fill(family(), form)
    upload = attach(submission, "school report.pdf", b"%PDF-1.4 the report")
    other_upload = attach(other, "other.pdf")

    response = caseworker.get(f"{LIST}{submission.pk}/files/{upload.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="school report.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the report"

    for pk, file_pk in ((submission.pk, other_upload.pk), (other.pk, upload.pk), (other.pk, 999)):
        assert caseworker.get(f"{LIST}{pk}/files/{file_pk}/").status_code == 404
    event = submission.events.get(action="file_downloaded")
    assert event.detail == "school report.pdf" and event.user == caseworker.user
    # The download opened the form, as nobody had opened it before.
    submission.refresh_from_db()
    assert submission.opened_by_council_at is not None
    assert "file_downloaded" not in actions(other)


def test_a_file_answer_links_to_the_admin_download(caseworker):
    upload_form = FormDefinitionFactory()
    report = QuestionFactory(code="REPORT", data_type="file", label_en="School report")
    place(GroupFactory(form=upload_form, number=2), report)
    builder.publish(upload_form)
    upload_form.refresh_from_db()
    link = family()
    submission = services.start(link.user, link.person, upload_form)
    services.confirm_subject(submission, link.user)
    upload = attach(submission, "report.pdf")
    schema = FormSchema(submission.version.schema)
    services.save_step(submission, schema.group(2), {}, 1, 0, link.user, files=[upload])
    services.submit(submission, link.user)
    page = caseworker.get(f"{LIST}{submission.pk}/").text
    assert f'href="{LIST}{submission.pk}/files/{upload.pk}/">report.pdf (PDF, ' in page


# -- printing ---------------------------------------------------------------------------------


def test_staff_print_a_submitted_form_as_pdf_or_word(caseworker, form):
    submission = fill(family(), form)
    url = f"{LIST}{submission.pk}/print/"
    options = caseworker.get(url)
    assert options.status_code == 200
    assert "Parts to include" in options.text and "File type" in options.text

    pdf = caseworker.post(url, {**PRINT_CHOICES, "file_format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="{submission.reference}.pdf"'
    assert pdf.content.startswith(b"%PDF")

    word = caseworker.post(url, {**PRINT_CHOICES, "file_format": "docx", "language": "cy"})
    assert word["Content-Type"] == DOCX_TYPE
    assert word["Content-Disposition"] == f'attachment; filename="{submission.reference}.docx"'
    assert zipfile.is_zipfile(BytesIO(word.content))
    words = "\n".join(
        cell.text
        for table in docx.Document(BytesIO(word.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    group = form.groups.get(number=2)
    first = group.items.first().question
    assert f"{first.code} answer 1" in words and first.label_cy in words

    printed = submission.events.filter(action="printed")
    assert list(printed.values_list("detail", flat=True)) == ["pdf", "docx"]
    assert {event.user for event in printed} == {caseworker.user}


def test_print_options_left_out_are_asked_for_again_and_nothing_is_recorded(caseworker, form):
    submission = fill(family(), form)
    page = caseworker.post(f"{LIST}{submission.pk}/print/", {"language": "en"})
    assert page.status_code == 200
    assert "Select a file type" in page.text
    assert "printed" not in actions(submission)


# -- blank copies for the SEND team -----------------------------------------------------------


@pytest.fixture
def send_team():
    """A form builder, in a browser of their own (the caseworker has ``client``)."""
    return sign_in_verified(Client(), staff("access_admin", "build_forms"))


def test_the_send_team_prints_blank_copies_of_the_live_version_and_the_draft(send_team):
    form = published_form(groups=((2, False, 1),), code="EHC_REQ")
    added = GroupFactory(form=form, number=3, name_en="Added after publishing")
    place(added, QuestionFactory())
    builder.mark_changed(form)
    build = send_team.get(f"/admin/send/forms/build/{form.pk}/").text
    live_url = f"/admin/send/forms/build/{form.pk}/print/1/"
    draft_url = f"/admin/send/forms/build/{form.pk}/print/"
    assert live_url in build and draft_url in build

    assert send_team.get(live_url).status_code == 200
    live = send_team.post(live_url, {"groups": ["1", "2"], **blank_choices("docx")})
    assert live["Content-Disposition"] == 'attachment; filename="EHC_REQ-v1.docx"'
    assert "Added after publishing" not in docx_text(live)

    draft_page = send_team.get(draft_url)
    assert "Added after publishing" in draft_page.text
    draft = send_team.post(draft_url, {"groups": ["1", "2", "3"], **blank_choices("docx")})
    assert draft["Content-Disposition"] == 'attachment; filename="EHC_REQ-draft.docx"'
    assert "Added after publishing" in docx_text(draft)

    pdf = send_team.post(live_url, {"groups": ["1", "2"], **blank_choices("pdf")})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def blank_choices(file_format):
    return {"document_type": "normal", "language": "en", "file_format": file_format}


def docx_text(response):
    assert response["Content-Type"] == DOCX_TYPE
    document = docx.Document(BytesIO(response.content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_blank_copies_need_the_form_builder_permission_and_a_real_version(send_team, caseworker):
    form = published_form(groups=((2, False, 1),))
    other = published_form()
    for url in (
        f"/admin/send/forms/build/{form.pk}/print/",
        f"/admin/send/forms/build/{form.pk}/print/1/",
    ):
        assert caseworker.get(url).status_code in (302, 403), url
    assert send_team.get(f"/admin/send/forms/build/{form.pk}/print/2/").status_code == 404
    assert send_team.get(f"/admin/send/forms/build/{other.pk}/print/1/").status_code == 200
    assert send_team.get("/admin/send/forms/build/999999/print/").status_code == 404


# -- the audit log ----------------------------------------------------------------------------


def audited(submission, action):
    return list(
        AuditEntry.objects.filter(
            action=action,
            content_type=ContentType.objects.get_for_model(Submission),
            object_id=str(submission.pk),
        )
    )


def test_every_opening_of_a_submitted_form_is_written_to_the_audit_log(caseworker, form):
    submission = fill(family(), form)
    for _ in range(2):
        assert (
            caseworker.get(f"{LIST}{submission.pk}/", REMOTE_ADDR="192.0.2.44").status_code == 200
        )
    entries = audited(submission, "submission.opened")
    assert len(entries) == 2
    assert {(entry.actor, entry.ip_address) for entry in entries} == {
        (caseworker.user, "192.0.2.44")
    }
    assert entries[0].object_repr == submission.reference
    # The form's own history still records only the first opening.
    assert actions(submission).count("opened") == 1


def test_printing_and_downloading_a_file_are_written_to_the_audit_log(caseworker, form):
    submission = fill(family(), form)
    upload = attach(submission, "school report.pdf")
    caseworker.post(f"{LIST}{submission.pk}/print/", {**PRINT_CHOICES, "file_format": "pdf"})
    caseworker.get(f"{LIST}{submission.pk}/files/{upload.pk}/")
    [printed] = audited(submission, "submission.printed")
    assert (printed.actor, printed.detail) == (caseworker.user, "pdf")
    [downloaded] = audited(submission, "file.downloaded")
    assert (downloaded.actor, downloaded.detail) == (caseworker.user, "school report.pdf")


def test_refused_and_invalid_requests_write_nothing_to_the_audit_log(client, caseworker, form):
    submission = fill(family(), form)
    upload = attach(submission)
    caseworker.post(f"{LIST}{submission.pk}/print/", {"file_format": "pdf"})  # no options
    draft = fill(family(), form, submit=False)
    caseworker.get(f"{LIST}{draft.pk}/")
    sign_in_verified(client, staff("access_admin", "build_forms"))
    for url in council_urls(submission, upload):
        client.get(url)
    assert not AuditEntry.objects.exists()

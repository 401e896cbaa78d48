"""A parent completing a council form on the portal: start, task list, subject details,
steps with save and resume, stale saves, check your answers, declarations, submit once,
the read-only submitted form, file downloads, and every foreign id giving 404."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from plugins.send.builder.schema import FormSchema
from plugins.send.filling import services
from plugins.send.models import SendSettings, Submission, SubmissionFile
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import PersonLinkFactory, published_form
from tests.send.test_uploads import eicar

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(client):
    link = PersonLinkFactory(user__email_confirmed_at=timezone.now())
    sign_in_verified(client, link.user)
    return link


@pytest.fixture
def form():
    return published_form(groups=((2, False, 2), (3, True, 1)))


def started(link, form):
    return services.start(link.user, link.person, form)


def codes(submission, number):
    group = next(g for g in submission.version.schema["groups"] if g["number"] == number)
    return [q["code"] for q in group["questions"]]


def test_start_creates_one_draft_and_shows_the_task_list(client, parent, form):
    url = f"/send/people/{parent.person.pk}/start/"
    first = client.post(url, {"form": form.code})
    second = client.post(url, {"form": form.code})
    submission = Submission.objects.get()
    assert first.url == second.url == f"/send/submissions/{submission.pk}/"
    page = client.get(first.url)
    text = page.content.decode()
    assert "Special Educational Needs and Disabilities – " + form.title_en in text
    assert "Subject details" in text and "Part" in text


def test_a_form_not_offered_to_the_user_cannot_be_started(client, parent):
    professional = published_form(portal_type="professional", user_type="not_applicable")
    response = client.post(f"/send/people/{parent.person.pk}/start/", {"form": professional.code})
    assert response.status_code == 404
    assert not Submission.objects.exists()


def test_saving_a_step_keeps_the_answers_and_moves_on(client, parent, form):
    submission = started(parent, form)
    first, second = codes(submission, 2)
    url = f"/send/submissions/{submission.pk}/step/2/"
    response = client.post(url, {first: "Hillside Primary", second: "Year 4", "revision": 0})
    assert response.url == f"/send/submissions/{submission.pk}/step/3/"
    page = client.get(url).content.decode()
    assert 'value="Hillside Primary"' in page and 'value="Year 4"' in page


def test_a_mandatory_answer_left_empty_shows_the_error_summary_and_keeps_the_rest(client, parent):
    form = published_form()
    group = form.groups.get()
    item = group.items.first()
    item.question.mandatory = True
    item.question.save()
    from plugins.send.builder import services as builder

    builder.publish(form)
    form.refresh_from_db()
    submission = started(parent, form)
    mandatory, other = codes(submission, 2)
    response = client.post(
        f"/send/submissions/{submission.pk}/step/2/", {other: "Kept answer", "revision": 0}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in text and "govuk-error-summary" in text
    assert 'value="Kept answer"' in text
    assert not submission.answers.exists()


def test_a_stale_save_is_refused_and_the_newer_answers_are_shown(client, parent, form):
    submission = started(parent, form)
    first, second = codes(submission, 2)
    url = f"/send/submissions/{submission.pk}/step/2/"
    client.post(url, {first: "From the laptop", second: "", "revision": 0})
    response = client.post(url, {first: "From the phone", second: "", "revision": 0})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Your changes were not saved" in text
    assert 'value="From the laptop"' in text
    assert submission.answers.get(question_code=first).value == "From the laptop"


def test_add_more_shows_another_item_without_saving(client, parent, form):
    submission = started(parent, form)
    (code,) = codes(submission, 3)
    url = f"/send/submissions/{submission.pk}/step/3/"
    response = client.post(url, {f"{code}-0": "Speech therapy", "repeat_count": 1, "action": "add"})
    text = response.content.decode()
    assert f'name="{code}-1"' in text and 'value="Speech therapy"' in text
    assert not submission.answers.exists()
    client.post(
        url,
        {f"{code}-0": "Speech therapy", f"{code}-1": "Physio", "repeat_count": 2, "revision": 0},
    )
    assert dict(submission.answers.values_list("repeat_index", "value")) == {
        0: "Speech therapy",
        1: "Physio",
    }


def complete(client, submission):
    client.post(f"/send/submissions/{submission.pk}/subject/")
    first, second = codes(submission, 2)
    client.post(
        f"/send/submissions/{submission.pk}/step/2/", {first: "A", second: "B", "revision": 0}
    )
    (code,) = codes(submission, 3)
    client.post(
        f"/send/submissions/{submission.pk}/step/3/",
        {f"{code}-0": "C", "repeat_count": 1, "revision": 0},
    )


def test_check_answers_needs_both_declarations(client, parent, form):
    submission = started(parent, form)
    complete(client, submission)
    url = f"/send/submissions/{submission.pk}/check/"
    page = client.get(url).content.decode()
    assert "Check your answers before submitting" in page and "Change" in page
    response = client.post(url, {"council": "true"})
    text = response.content.decode()
    assert "Agree to the information being used and shared, or you cannot send the form" in text
    submission.refresh_from_db()
    assert submission.status == "draft"


def test_submitting_twice_makes_one_submission_with_a_reference(client, parent, form):
    submission = started(parent, form)
    complete(client, submission)
    url = f"/send/submissions/{submission.pk}/check/"
    first = client.post(url, {"council": "true", "sharing": "true"})
    second = client.post(url, {"council": "true", "sharing": "true"})
    submission.refresh_from_db()
    assert submission.status == "submitted" and submission.reference.startswith("SND-")
    assert first.url == f"/send/submissions/{submission.pk}/done/"
    assert second.status_code == 302
    assert submission.events.filter(action="submitted").count() == 1
    page = client.get(first.url).content.decode()
    assert submission.reference in page and "govuk-panel--confirmation" in page


def test_a_submitted_form_is_read_only(client, parent, form):
    submission = started(parent, form)
    complete(client, submission)
    client.post(f"/send/submissions/{submission.pk}/check/", {"council": "true", "sharing": "true"})
    step = client.post(f"/send/submissions/{submission.pk}/step/2/", {"revision": 99})
    assert step.url == f"/send/submissions/{submission.pk}/"
    view = client.get(step.url).content.decode()
    assert "Submitted" in view and "Change" not in view


def test_an_incomplete_form_lists_the_steps_still_to_save(client, parent, form):
    submission = started(parent, form)
    page = client.get(f"/send/submissions/{submission.pk}/check/").content.decode()
    assert "Not finished yet" in page
    assert f'href="/send/submissions/{submission.pk}/subject/"' in page


def test_files_are_downloaded_only_by_the_family(client, parent, form):
    submission = started(parent, form)
    upload = SubmissionFile.objects.create(
        submission=submission,
        question_code="ANY",
        file=ContentFile(b"%PDF-1.4 report", name="x"),
        original_name="report.pdf",
        content_type="application/pdf",
        size=15,
        sha256="0" * 64,
    )
    response = client.get(f"/send/submissions/{submission.pk}/files/{upload.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="report.pdf"')
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"


def test_a_professional_reopens_with_a_reason(client, form):
    settings = SendSettings.load()
    settings.allow_professional_edit = True
    settings.save()
    user = UserFactory(
        kind="professional", verification_state="verified", email_confirmed_at=timezone.now()
    )
    link = PersonLinkFactory(user=user, relationship="professional")
    professional_form = published_form(portal_type="professional", user_type="not_applicable")
    sign_in_verified(client, user)
    submission = started(link, professional_form)
    client.post(
        f"/send/submissions/{submission.pk}/your-details/",
        {"name": "Dr Ann Lee", "role": "Paediatrician", "organisation": "Hywel Dda"},
    )
    client.post(f"/send/submissions/{submission.pk}/subject/")
    first, second = codes(submission, 2)
    client.post(
        f"/send/submissions/{submission.pk}/step/2/", {first: "A", second: "B", "revision": 0}
    )
    client.post(f"/send/submissions/{submission.pk}/check/", {"council": "true", "sharing": "true"})
    empty = client.post(f"/send/submissions/{submission.pk}/reopen/", {"reason": ""})
    assert "Enter the reason for the change" in empty.content.decode()
    client.post(f"/send/submissions/{submission.pk}/reopen/", {"reason": "Wrong review date"})
    submission.refresh_from_db()
    assert submission.status == "draft"
    assert submission.events.get(action="reopened").detail == "Wrong review date"


# -- query counts: none of the pages grows with submissions, steps or answers ----------------


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # settings and texts cached, like any page after the first
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def filled(link, groups):
    form = published_form(groups=groups)
    submission = started(link, form)
    services.confirm_subject(submission, link.user)
    for group in FormSchema(submission.version.schema).groups:
        count = 3 if group.repeating else 1
        answers = {(i, q.code): f"Answer {i}" for i in range(count) for q in group.questions}
        submission.refresh_from_db()
        services.save_step(submission, group, answers, count, submission.revision, link.user)
    submission.refresh_from_db()
    return submission


def test_the_forms_page_does_not_grow_with_forms_or_history(client, parent):
    published_form()
    filled(parent, ((2, False, 1),))
    url = f"/send/people/{parent.person.pk}/"
    few = queries(client, url)
    for _ in range(8):
        submission = filled(parent, ((2, False, 1),))
        services.submit(submission, parent.user)
    for _ in range(5):
        published_form()
    assert queries(client, url) == few


def test_step_and_check_pages_do_not_grow_with_steps_or_answers(client, parent):
    small = filled(parent, ((2, False, 2), (3, True, 1)))
    large = filled(parent, tuple((n, n % 3 == 0, 10) for n in range(2, 22)))
    for page in ("step/3/", "check/", ""):
        assert queries(client, f"/send/submissions/{large.pk}/{page}") == queries(
            client, f"/send/submissions/{small.pk}/{page}"
        ), page


# -- files on a step -------------------------------------------------------------------------


@pytest.fixture
def upload_form():
    from plugins.send.builder import services as builder
    from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place

    form = FormDefinitionFactory()
    place(
        GroupFactory(form=form, number=2),
        QuestionFactory(code="REPORT", data_type="file"),
        QuestionFactory(code="REPORT_ABOUT", mandatory=True),
    )
    builder.publish(form)
    form.refresh_from_db()
    return form


def post_file(client, submission, name, content, about="School report"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/send/submissions/{submission.pk}/step/2/",
        {"REPORT": SimpleUploadedFile(name, content), "REPORT_ABOUT": about, "revision": 0},
    )


def test_a_program_renamed_as_a_pdf_is_refused_on_the_step(client, parent, upload_form):
    submission = started(parent, upload_form)
    response = post_file(client, submission, "report.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    assert "The selected file is not a real PDF file" in response.content.decode()
    assert not SubmissionFile.objects.exists() and not submission.answers.exists()


def test_an_11_mb_file_is_refused_on_the_step(client, parent, upload_form):
    submission = started(parent, upload_form)
    big = b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024)
    response = post_file(client, submission, "scan.pdf", big)
    assert "The selected file must be smaller than 10MB" in response.content.decode()
    assert not SubmissionFile.objects.exists()


def test_a_file_with_a_virus_is_refused_on_the_step(client, parent, upload_form, clamd):
    from core.models import PortalSettings

    # The test signature is plain text, so the council accepts .txt files here.
    settings = PortalSettings.load()
    settings.upload_extensions = ".pdf .txt"
    settings.save()
    submission = started(parent, upload_form)
    response = post_file(client, submission, "letter.txt", eicar())
    assert "The selected file contains a virus" in response.content.decode()
    assert not SubmissionFile.objects.exists()


def test_an_accepted_file_is_kept_while_another_answer_is_wrong(client, parent, upload_form, clamd):
    submission = started(parent, upload_form)
    response = post_file(client, submission, "report.pdf", b"%PDF-1.4\nreport", about="")
    text = response.content.decode()
    assert "govuk-error-summary" in text and "Uploaded: report.pdf" in text
    stored = SubmissionFile.objects.get()
    assert submission.answers.get(question_code="REPORT").value == stored.pk
    assert stored.file.read() == b"%PDF-1.4\nreport"
    # Saving the step again without choosing the file again keeps it.
    client.post(
        f"/send/submissions/{submission.pk}/step/2/",
        {"REPORT_ABOUT": "School report", "revision": 0},
    )
    assert submission.steps.filter(group_number=2).exists()
    assert submission.answers.get(question_code="REPORT").value == stored.pk


def test_a_prefilled_answer_is_shown_and_named_on_its_step(client, parent):
    from plugins.send.builder import services as builder
    from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place

    school = QuestionFactory(code="CHILD_SCHOOL", label_en="Your child's school")
    forms = []
    for _ in range(2):
        form = FormDefinitionFactory()
        place(GroupFactory(form=form, number=2), school)
        builder.publish(form)
        form.refresh_from_db()
        forms.append(form)
    earlier = started(parent, forms[0])
    group = FormSchema(earlier.version.schema).groups[0]
    services.save_step(earlier, group, {(0, "CHILD_SCHOOL"): "Hillside Primary"}, 1, 0, parent.user)

    later = started(parent, forms[1])
    page = client.get(f"/send/submissions/{later.pk}/step/2/").content.decode()
    assert 'value="Hillside Primary"' in page
    assert "filled in from a form you completed before" in page
    assert "<li>Your child&#x27;s school</li>" in page
    client.post(
        f"/send/submissions/{later.pk}/step/2/", {"CHILD_SCHOOL": "Hillside", "revision": 0}
    )
    assert not later.answers.get(question_code="CHILD_SCHOOL").prefilled

"""The case system pulls the forms families send and decides on them, and works on a child's
case: opening it, moving its stage, recording key dates and information asked for,
publishing documents (virus-scanned) and asking for forms. Each needs its scope, and an id
the account may not see gives 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import AuditEntry
from plugins.send.models import Document, Involvement, SubmissionEvent
from plugins.send.models.submissions import Review
from tests.send.casework.conftest import matched
from tests.send.documents.test_publish import word_with_virus
from tests.send.test_council_submissions import family, fill
from tests.send.test_uploads import pdf_file


@pytest.fixture
def submitted(form):
    return fill(family(), form)


def test_new_submissions_are_listed_since_the_resume_cursor(api, form):
    first = fill(family(), form)
    caller = api("submissions:read")
    page = caller.get("/send/submissions/", {"limit": 1}).json()
    assert [item["id"] for item in page["items"]] == [first.pk]
    assert page["next_cursor"] is None
    later = caller.get("/send/submissions/", {"cursor": page["resume_cursor"]}).json()
    assert later["items"] == []
    # An empty page keeps the place, so a polling client only ever keeps the last value.
    assert later["resume_cursor"] == page["resume_cursor"]
    second = fill(family(forename="Bea"), form)
    later = caller.get("/send/submissions/", {"cursor": later["resume_cursor"]}).json()
    assert [item["id"] for item in later["items"]] == [second.pk]


def test_a_submission_comes_with_answers_keyed_by_question_and_repeat(api, submitted):
    body = api("submissions:read").get(f"/send/submissions/{submitted.pk}").json()
    assert body["reference"] == submitted.reference
    keys = {(a["question_code"], a["repeat_index"]) for a in body["answers"]}
    assert len(keys) == len(body["answers"]) > 0
    submitted.refresh_from_db()
    assert submitted.review_state == Review.OPENED
    entry = AuditEntry.objects.get(action="submission.opened")
    assert entry.api_client == "Case system"


def test_a_submission_prints_as_pdf(api, submitted):
    response = api("submissions:read").get(f"/send/submissions/{submitted.pk}/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content if response.streaming else [response.content])[
        :5
    ] == (b"%PDF-")


def test_a_draft_the_family_never_sent_gives_404(api, form):
    draft = fill(family(), form, submit=False)
    caller = api("submissions:read", "submissions:write")
    assert caller.get(f"/send/submissions/{draft.pk}").status_code == 404
    decided = caller.post(
        f"/send/submissions/{draft.pk}/decision", {"decision": "reject", "message": "No"}
    )
    assert decided.status_code == 404


def test_deciding_needs_submissions_write(api, submitted):
    refused = api("submissions:read").post(
        f"/send/submissions/{submitted.pk}/decision", {"decision": "reject", "message": "No"}
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "scope_missing"


def test_a_decision_follows_the_admins_rules_and_is_made_once(api, submitted):
    caller = api("submissions:read", "submissions:write")
    caller.get(f"/send/submissions/{submitted.pk}")
    unmatched = caller.post(
        f"/send/submissions/{submitted.pk}/decision",
        {"decision": "approve", "message": "Yes"},
        key="a",
    )
    assert unmatched.status_code == 409
    assert unmatched.json()["error"]["message"] == "Match the child first."
    matched(submitted)
    decision = {"decision": "approve", "message": "Agreed", "share_with_case": True}
    first = caller.post(f"/send/submissions/{submitted.pk}/decision", decision, key="b")
    again = caller.post(f"/send/submissions/{submitted.pk}/decision", decision, key="b")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert first.json()["review_state"] == Review.APPROVED
    assert (
        SubmissionEvent.objects.filter(
            submission=submitted, action=SubmissionEvent.Action.APPROVED
        ).count()
        == 1
    )
    decided = caller.get("/send/submissions/", {"state": "decided"}).json()
    assert [item["id"] for item in decided["items"]] == [submitted.pk]


def test_the_case_system_opens_a_case_and_moves_it_on(api, child):
    caller = api("cases:read", "cases:write")
    opened = caller.post(
        "/send/cases/",
        {"child_record_id": child.pk, "process": "england_ehc_needs_assessment"},
    )
    assert opened.status_code == 201
    case_id = opened.json()["id"]
    changed = caller.client.patch(
        f"/api/v1/send/cases/{case_id}",
        {"stage": "assessment"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {caller.token}",
    )
    assert changed.status_code == 200
    assert Involvement.objects.get(pk=case_id).stage == "assessment"
    wrong = caller.post(
        "/send/cases/",
        {"child_record_id": child.pk, "process": "england_ehc_needs_assessment"},
        key="again",
    )
    assert wrong.status_code == 409


def test_reading_a_case_shows_who_is_authenticated_on_it(api, involvement, authenticated):
    body = api("cases:read").get(f"/send/cases/{involvement.pk}").json()
    assert body["sharing"][0]["email"] == "nia@example.org"
    assert body["sharing"][0]["state"] == "authenticated"


def test_changing_a_case_needs_cases_write(api, involvement):
    refused = api("cases:read").post(
        f"/send/cases/{involvement.pk}/information-requests",
        {"requested": "School report", "due_on": "2026-03-01"},
    )
    assert refused.status_code == 403
    assert api("records:read", name="Other").get(f"/send/cases/{involvement.pk}").status_code == 403


def test_information_requested_is_recorded_once_per_key(api, involvement):
    caller = api("cases:write")
    payload = {"requested": "School report", "role": "SENCO", "due_on": "2026-03-01"}
    first = caller.post(f"/send/cases/{involvement.pk}/information-requests", payload)
    again = caller.post(f"/send/cases/{involvement.pk}/information-requests", payload)
    assert first.status_code == again.status_code == 201
    assert involvement.information_requests.count() == 1


def test_a_document_is_published_after_its_scan(
    api,
    clamd,
    involvement,
    authenticated,
):
    caller = api("documents:write")
    response = caller.post(
        f"/send/cases/{involvement.pk}/documents",
        files={
            "file": SimpleUploadedFile("letter.pdf", pdf_file()),
            "description": "Decision letter",
            "document_date": "2026-02-03",
        },
    )
    assert response.status_code == 201, response.content
    assert Document.objects.get().description == "Decision letter"


def test_an_infected_document_is_refused_and_nothing_is_kept(
    api,
    clamd,
    involvement,
    authenticated,
):
    response = api("documents:write").post(
        f"/send/cases/{involvement.pk}/documents",
        files={
            "file": SimpleUploadedFile("letter.docx", word_with_virus()),
            "description": "Decision letter",
            "document_date": "2026-02-03",
        },
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("scope", "path", "params"),
    [
        ("cases:read", "/send/cases/", {"child_record_id": 2**70}),
        ("cases:read", f"/send/cases/{2**70}", {}),
        ("submissions:read", f"/send/submissions/{2**63}", {}),
        ("records:read", f"/records/{2**64}", {}),
        ("cases:read", "/send/cases/", {"child_record_id": 0}),
    ],
)
def test_an_id_no_row_can_have_is_a_validation_error_not_a_database_overflow(
    api, scope, path, params
):
    # Found by the schema test: 2**70 overflowed SQLite's integer and gave a 500.
    response = api(scope).get(path, params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"

"""The case system works a case as staff do in the admin: it closes and reopens it, records
and takes back exceptions to its time limits, marks information asked for as received,
shares the case with portal users and takes that back, and withdraws a published document.
Each goes through the admin's own service, so its rules answer 409, its audit entries name
the client, a repeat with the same Idempotency-Key does nothing twice, and an id of another
case's row is not found."""

import pytest

from core.models import AuditEntry
from plugins.send.casework.involvements import services
from plugins.send.models import Document, Involvement, InvolvementException
from tests.send.documents.conftest import publish


def _audited(action):
    return list(AuditEntry.objects.filter(action=action).values_list("api_client", flat=True))


@pytest.fixture
def caller(api):
    return api("cases:read", "cases:write")


@pytest.fixture
def review(child, caseworker):
    """Another case of the same child: an annual review, a process without exceptions."""
    return services.open_involvement(child, "england_annual_review", caseworker)


def _asked(involvement, caseworker):
    return services.request_information(
        involvement, caseworker, requested="School report", due_on="2026-03-01"
    )


def test_the_case_system_closes_a_case_and_opens_it_again(caller, involvement):
    closed = caller.post(
        f"/send/cases/{involvement.pk}/close",
        {"reason": "Plan agreed.", "closed_on": "2026-04-01"},
        key="close",
    )
    assert closed.status_code == 200, closed.content
    assert closed.json()["status"] == "closed"
    involvement.refresh_from_db()
    assert (involvement.status, str(involvement.closed_on)) == ("closed", "2026-04-01")
    assert involvement.closed_reason == "Plan agreed."
    assert _audited("involvement.closed") == ["Case system"]

    reopened = caller.post(f"/send/cases/{involvement.pk}/reopen", key="reopen")
    assert reopened.status_code == 200
    assert reopened.json()["status"] == "open"
    involvement.refresh_from_db()
    assert (involvement.status, involvement.closed_on) == ("open", None)
    assert _audited("involvement.reopened") == ["Case system"]


def test_closing_a_closed_case_or_reopening_an_open_one_is_refused(caller, involvement):
    reopened = caller.post(f"/send/cases/{involvement.pk}/reopen", key="a")
    assert reopened.status_code == 409
    assert reopened.json()["error"] == {
        "code": "not_allowed",
        "message": "The involvement is already open.",
        "fields": [],
    }
    caller.post(f"/send/cases/{involvement.pk}/close", {"reason": "Moved away."}, key="b")
    again = caller.post(f"/send/cases/{involvement.pk}/close", {"reason": "Moved."}, key="c")
    assert again.status_code == 409
    assert again.json()["error"]["message"] == "The involvement is already closed."
    assert _audited("involvement.closed") == ["Case system"]


def test_a_close_repeated_with_its_key_is_done_once(caller, involvement):
    first = caller.post(f"/send/cases/{involvement.pk}/close", {"reason": "Done."}, key="k")
    again = caller.post(f"/send/cases/{involvement.pk}/close", {"reason": "Done."}, key="k")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert len(_audited("involvement.closed")) == 1


def test_an_exception_is_recorded_and_taken_back(caller, involvement):
    payload = {
        "reason": "school_closed",
        "starts_on": "2026-10-01",
        "ends_on": "2026-11-02",
        "note": "Flooding.",
    }
    recorded = caller.post(f"/send/cases/{involvement.pk}/exceptions", payload)
    replayed = caller.post(f"/send/cases/{involvement.pk}/exceptions", payload)
    assert recorded.status_code == replayed.status_code == 201, recorded.content
    row = InvolvementException.objects.get(involvement=involvement)
    assert (row.reason, str(row.ends_on), row.note) == ("school_closed", "2026-11-02", "Flooding.")
    assert recorded.json()["id"] == row.pk
    assert _audited("involvement.exception") == ["Case system"]
    case = caller.get(f"/send/cases/{involvement.pk}").json()
    assert [e["reason"] for e in case["exceptions"]] == ["school_closed"]

    removed = caller.client.delete(
        f"/api/v1/send/cases/{involvement.pk}/exceptions/{row.pk}",
        HTTP_AUTHORIZATION=f"Bearer {caller.token}",
    )
    assert removed.status_code == 200
    assert removed.json()["exceptions"] == []
    assert not InvolvementException.objects.exists()
    assert _audited("involvement.exception") == ["Case system", "Case system"]


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        # The annual review has no exceptions: the service refuses the process's rule.
        ({"reason": "school_closed"}, 409, "not_allowed"),
        # No process has it: the schema's choices refuse it.
        ({"reason": "holiday"}, 422, "validation_error"),
        ({"reason": "school_closed", "ends_on": "2026-09-30"}, 422, "validation_error"),
    ],
)
def test_an_exception_outside_the_process_rules_is_refused(
    caller, involvement, review, change, status, code
):
    case = review if status == 409 else involvement
    payload = {"starts_on": "2026-10-01", **change}
    response = caller.post(f"/send/cases/{case.pk}/exceptions", payload)
    assert response.status_code == status, response.content
    assert response.json()["error"]["code"] == code
    assert not InvolvementException.objects.exists()


def test_an_exception_before_its_start_names_the_end_date(caller, involvement):
    payload = {"reason": "school_closed", "starts_on": "2026-10-01", "ends_on": "2026-09-30"}
    response = caller.post(f"/send/cases/{involvement.pk}/exceptions", payload)
    assert response.json()["error"]["fields"][0]["field"] == "body.ends_on"


def test_information_asked_for_is_received_once(caller, involvement, caseworker):
    asked = _asked(involvement, caseworker)
    path = f"/send/cases/{involvement.pk}/information-requests/{asked.pk}/received"
    first = caller.post(path, {"on": "2026-02-20"}, key="r")
    replayed = caller.post(path, {"on": "2026-02-20"}, key="r")
    assert first.status_code == replayed.status_code == 200
    assert first.json() == replayed.json()
    assert first.json()["received_on"] == "2026-02-20"
    asked.refresh_from_db()
    assert (str(asked.received_on), asked.send_reminders) == ("2026-02-20", False)
    assert _audited("information.received") == ["Case system"]
    again = caller.post(path, {}, key="other")
    assert again.status_code == 409
    assert again.json()["error"]["message"] == "This information has already been received."


def test_another_cases_rows_are_not_found_through_this_case(
    caller, api, involvement, review, caseworker
):
    asked = _asked(review, caseworker)
    exception = services.record_exception(
        involvement, caseworker, reason="school_closed", starts_on="2026-10-01"
    )
    document = publish(involvement, caseworker)
    received = caller.post(f"/send/cases/{involvement.pk}/information-requests/{asked.pk}/received")
    removed = caller.client.delete(
        f"/api/v1/send/cases/{review.pk}/exceptions/{exception.pk}",
        HTTP_AUTHORIZATION=f"Bearer {caller.token}",
    )
    withdrawn = api("documents:write", name="Documents").post(
        f"/send/cases/{review.pk}/documents/{document.pk}/withdraw", {"reason": "Wrong child."}
    )
    assert received.status_code == removed.status_code == withdrawn.status_code == 404
    assert received.json()["error"]["code"] == "not_found"
    asked.refresh_from_db()
    assert asked.received_on is None
    assert InvolvementException.objects.filter(pk=exception.pk).exists()
    assert not Document.objects.get().is_withdrawn


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("close", {"reason": "Done."}),
        ("reopen", {}),
        ("exceptions", {"reason": "school_closed", "starts_on": "2026-10-01"}),
        ("information-requests/1/received", {}),
        ("sharing", {"email": "nia@example.org"}),
        ("sharing/1/authenticate", {"reason": "Checked."}),
        ("sharing/1/unauthenticate", {}),
        ("sharing/1/remove", {}),
    ],
)
def test_a_case_that_does_not_exist_is_not_found(caller, parent, path, body):
    response = caller.post(f"/send/cases/999999/{path}", body)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_closing_a_case_needs_cases_write(api, involvement):
    refused = api("cases:read").post(f"/send/cases/{involvement.pk}/close", {"reason": "Done."})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "scope_missing"
    assert Involvement.objects.get().is_open


def test_the_case_system_shares_a_case_and_takes_it_back(caller, involvement, parent):
    base = f"/send/cases/{involvement.pk}/sharing"
    added = caller.post(base, {"email": "NIA@example.org", "parental_responsibility": True})
    assert added.status_code == 201, added.content
    sharing = added.json()
    assert (sharing["email"], sharing["state"]) == ("nia@example.org", "shared")
    assert sharing["parental_responsibility"] is True
    reason = {"reason": "Mother; identity checked by phone."}
    authenticated = caller.post(f"{base}/{sharing['id']}/authenticate", reason, key="auth")
    assert authenticated.status_code == 200
    assert authenticated.json()["state"] == "authenticated"
    case = caller.get(f"/send/cases/{involvement.pk}").json()
    assert [(s["id"], s["state"]) for s in case["sharing"]] == [(sharing["id"], "authenticated")]
    unauthenticated = caller.post(f"{base}/{sharing['id']}/unauthenticate", key="unauth")
    assert unauthenticated.json()["state"] == "unauthenticated"
    removed = caller.post(f"{base}/{sharing['id']}/remove", key="remove")
    assert removed.json()["state"] == "removed"
    assert involvement.sharing.get().state == "removed"
    for action in ("added", "authenticated", "unauthenticated", "removed"):
        assert _audited(f"sharing.{action}") == ["Case system"], action


def test_sharing_follows_the_state_machine(caller, involvement, authenticated):
    base = f"/send/cases/{involvement.pk}/sharing"
    reason = {"reason": "Checked again."}
    twice = caller.post(f"{base}/{authenticated.pk}/authenticate", reason, key="a")
    assert twice.status_code == 409
    assert twice.json()["error"] == {
        "code": "not_allowed",
        "message": "This person is already authenticated.",
        "fields": [],
    }
    again = caller.post(base, {"email": "nia@example.org"}, key="b")
    assert again.status_code == 409
    caller.post(f"{base}/{authenticated.pk}/remove", key="c")
    removed = caller.post(f"{base}/{authenticated.pk}/unauthenticate", key="d")
    assert removed.status_code == 409
    assert (
        removed.json()["error"]["message"] == "This person has been removed from the involvement."
    )
    # Someone removed is added again, and starts over.
    added = caller.post(base, {"email": "nia@example.org"}, key="e")
    assert (added.status_code, added.json()["state"]) == (201, "shared")
    assert "Case system" not in _audited("sharing.authenticated")


def test_authenticating_on_a_closed_case_is_refused(caller, involvement, shared, caseworker):
    services.close(involvement, caseworker, "Moved away.")
    response = caller.post(
        f"/send/cases/{involvement.pk}/sharing/{shared.pk}/authenticate", {"reason": "Checked."}
    )
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "The involvement is closed."
    shared.refresh_from_db()
    assert shared.state == "shared"


def test_only_a_portal_account_is_shared_with(caller, involvement, caseworker):
    base = f"/send/cases/{involvement.pk}/sharing"
    unknown = caller.post(base, {"email": "nobody@example.org"}, key="a")
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"][0]["field"] == "body.email"
    staff = caller.post(base, {"email": caseworker.email}, key="b")
    assert staff.status_code == 409
    assert staff.json()["error"]["message"] == "Council staff are not portal users."
    assert not involvement.sharing.exists()


def test_another_cases_sharing_is_not_found(caller, involvement, review, authenticated):
    response = caller.post(f"/send/cases/{review.pk}/sharing/{authenticated.pk}/remove")
    assert response.status_code == 404
    authenticated.refresh_from_db()
    assert authenticated.state == "authenticated"


def test_a_published_document_is_withdrawn_once(api, involvement, authenticated, caseworker):
    document = publish(involvement, caseworker)
    caller = api("documents:write")
    path = f"/send/cases/{involvement.pk}/documents/{document.pk}/withdraw"
    first = caller.post(path, {"reason": "Sent in error."}, key="w")
    replayed = caller.post(path, {"reason": "Sent in error."}, key="w")
    assert first.status_code == replayed.status_code == 200, first.content
    assert first.json() == replayed.json()
    assert first.json()["withdrawn_at"] is not None
    document.refresh_from_db()
    assert (document.is_withdrawn, document.withdrawn_reason) == (True, "Sent in error.")
    assert _audited("document.withdrawn") == ["Case system"]
    again = caller.post(path, {"reason": "Sent in error."}, key="other")
    assert again.status_code == 409
    assert again.json()["error"]["message"] == "This document has already been withdrawn."


def test_withdrawing_a_document_needs_documents_write(api, involvement, caseworker):
    document = publish(involvement, caseworker)
    refused = api("cases:write").post(
        f"/send/cases/{involvement.pk}/documents/{document.pk}/withdraw", {"reason": "Error."}
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "scope_missing"
    document.refresh_from_db()
    assert not document.is_withdrawn

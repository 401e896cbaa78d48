"""Each operation needs its own scope: an account holding every other scope is refused with
403 before anything is looked up."""

import pytest
from django.apps import apps

from api import scopes
from api.models import IdempotentRequest

OPERATIONS = [
    ("get", "/records/", "records:read"),
    ("get", "/records/1", "records:read"),
    ("post", "/records/bulk", "records:write"),
]
if apps.is_installed("plugins.send"):
    OPERATIONS += [
        ("get", "/send/submissions/", "submissions:read"),
        ("get", "/send/submissions/1", "submissions:read"),
        ("get", "/send/submissions/1/pdf", "submissions:read"),
        ("get", "/send/submissions/1/files/1", "submissions:read"),
        ("post", "/send/submissions/1/decision", "submissions:write"),
        ("get", "/send/cases/", "cases:read"),
        ("get", "/send/cases/1", "cases:read"),
        ("post", "/send/cases/", "cases:write"),
        ("patch", "/send/cases/1", "cases:write"),
        ("put", "/send/cases/1/dates", "cases:write"),
        ("post", "/send/cases/1/information-requests", "cases:write"),
        ("post", "/send/cases/1/close", "cases:write"),
        ("post", "/send/cases/1/reopen", "cases:write"),
        ("post", "/send/cases/1/exceptions", "cases:write"),
        ("delete", "/send/cases/1/exceptions/1", "cases:write"),
        ("post", "/send/cases/1/information-requests/1/received", "cases:write"),
        ("post", "/send/cases/1/sharing", "cases:write"),
        ("post", "/send/cases/1/sharing/1/authenticate", "cases:write"),
        ("post", "/send/cases/1/sharing/1/unauthenticate", "cases:write"),
        ("post", "/send/cases/1/sharing/1/remove", "cases:write"),
        ("post", "/send/cases/1/documents", "documents:write"),
        ("post", "/send/cases/1/documents/1/withdraw", "documents:write"),
        ("post", "/send/cases/1/actions", "actions:write"),
    ]
if apps.is_installed("plugins.messaging"):
    OPERATIONS += [("post", "/messages/threads", "messages:write")]
if apps.is_installed("plugins.matching"):
    OPERATIONS += [
        ("get", "/matching/decisions/", "matching:read"),
        ("get", "/matching/decisions/1", "matching:read"),
    ]


@pytest.mark.parametrize(("method", "path", "scope"), OPERATIONS)
def test_an_operation_is_refused_without_its_scope(client, service_account, method, path, scope):
    others = [name for name in scopes.SCOPES if name != scope]
    _account, token = service_account(*others)
    response = getattr(client, method)(
        f"/api/v1{path}",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_IDEMPOTENCY_KEY="k",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "scope_missing"


def test_a_repeat_while_the_first_is_still_working_is_told_so(api, db):
    caller = api("records:write")
    body = {
        "records": [
            {"council_id": "C1", "forename": "A", "surname": "B", "date_of_birth": "2015-01-01"}
        ]
    }
    first = caller.post("/records/bulk", body, key="busy")
    assert first.status_code == 200
    # As if the first request were still running: its claim holds no response yet.
    IdempotentRequest.objects.filter(key="busy").update(status_code=None, response=None)
    again = caller.post("/records/bulk", body, key="busy")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "in_progress"

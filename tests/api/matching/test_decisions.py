"""The case system pulls the matching team's decisions: which council record each incoming
child was matched to, or that a new record was made, or why the child was rejected, in the
order decided and since a cursor. Waiting children are the council's queue, not decisions:
their ids give 404 like ids that do not exist. Every read is audited with the client's name."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.pagination import encode
from core.models import AuditEntry
from plugins.matching import decisions
from tests.matching.test_queue_admin import incoming

pytestmark = pytest.mark.django_db

DECISIONS = "/matching/decisions/"


def new_records(matcher, count, start=1):
    """``count`` incoming children each added as a new child record, in that order."""
    return [
        decisions.add_as_new_record(
            incoming("Nia", f"Newydd{number}", datetime.date(2019, 2, 2), number=number), matcher
        )
        for number in range(start, start + count)
    ]


def test_reading_decisions_needs_matching_read(api, matcher):
    [decision] = new_records(matcher, 1)
    allowed = api("matching:read")
    others = api("records:read", "submissions:read", name="Another system")
    for path in (DECISIONS, f"{DECISIONS}{decision.pk}"):
        refused = others.get(path)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "scope_missing"
        assert allowed.get(path).status_code == 200


def test_decisions_are_listed_in_the_order_made_and_since_a_cursor(api, matcher):
    first, second, third = new_records(matcher, 3)
    caller = api("matching:read")
    page = caller.get(DECISIONS, {"limit": 2}).json()
    assert [item["id"] for item in page["items"]] == [first.pk, second.pk]
    rest = caller.get(DECISIONS, {"limit": 2, "cursor": page["next_cursor"]}).json()
    assert [item["id"] for item in rest["items"]] == [third.pk]
    assert rest["next_cursor"] is None
    since = encode(third.decided_at, third.pk)
    assert caller.get(DECISIONS, {"cursor": since}).json()["items"] == []
    [later] = new_records(matcher, 1, start=4)
    assert [item["id"] for item in caller.get(DECISIONS, {"cursor": since}).json()["items"]] == [
        later.pk
    ]


def test_a_match_names_the_record_the_forms_the_caseworker_and_the_conflicts_settled(
    api, register, matcher
):
    waiting = incoming(forename="Sian", number=7)
    decision = decisions.match(waiting, register["sian"], matcher, take_portal=["forename"])
    body = api("matching:read").get(f"{DECISIONS}{decision.pk}").json()
    assert body["state"] == "matched"
    assert body["child_record_id"] == register["sian"].pk
    assert body["council_id"] == "C3"
    assert body["forms"] == ["SND-00000007"]
    assert body["decided_by_email"] == matcher.email
    assert body["settled"] == {"forename": "portal"}
    assert body["best_band"] == waiting.best_band != ""
    assert body["best_score"] == pytest.approx(waiting.best_score)
    assert body["decided_at"] and body["received_at"]
    assert body["reason"] == ""


def test_a_rejection_says_why_and_names_no_record(api, matcher):
    decision = decisions.reject(incoming(), matcher, "Declared twice.")
    body = api("matching:read").get(f"{DECISIONS}{decision.pk}").json()
    assert (body["state"], body["reason"]) == ("rejected", "Declared twice.")
    assert body["child_record_id"] is None and body["council_id"] is None


def test_a_child_still_waiting_is_not_a_decision(api, matcher):
    waiting = incoming()
    caller = api("matching:read")
    assert caller.get(f"{DECISIONS}{waiting.pk}").status_code == 404
    assert caller.get(DECISIONS).json()["items"] == []


@pytest.mark.parametrize(
    ("decision_id", "status"), [(999_999, 404), (2**63, 422), (0, 422), ("one", 422)]
)
def test_an_id_that_is_no_decision_gives_404_and_one_no_row_can_have_422(api, decision_id, status):
    response = api("matching:read").get(f"{DECISIONS}{decision_id}")
    assert response.status_code == status
    assert response.json()["error"]["code"] == (
        "not_found" if status == 404 else "validation_error"
    )


def test_each_decision_read_is_audited_with_the_clients_name(api, matcher):
    first, second = new_records(matcher, 2)
    caller = api("matching:read")
    caller.get(DECISIONS)
    caller.get(f"{DECISIONS}{first.pk}")
    entries = AuditEntry.objects.filter(action="matching.decision_viewed").order_by("pk")
    assert [(e.object_id, e.child_record_id) for e in entries] == [
        (str(first.pk), first.child_record_id),
        (str(second.pk), second.child_record_id),
        (str(first.pk), first.child_record_id),
    ]
    assert {e.api_client for e in entries} == {"Case system"}


def test_the_list_takes_the_same_number_of_queries_for_one_decision_or_ten(api, matcher):
    caller = api("matching:read")
    new_records(matcher, 1)
    caller.get(DECISIONS)
    with CaptureQueriesContext(connection) as one:
        assert len(caller.get(DECISIONS).json()["items"]) == 1
    new_records(matcher, 9, start=2)
    with CaptureQueriesContext(connection) as ten:
        assert len(caller.get(DECISIONS).json()["items"]) == 10
    assert len(ten) == len(one)

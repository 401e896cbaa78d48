"""The case system keeps the register up to date through the API: bulk upsert by council id
(once per Idempotency-Key), reading a record and searching, page by page."""

from core.models import AuditEntry
from records.models import ChildRecord
from tests.factories import child_record

ALYS = {
    "council_id": "C100",
    "forename": "Alys",
    "surname": "Jones",
    "date_of_birth": "2015-05-01",
    "address": {"line_1": "1 Main Street", "town": "Demo Town", "postcode": "db1 1aa"},
}


def test_the_case_system_creates_then_updates_records_by_council_id(api):
    caller = api("records:write")
    created = caller.post("/records/bulk", {"records": [ALYS]}, key="first")
    assert created.status_code == 200
    assert created.json()["records"][0]["created"] is True
    changed = caller.post(
        "/records/bulk", {"records": [{**ALYS, "surname": "Evans"}]}, key="second"
    )
    assert changed.json()["records"][0]["created"] is False
    record = ChildRecord.objects.get(council_id="C100")
    assert record.surname == "Evans"
    assert record.source_of("surname")["source"] == "api"
    assert record.addresses.current().get().postcode == "DB1 1AA"


def test_a_replayed_upsert_returns_the_first_answer_and_changes_nothing(api):
    caller = api("records:write")
    first = caller.post("/records/bulk", {"records": [ALYS]}, key="same")
    ChildRecord.objects.update(surname="Changed since")
    again = caller.post("/records/bulk", {"records": [ALYS]}, key="same")
    assert again.status_code == 200
    assert again.json() == first.json()
    assert ChildRecord.objects.get().surname == "Changed since"


def test_a_key_reused_for_another_request_is_refused(api):
    caller = api("records:write")
    caller.post("/records/bulk", {"records": [ALYS]}, key="same")
    other = caller.post("/records/bulk", {"records": [{**ALYS, "council_id": "C2"}]}, key="same")
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"


def test_a_post_without_an_idempotency_key_is_refused(api):
    response = api("records:write").post("/records/bulk", {"records": [ALYS]}, key=None)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "header.Idempotency-Key"
    assert not ChildRecord.objects.exists()


def test_one_invalid_record_refuses_the_whole_batch_naming_it(api):
    bad = {**ALYS, "council_id": "C2", "upn": "not a upn"}
    response = api("records:write").post("/records/bulk", {"records": [ALYS, bad]})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["fields"][0]["field"] == "body.records.1.upn"
    assert not ChildRecord.objects.exists()


def test_a_failed_request_can_be_retried_with_the_same_key(api):
    caller = api("records:write")
    bad = {**ALYS, "upn": "not a upn"}
    assert caller.post("/records/bulk", {"records": [bad]}, key="k").status_code == 422
    assert caller.post("/records/bulk", {"records": [ALYS]}, key="k").status_code == 200


def test_reading_needs_records_read_and_writing_records_write(api):
    record = child_record("C1")
    reader = api("records:read")
    assert reader.get(f"/records/{record.pk}").status_code == 200
    refused = reader.post("/records/bulk", {"records": [ALYS]})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "scope_missing"
    assert api("submissions:read", name="Other").get(f"/records/{record.pk}").status_code == 403


def test_reading_a_record_is_audited_with_the_clients_name(api):
    record = child_record("C1")
    body = api("records:read").get(f"/records/{record.pk}").json()
    assert body["council_id"] == "C1"
    entry = AuditEntry.objects.get(action="child_record.viewed")
    assert (entry.api_client, entry.child_record_id) == ("Case system", record.pk)


def test_an_id_that_does_not_exist_gives_404(api):
    response = api("records:read").get("/records/999999")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_search_pages_with_a_cursor_and_never_repeats_a_record(api):
    for number in range(5):
        child_record(f"C{number}", surname="Jones")
    caller = api("records:read")
    seen, cursor = [], None
    while True:
        params = {"q": "jones", "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = caller.get("/records/", params).json()
        seen += [item["council_id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == [f"C{n}" for n in range(5)]


def test_a_cursor_the_api_did_not_give_is_a_validation_error(api):
    response = api("records:read").get("/records/", {"cursor": "!!nonsense"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "query.cursor"


def test_a_nul_character_anywhere_in_the_text_is_refused_not_a_server_error(api):
    client = api("records:read", "records:write")
    searched = client.get("/records/", {"q": "jo\x00nes"})
    assert searched.status_code == 422
    assert searched.json()["error"]["code"] == "validation_error"
    upserted = client.post(
        "/records/bulk",
        {"records": [{"council_id": "N1", "forename": "A\x00", "surname": "B"}]},
        key="nul-1",
    )
    assert upserted.status_code == 422


def test_a_time_with_any_offset_iso_8601_allows_is_read_in_utc(api):
    # Found by the schema test on PostgreSQL, which refuses offsets beyond ±15:59: a 500.
    caller = api("records:read")
    answered = caller.get("/records/", {"changed_since": "2769-02-08T20:11:44-17:17"})
    assert answered.status_code == 200
    assert answered.json()["items"] == []
    too_late = caller.get("/records/", {"changed_since": "9999-12-31T23:59:59-17:17"})
    assert too_late.status_code == 422
    assert too_late.json()["error"]["fields"][0]["field"] == "query.changed_since"

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal import services as portal_services
from records import services
from records.models import ChildAddress, ChildRecord, Source
from tests.factories import child_record

HIGH_STREET = ("1 High Street", "", "Demo Town", "db1 1aa")
MILL_LANE = ("4 Mill Lane", "Flat 2", "Demo Town", "DB2 3XA")


@pytest.mark.parametrize(
    ("field", "limit"), [("forename", 15), ("middle_names", 25), ("surname", 30)]
)
def test_names_longer_than_the_council_systems_limits_are_refused(db, field, limit):
    with pytest.raises(ValidationError) as refusal:
        child_record("C1", **{field: "A" * (limit + 1)})
    assert field in refusal.value.message_dict
    assert not ChildRecord.objects.exists()
    child_record("C1", **{field: "A" * limit})


def test_a_record_remembers_where_each_value_came_from_and_when(db):
    record = child_record("C1", upn="K999123412001", address=HIGH_STREET)
    assert record.source_of("forename")["source"] == "import"
    assert record.source_of("upn")["source"] == "import"
    assert record.source_of("address")["source"] == "import"

    later = timezone.now() + datetime.timedelta(days=3)
    services.update_record(
        record, {"forename": "Alis", "surname": "Jones"}, Source.STAFF, when=later
    )
    record.refresh_from_db()
    assert record.source_of("forename") == {"source": "staff", "changed_at": later.isoformat()}
    # An unchanged value keeps where it came from.
    assert record.source_of("surname")["source"] == "import"


def test_moving_house_closes_the_old_address_and_keeps_it_in_the_history(db):
    record = child_record("C1", address=HIGH_STREET)
    services.update_record(record, {}, Source.PORTAL, services.Address.of(*MILL_LANE))

    current = record.addresses.current().get()
    assert (current.line_1, current.line_2, current.postcode) == (
        "4 Mill Lane",
        "Flat 2",
        "DB2 3XA",
    )
    old = record.addresses.get(valid_to__isnull=False)
    assert old.postcode == "DB1 1AA"
    assert old.valid_to == current.valid_from
    assert record.source_of("address")["source"] == "portal"


def test_the_same_address_again_changes_nothing(db):
    record = child_record("C1", address=HIGH_STREET)
    services.update_record(record, {}, Source.PORTAL, services.Address.of(*HIGH_STREET))
    assert record.addresses.count() == 1
    assert record.source_of("address")["source"] == "import"


def test_an_address_with_a_wrong_postcode_is_refused(db):
    with pytest.raises(ValidationError):
        child_record("C1", address=("1 High Street", "", "Demo Town", "NOT A CODE"))
    assert not ChildAddress.objects.exists()
    assert not ChildRecord.objects.exists()


def test_two_children_cannot_share_a_upn_or_an_nhs_number_but_many_have_none(db):
    child_record("C1", upn="K999123412001", nhs_number="9434765919")
    child_record("C2")
    child_record("C3")
    with pytest.raises(ValidationError):
        child_record("C4", upn="K999123412001")
    with pytest.raises(ValidationError):
        child_record("C5", nhs_number="943 476 5919")


def test_a_child_accepted_from_the_portal_gets_a_portal_council_id(db):
    details = services.PersonDetails(
        forename="Seren",
        surname="Parent",
        date_of_birth=datetime.date(2018, 9, 2),
        address_line_1="1 High Street",
        town="Demo Town",
        postcode="db1 1aa",
    )
    first = services.accept_as_new_record(details)
    second = services.accept_as_new_record(details)

    assert first.council_id == f"P{first.pk:08d}"
    assert second.council_id == f"P{second.pk:08d}" != first.council_id
    assert first.source_of("forename")["source"] == "portal"
    assert first.addresses.current().get().postcode == "DB1 1AA"


def test_without_a_matching_plugin_a_child_is_accepted_as_a_new_record(db, provide_service):
    provide_service("match")
    details = services.PersonDetails(
        forename="Alys", surname="Jones", date_of_birth=datetime.date(2015, 5, 1)
    )
    record = portal_services.get("match")(details)
    assert record.forename == "Alys"
    assert record.council_id.startswith("P")
    assert record.source_of("forename")["source"] == "portal"

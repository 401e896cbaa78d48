"""The address lookup: the council's local table (loaded from CSV), a pluggable lookup chosen
by a setting, and manual entry that always works."""

import pytest
from django.core.management import CommandError, call_command

from accounts.addresses import (
    Address,
    find_addresses,
    is_valid_postcode,
    load_demo_addresses,
    normalise_postcode,
)
from accounts.models import PostcodeAddress
from tests.accounts.test_registration import url

pytestmark = pytest.mark.django_db


def failing_lookup(postcode):
    raise ConnectionError("the address service is down")


def fixed_lookup(postcode):
    return [Address("The Old Mill", "", "Yarm", postcode)]


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("ts181aa", "TS18 1AA"),
        (" TS18  1AA ", "TS18 1AA"),
        ("sw1a1aa", "SW1A 1AA"),
        ("m11ae", "M1 1AE"),
    ],
)
def test_postcodes_are_normalised(typed, normalised):
    assert normalise_postcode(typed) == normalised
    assert is_valid_postcode(typed)


@pytest.mark.parametrize("typed", ["", "TS18", "123 456", "TS18 1AAA", "not a postcode"])
def test_things_that_are_not_postcodes_are_refused(typed):
    assert not is_valid_postcode(typed)


def test_the_demo_addresses_are_found_by_postcode_however_typed():
    assert load_demo_addresses() == 6
    assert load_demo_addresses() == 0  # loading twice adds nothing

    found = find_addresses("ts18 1aa")

    assert len(found) == 4
    assert found[0] == Address("1 High Street", "", "Stockton-on-Tees", "TS18 1AA")
    assert find_addresses("TS1 1AA") == []


def test_the_council_loads_its_addresses_from_csv(tmp_path):
    csv_file = tmp_path / "addresses.csv"
    csv_file.write_text(
        "postcode,address_line_1,address_line_2,town\n"
        "ts5 6ab,1 Acklam Road,,Middlesbrough\n"
        "TS5 6AB,Flat 2,3 Acklam Road,Middlesbrough\n"
        "bad,4 Nowhere Lane,,Nowhere\n"
    )

    call_command("load_addresses", str(csv_file))
    call_command("load_addresses", str(csv_file))

    rows = list(PostcodeAddress.objects.values_list("postcode", "address_line_1", "address_line_2"))
    assert rows == [("TS5 6AB", "1 Acklam Road", ""), ("TS5 6AB", "Flat 2", "3 Acklam Road")]


def test_loading_with_replace_removes_the_old_addresses(tmp_path):
    load_demo_addresses()
    csv_file = tmp_path / "addresses.csv"
    csv_file.write_text(
        "postcode,address_line_1,address_line_2,town\nTS5 6AB,1 Acklam Road,,Middlesbrough\n"
    )

    call_command("load_addresses", str(csv_file), "--replace")

    assert list(PostcodeAddress.objects.values_list("postcode", flat=True)) == ["TS5 6AB"]


def test_a_csv_without_the_expected_columns_is_refused(tmp_path):
    csv_file = tmp_path / "addresses.csv"
    csv_file.write_text("postcode,street\nTS5 6AB,Acklam Road\n")

    with pytest.raises(CommandError, match="address_line_1"):
        call_command("load_addresses", str(csv_file))
    assert not PostcodeAddress.objects.exists()


def test_another_lookup_can_be_configured(settings):
    settings.PORTAL_ADDRESS_LOOKUP = "tests.accounts.test_addresses.fixed_lookup"
    assert find_addresses("ts9 5ab") == [Address("The Old Mill", "", "Yarm", "TS9 5AB")]


def test_a_failing_lookup_finds_nothing_and_manual_entry_still_works(client, settings):
    settings.PORTAL_ADDRESS_LOOKUP = "tests.accounts.test_addresses.failing_lookup"
    assert find_addresses("TS18 1AA") == []

    client.post(url("register"), {})
    client.post(url("register_postcode"), {"postcode": "TS18 1AA"})
    page = client.get(url("register_address")).content.decode()
    assert "We could not find an address for TS18 1AA" in page
    assert url("register_address_manual") in page

    page = client.get(url("register_address_manual")).content.decode()
    assert 'value="TS18 1AA"' in page  # the postcode already typed
    response = client.post(
        url("register_address_manual"),
        {"address_line_1": "5 Mill Lane", "town": "Stockton-on-Tees", "postcode": "ts181aa"},
    )
    assert response.url == url("register_phone")
    assert client.session["registration"]["address"] == {
        "address_line_1": "5 Mill Lane",
        "address_line_2": "",
        "town": "Stockton-on-Tees",
        "postcode": "TS18 1AA",
        "manual": True,
    }
    # Going back from the next step returns to the typed address, not the empty list.
    page = client.get(url("register_phone")).content.decode()
    assert url("register_address_manual") in page


def test_the_list_offers_manual_entry_and_the_choice_is_required(client):
    load_demo_addresses()
    client.post(url("register"), {})
    client.post(url("register_postcode"), {"postcode": "TS18 1AB"})

    page = client.get(url("register_address")).content.decode()
    assert "10 Church Road, Stockton-on-Tees, TS18 1AB" in page
    assert "I cannot find the address in the list" in page
    response = client.post(url("register_address"), {})
    assert "Select an address" in response.content.decode()
    response = client.post(url("register_address"), {"address": "7"})
    assert "govuk-error-summary" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"address_line_1": ""}, "Enter address line 1, typically the building and street"),
        ({"town": ""}, "Enter town or city"),
        ({"postcode": ""}, "Enter a postcode"),
        ({"postcode": "ZZ"}, "Enter a real postcode"),
    ],
)
def test_a_manual_address_needs_line_1_town_and_postcode(client, data, message):
    client.post(url("register"), {})
    form = {"address_line_1": "5 Mill Lane", "town": "Stockton-on-Tees", "postcode": "TS18 1AA"}

    response = client.post(url("register_address_manual"), {**form, **data})

    assert message in response.content.decode()

"""Candidate generation: identifiers first, then each blocking branch finds the child alone."""

import datetime

import pytest

from plugins.matching import candidates
from plugins.matching.normalise import Person


def person(**values):
    given = {
        "forename": "Nobody",
        "surname": "Unknown",
        "date_of_birth": datetime.date(2001, 1, 1),
        **values,
    }
    return Person(**given)


def branch_finds(branch, someone):
    from plugins.matching.models import MatchKey

    condition = dict(candidates.branches(someone))[branch]
    return set(MatchKey.objects.filter(condition).values_list("record__council_id", flat=True))


def test_an_nhs_number_or_upn_finds_the_child_whatever_else_differs(register):
    sian = register["sian"]
    assert candidates.by_identifier(person(nhs_number="943 476 5919")) == {sian.pk}
    assert candidates.by_identifier(person(upn="h801200001001")) == {sian.pk}
    assert candidates.by_identifier(person()) == set()


def test_the_date_of_birth_branch_finds_a_child_with_a_different_name(register):
    found = branch_finds("date_of_birth", person(date_of_birth=datetime.date(2014, 11, 20)))
    assert found == {"C3"}


def test_the_swapped_date_branch_finds_a_child_whose_day_and_month_were_swapped(register):
    # Registered 4 March 2016; the family wrote 3 April 2016.
    found = branch_finds("swapped_date_of_birth", person(date_of_birth=datetime.date(2016, 4, 3)))
    assert found == {"C1", "C2"}


def test_the_birth_year_branch_finds_a_misspelt_surname_that_sounds_the_same(register):
    someone = person(surname="Jonns", date_of_birth=datetime.date(2014, 2, 2))
    assert branch_finds("birth_year_surname", someone) == {"C3"}


def test_the_names_branch_finds_a_child_by_sound_within_the_date_window(register):
    someone = person(forename="Dai", surname="Hughes", date_of_birth=datetime.date(2013, 6, 1))
    assert branch_finds("names", someone) == {"C4"}
    too_far = person(forename="Dai", surname="Hughes", date_of_birth=datetime.date(2018, 6, 1))
    assert branch_finds("names", too_far) == set()


def test_the_postcode_branch_finds_children_at_the_address(register):
    assert branch_finds("postcode", person(postcode="cf10 1aa")) == {"C1", "C2"}


def test_the_address_branch_finds_a_child_whose_names_date_and_postcode_were_mistyped(register):
    # Registered at 4 Heol y Bont, SA1 1AA: the street misspelt after its first letters.
    someone = person(address_line_1="4, Heol y Bnot", postcode="SA1 1AB")
    assert branch_finds("address", someone) == {"C3"}
    assert branch_finds("address", person(address_line_1="6 Heol y Bont")) == set()
    # A line without a house number (a named house) has no address key: no branch.
    assert "address" not in dict(candidates.branches(person(address_line_1="Ty Gwyn")))


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        (
            {"forename": "Bill", "surname": "Wiliams", "date_of_birth": datetime.date(2010, 1, 30)},
            "C5",
        ),
        ({"forename": "Sian", "surname": "Jones", "date_of_birth": None}, "C3"),
    ],
)
def test_the_branches_are_unioned(register, details, expected):
    ids = candidates.candidate_ids(Person(**details))
    assert register[{"C5": "william", "C3": "sian"}[expected]].pk in ids


def test_an_identifier_that_fails_its_check_is_ignored(register):
    # The last digit of Siân's NHS number and the check letter of her UPN mistyped.
    mistyped = person(nhs_number="9434765918", upn="A801200001001")
    assert (mistyped.nhs_number, mistyped.upn) == ("", "")
    assert candidates.by_identifier(mistyped) == set()


def test_the_trigram_branch_is_used_only_on_postgresql(register):
    from django.db import connection

    names = dict(candidates.branches(person(surname="Morgn-Hughs")))
    assert ("trigram_surname" in names) == (connection.vendor == "postgresql")


def test_the_trigram_branch_finds_a_misspelt_surname_within_the_date_window_on_postgresql(
    register,
):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is a PostgreSQL extension")
    # "mroganhughes" shares more than half its trigrams with "morganhughes".
    found = branch_finds(
        "trigram_surname",
        person(surname="Mrogan-Hughes", date_of_birth=datetime.date(2012, 9, 7)),
    )
    assert found == {"C4"}

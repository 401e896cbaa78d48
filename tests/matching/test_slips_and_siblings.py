"""A mistyped copy of the child is not a brother, sister or twin: a first name one letter out,
a short form typed wrong or the address lines given in the other order still make the record
likely, while a twin (same date of birth, surname and address, a clearly different first name)
and a brother or sister at the same address stay out of the likely and match bands."""

import datetime

import pytest
from django.utils import translation

from plugins.matching import keys, scoring, services
from plugins.matching.normalise import Person
from tests.factories import child_record

HOUSE = ("Ty Gwyn", "7 Heol y Felin", "Aberystwyth", "SY23 1AA")
BORN = datetime.date(2017, 6, 12)
# A date that is neither near the twins' nor one keystroke away: a brother's or sister's.
OTHER_BIRTH = datetime.date(2013, 2, 25)


@pytest.fixture
def family(db):
    """The Evans twins, Amelia and Olivia, and their brothers John and Ben, at one house."""
    children = (
        ("Amelia", BORN),
        ("Olivia", BORN),
        ("John", datetime.date(2015, 9, 30)),
        ("Ben", datetime.date(2011, 1, 15)),
    )
    records = {
        name.lower(): child_record(
            f"E{at}", forename=name, surname="Evans", date_of_birth=born, address=HOUSE
        )
        for at, (name, born) in enumerate(children)
    }
    keys.rebuild()
    return records


def declared(forename, date_of_birth=BORN, surname="Evans", lines=HOUSE[:2]):
    return Person(
        forename=forename,
        surname=surname,
        date_of_birth=date_of_birth,
        address_line_1=lines[0],
        address_line_2=lines[1],
        town=HOUSE[2],
        postcode=HOUSE[3],
    )


def band_of(results, record):
    return next(result.band for result in results if result.record == record)


def test_jon_for_john_at_the_same_house_is_the_child_not_a_brother(family):
    results = services.rank(declared("Jon", date_of_birth=OTHER_BIRTH))
    assert results[0].record == family["john"]
    assert results[0].band == scoring.LIKELY
    assert results[0].explanation[0].startswith("First name: similar (Jaro-Winkler 0.93)")


@pytest.mark.parametrize(("typed", "child"), [("Jhon", "john"), ("Bwn", "ben"), ("Bne", "ben")])
def test_a_first_name_one_letter_out_is_a_typing_slip_not_a_brother(family, typed, child):
    results = services.rank(declared(typed, date_of_birth=OTHER_BIRTH))
    assert results[0].record == family[child]
    assert results[0].band == scoring.LIKELY


def test_a_twin_with_a_clearly_different_first_name_is_held_out(family):
    results = services.rank(declared("Amelia"))
    assert results[0].record == family["amelia"] and results[0].band == scoring.MATCH
    assert band_of(results, family["olivia"]) not in (scoring.MATCH, scoring.LIKELY)


def test_a_mistyped_twin_is_likely_and_the_other_twin_still_held_out(family):
    results = services.rank(declared("Ameila"))
    assert results[0].record == family["amelia"] and results[0].band == scoring.LIKELY
    assert band_of(results, family["olivia"]) not in (scoring.MATCH, scoring.LIKELY)


def test_a_brother_or_sister_with_another_name_and_birthday_is_held_out(family):
    results = services.rank(declared("Grace", date_of_birth=OTHER_BIRTH))
    for name in ("amelia", "olivia", "john"):
        assert band_of(results, family[name]) not in (scoring.MATCH, scoring.LIKELY), name


@pytest.mark.parametrize(
    ("mine", "theirs", "level"),
    [
        ("Harrz", "Harry", "jw_high"),  # "Harry" is read as "Henry", but is spelt near "Harrz"
        ("Tra", "Tara", "one_letter"),
        ("Mai", "Mia", "one_letter"),
        ("Jon", "John", "jw_high"),
        ("Jack", "Jake", "jw_low"),
        ("Amelia", "Olivia", "different"),
        ("Ava", "Eva", "different"),
    ],
)
def test_first_names_are_compared_as_spelt_and_as_their_full_form(mine, theirs, level):
    found, _detail = scoring.forename_level(declared(mine), declared(theirs))
    assert found == level


def test_names_swapped_are_found_when_the_first_name_is_a_short_form():
    incoming = Person(forename="Lowe", surname="Robbie", date_of_birth=BORN)
    registered = Person(forename="Robbie", surname="Lowe", date_of_birth=BORN)
    assert scoring.forename_level(incoming, registered)[0] == "names_swapped"


@pytest.mark.parametrize(
    ("lines", "level_1", "level_2"),
    [
        (("7 Heol y Felin", "Ty Gwyn"), "lines_swapped", "lines_swapped"),
        (("Ty Gwyn", "7 Heol y Felin"), "exact", "exact"),
        # A different house number is a different house, whatever order the lines are in.
        (("9 Heol y Felin", "Ty Gwyn"), "different", "different"),
    ],
)
def test_address_lines_given_in_the_other_order_agree(lines, level_1, level_2):
    mine, theirs = declared("Amelia", lines=lines), declared("Amelia")
    assert scoring.address_line_1_level(mine, theirs)[0] == level_1
    assert scoring.address_line_2_level(mine, theirs)[0] == level_2


def test_address_lines_in_the_other_order_are_explained_in_english_and_welsh(family):
    person = declared("Amelia", lines=("7 Heol y Felin", "Ty Gwyn"))
    explanation = services.rank(person)[0].explanation
    assert "Address line 1: same as the other address line" in " ".join(explanation)
    with translation.override("cy"):
        explanation = services.rank(person)[0].explanation
    assert "Llinell cyfeiriad 1: yr un fath â’r llinell cyfeiriad arall" in " ".join(explanation)


def test_a_first_name_one_letter_out_is_explained_in_english_and_welsh(family):
    person = declared("Bwn", date_of_birth=OTHER_BIRTH)
    explanation = services.rank(person)[0].explanation
    assert explanation[0].startswith("First name: one letter different, added, missing or two")
    with translation.override("cy"):
        explanation = services.rank(person)[0].explanation
    assert explanation[0].startswith("Enw cyntaf: un llythyren yn wahanol")

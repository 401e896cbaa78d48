"""The address lines, the town and the middle names as evidence: each compared at its own
level with a per-field explanation (in English and Welsh), nothing when either side leaves
it empty, and the bands kept honest — a twin or a brother or sister at the same address is
never likely to be the child, however much the shared address adds."""

import datetime

import pytest
from django.utils import translation

from plugins.matching import estimation, keys, scoring, services
from plugins.matching.models import MatchWeights
from plugins.matching.normalise import Person, fold_address, house_number
from tests.factories import child_record

from .conftest import HOME

BORN = datetime.date(2014, 11, 20)


def sian(**details):
    return Person(forename="Sian", surname="Jones", date_of_birth=BORN, **details)


def explanation_of(results, record):
    return next(result for result in results if result.record == record).explanation


def line(explanation, label):
    return next((text for text in explanation if text.startswith(label)), None)


@pytest.mark.parametrize(
    ("declared", "registered", "level"),
    [
        ("4 Heol-y-Bont", "4 Heol y Bont", "exact"),
        ("4 Heol yBont", "4 Heol y Bont", "exact"),
        ("4 Heol y Bnot", "4 Heol y Bont", "jw_high"),
        ("Heol y Bont", "4 Heol y Bont", "jw_high"),
        ("4 Heol y Felin", "4 Heol y Bont", "same_number"),
        ("6 Heol y Bont", "4 Heol y Bont", "different"),
        ("Flat 2, 4 Heol y Bont", "Flat 3, 6 Heol y Bont", "different"),
        ("12 Ffordd Newydd", "4 Heol y Bont", "different"),
    ],
)
def test_the_first_address_line_is_compared_by_house_number_and_street(declared, registered, level):
    found, _detail = scoring.address_line_1_level(
        sian(address_line_1=declared), sian(address_line_1=registered)
    )
    assert found == level


def test_the_house_number_is_the_last_number_of_the_line_and_spaces_do_not_count():
    assert house_number("Flat 3, 12a Heol y Bont") == "12a"
    assert house_number("Rose Cottage") == ""
    assert fold_address("12, Heol-y-Bônt") == fold_address("12 Heol y Bont") == "12heolybont"


def test_the_address_lines_and_town_are_explained_field_by_field(register):
    results = services.rank(
        sian(address_line_1="4 Heol y Bnot", address_line_2="Treforys", town="Abertawe")
    )
    assert results[0].record == register["sian"]
    explanation = results[0].explanation
    assert line(explanation, "Address line 1").startswith(
        "Address line 1: similar (Jaro-Winkler 0.9"
    )
    assert line(explanation, "Town or city").startswith("Town or city: same, +")
    # The register holds no second line for Siân: no evidence either way.
    assert line(explanation, "Address line 2") is None


def test_a_family_giving_no_address_adds_no_address_evidence(register):
    explanation = services.rank(sian())[0].explanation
    assert not any(
        text.startswith(("Address line", "Town or city", "Postcode")) for text in explanation
    )


def test_another_house_in_the_same_street_counts_against(register):
    moved = services.rank(sian(address_line_1="6 Heol y Bont", town="Abertawe"))[0]
    assert line(moved.explanation, "Address line 1").startswith("Address line 1: different, \u2212")


def test_middle_names_are_compared_when_both_sides_know_them(db):
    record = child_record(
        "M1", forename="Osian", middle_names="Rhodri", surname="Pugh", date_of_birth=BORN
    )
    keys.rebuild()
    cases = {
        "Rhodri": "Middle names: same, +",
        "Rhodry": "Middle names: similar (Jaro-Winkler",
        "Rhys": "Middle names: same initial, +",
        "Gethin": "Middle names: different, \u2212",
    }
    for middle_names, expected in cases.items():
        declared = Person(
            forename="Osian", middle_names=middle_names, surname="Pugh", date_of_birth=BORN
        )
        explanation = explanation_of(services.rank(declared), record)
        assert line(explanation, "Middle names").startswith(expected), middle_names
    no_middle_names = Person(forename="Osian", surname="Pugh", date_of_birth=BORN)
    assert line(explanation_of(services.rank(no_middle_names), record), "Middle names") is None


def test_the_explanation_of_an_address_is_in_welsh_for_a_welsh_caseworker(register):
    with translation.override("cy"):
        best = services.rank(sian(address_line_1="4 Heol y Bont", town="Abertawe"))[0]
    explanation = best.explanation
    assert line(explanation, "Llinell cyfeiriad 1: yr un fath, +")
    assert line(explanation, "Tref neu ddinas: yr un fath, +")


def test_a_twin_declared_with_their_whole_address_is_neither_match_nor_likely_for_the_other(
    register,
):
    line_1, line_2, town, postcode = HOME
    results = services.rank(
        Person(
            forename="Gwenllian",
            surname="Ap Rhys",
            date_of_birth=datetime.date(2016, 3, 4),
            address_line_1=line_1,
            address_line_2=line_2,
            town=town,
            postcode=postcode,
        )
    )
    assert results[0].record == register["gwen"] and results[0].band == scoring.MATCH
    twin = next(result for result in results if result.record == register["gruff"])
    assert twin.band not in (scoring.MATCH, scoring.LIKELY)


def test_a_brother_or_sister_at_the_same_address_is_not_likely_to_be_the_child(register):
    line_1, line_2, town, postcode = HOME
    results = services.rank(
        Person(
            forename="Nia",
            surname="Ap Rhys",
            date_of_birth=datetime.date(2019, 8, 1),
            address_line_1=line_1,
            address_line_2=line_2,
            town=town,
            postcode=postcode,
        )
    )
    siblings = [r for r in results if r.record in (register["gwen"], register["gruff"])]
    assert len(siblings) == 2
    assert all(sibling.band not in (scoring.MATCH, scoring.LIKELY) for sibling in siblings)


def test_weights_estimated_before_the_address_was_compared_keep_its_shipped_chances(register):
    shipped = scoring.default_model().weights
    older = {
        field: levels
        for field, levels in estimation.shipped().items()
        if field not in ("address_line_1", "address_line_2", "town", "middle_names")
    }
    MatchWeights.objects.create(
        probabilities=older,
        records=5,
        candidate_pairs=0,
        random_pairs=0,
        match_share=0.1,
        iterations=1,
    )
    model = scoring.current_model()
    assert model.weights["address_line_1"] == shipped["address_line_1"]
    best = services.rank(sian(address_line_1="4 Heol y Bont"))[0]
    assert line(best.explanation, "Address line 1").startswith("Address line 1: same, +")

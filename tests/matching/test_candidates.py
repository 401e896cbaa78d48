"""Candidate generation: identifiers first, then each blocking branch finds the child alone."""

import datetime

import pytest
from django.db.models.expressions import RawSQL

from plugins.matching import candidates, keys
from plugins.matching.normalise import Person
from records.models import ChildRecord
from tests.factories import child_record


def person(**values):
    given = {
        "forename": "Nobody",
        "surname": "Unknown",
        "date_of_birth": datetime.date(2001, 1, 1),
        **values,
    }
    return Person(**given)


def branch_finds(branch, someone):
    """The council ids the branch ``branch`` finds for ``someone``, by its own SQL."""
    [(where, params)] = [(w, p) for name, w, p in candidates.branches(someone) if name == branch]
    sql = f"SELECT record_id FROM matching_matchkey WHERE {where}"  # noqa: S608
    found = RawSQL(sql, params)  # noqa: S611
    return set(ChildRecord.objects.filter(pk__in=found).values_list("council_id", flat=True))


def test_an_nhs_number_or_upn_finds_the_child_whatever_else_differs(register):
    sian = register["sian"]
    assert candidates.candidate_ids(person(nhs_number="943 476 5919")) == {sian.pk}
    assert candidates.candidate_ids(person(upn="h801200001001")) == {sian.pk}
    assert candidates.candidate_ids(person()) == set()


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


def test_the_names_branch_finds_a_child_by_sound_whatever_the_date_of_birth(register):
    someone = person(forename="Dai", surname="Hughes", date_of_birth=datetime.date(2013, 6, 1))
    assert branch_finds("names", someone) == {"C4"}
    # Registered 9 July 2012: a date typed six years out still finds the names.
    years_out = person(forename="Dai", surname="Hughes", date_of_birth=datetime.date(2018, 6, 1))
    assert branch_finds("names", years_out) == {"C4"}
    assert branch_finds("names", person(forename="Dai", surname="Pugh")) == set()


def test_the_postcode_branch_finds_children_at_the_address(register):
    assert branch_finds("postcode", person(postcode="cf10 1aa")) == {"C1", "C2"}


def test_the_address_branch_finds_a_child_whose_names_date_and_postcode_were_mistyped(register):
    # Registered at 4 Heol y Bont, SA1 1AA: the street misspelt after its first letters.
    someone = person(address_line_1="4, Heol y Bnot", postcode="SA1 1AB")
    assert branch_finds("address", someone) == {"C3"}
    assert branch_finds("address", person(address_line_1="6 Heol y Bont")) == set()
    # A line without a house number (a named house) has no address key: no branch.
    assert "address" not in {
        name for name, *_ in candidates.branches(person(address_line_1="Ty Gwyn"))
    }


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
    assert candidates.candidate_ids(mistyped) == set()


def test_the_trigram_branch_is_used_only_on_postgresql(register):
    from django.db import connection

    names = {name for name, _where, _params in candidates.branches(person(surname="Morgn-Hughs"))}
    assert ("trigram_surname" in names) == (connection.vendor == "postgresql")


def test_the_trigram_branch_finds_a_misspelt_surname_near_the_date_on_postgresql(register):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is a PostgreSQL extension")
    # "mroganhughes" is similar to "morganhughes" (0.53); David's birthday is 9 July 2012.
    misspelt = {"forename": "Dai", "surname": "Mrogan-Hughes"}
    found = branch_finds(
        "trigram_surname", person(**misspelt, date_of_birth=datetime.date(2012, 9, 7))
    )
    assert found == {"C4"}
    too_far = person(**misspelt, date_of_birth=datetime.date(2012, 12, 1))
    assert branch_finds("trigram_surname", too_far) == set()


def test_a_common_name_is_capped_and_the_child_who_agrees_most_stays_in(register):
    # Ten more Joneses born in Siân's year: the birth year branch finds them all, but only
    # the best ``limit`` by agreement are scored, and Siân (born on the day) is among them.
    for number in range(10):
        child_record(
            f"J{number}",
            forename="Osian",
            surname="Jones",
            date_of_birth=datetime.date(2014, 1, 1) + datetime.timedelta(days=20 * number),
        )
    keys.rebuild()
    declared = person(forename="Sian", surname="Jonns", date_of_birth=datetime.date(2014, 11, 20))
    assert len(candidates.candidate_ids(declared, limit=100)) >= 11
    assert candidates.candidate_ids(declared, limit=3) >= {register["sian"].pk}
    assert len(candidates.candidate_ids(declared, limit=3)) == 3


def test_every_branch_is_an_index_lookup(register):
    from django.db import connection

    someone = person(forename="Dai", surname="Morgan-Hughes", postcode="LL57 2AB")
    plans = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test tables are tiny, so the planner would rather read them whole: forbid it,
            # and a branch that no index can answer still shows a sequential scan.
            cursor.execute("SET LOCAL enable_seqscan = off")
        explain = "EXPLAIN" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
        for name, where, params in candidates.branches(someone):
            sql = f"{explain} SELECT record_id FROM matching_matchkey WHERE {where}"  # noqa: S608
            cursor.execute(sql, params)
            plans[name] = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert {"date_of_birth", "birth_year_surname", "names", "postcode"} <= set(plans)
    for name, plan in plans.items():
        if connection.vendor == "postgresql":
            assert "Seq Scan" not in plan and "Index" in plan, (name, plan)
        else:
            assert "SEARCH" in plan and "USING" in plan and "INDEX" in plan, (name, plan)

"""Ranked candidates with scores, bands and explanations; the twins rule; the match service."""

import datetime

from django.core.management import call_command

from plugins.matching import keys, scoring, services
from plugins.matching.models import MatchKey
from plugins.matching.normalise import Person
from records import services as records
from records.models import Source

from .conftest import HOME


def ranked(**details):
    return services.rank(Person(**details))


def test_a_child_declared_exactly_as_registered_is_first_in_the_match_band(register):
    best = ranked(
        forename="Gwenllian",
        surname="Ap Rhys",
        date_of_birth=datetime.date(2016, 3, 4),
        gender="female",
        postcode="CF10 1AA",
    )[0]
    assert best.record == register["gwen"]
    assert best.band == scoring.MATCH
    assert 0.99 <= best.probability <= 1


def test_a_twin_at_the_same_address_is_never_in_the_match_band(register):
    results = ranked(
        forename="Gwenllian",
        surname="Ap Rhys",
        date_of_birth=datetime.date(2016, 3, 4),
        postcode="CF10 1AA",
    )
    twin = next(result for result in results if result.record == register["gruff"])
    assert results[0].record == register["gwen"]
    assert twin.band != scoring.MATCH
    assert twin.explanation[0].startswith("First name: same initial, \u2212")


def test_a_misspelt_child_who_moved_house_is_found_first_and_explained(register):
    best = ranked(
        forename="Sian",
        surname="Jonse",
        date_of_birth=datetime.date(2014, 11, 20),
        postcode="SA2 9ZZ",
    )[0]
    assert best.record == register["sian"]
    assert best.band in (scoring.LIKELY, scoring.POSSIBLE)
    explanation = best.explanation
    assert explanation[0].startswith("First name: same, +")
    assert explanation[1].startswith("Last name: similar (Jaro-Winkler 0.9")
    assert explanation[2].startswith("Date of birth: same, +")
    assert explanation[3].startswith("Postcode: different, \u2212")


def test_a_short_form_and_one_part_of_a_double_surname_still_rank_the_child_first(register):
    best = ranked(forename="Dai", surname="Hughes", date_of_birth=datetime.date(2012, 9, 7))[0]
    assert best.record == register["david"]
    assert best.explanation[1].startswith("Last name: one part of a double name the same")
    assert best.explanation[2].startswith("Date of birth: day and month swapped")


def test_an_nhs_number_outweighs_everything_else(register):
    best = ranked(
        forename="Jane", surname="Smith", date_of_birth=datetime.date(2000, 1, 1),
        nhs_number="9434765919",
    )[0]  # fmt: skip
    assert best.record == register["sian"]
    assert best.explanation[0].startswith("NHS number: same, +")


def test_a_child_nobody_resembles_has_no_candidates(register):
    assert ranked(forename="Zed", surname="Quark", date_of_birth=datetime.date(2001, 1, 1)) == []


def test_the_bands_follow_the_probability_thresholds():
    model = scoring.default_model()
    exact = [scoring.Comparison("forename", "exact", 5.0, {})]
    similar = [scoring.Comparison("forename", "jw_high", 3.0, {"similarity": 0.95})]
    assert scoring.band(model, 0.995, exact) == scoring.MATCH
    assert scoring.band(model, 0.995, similar) == scoring.LIKELY
    assert scoring.band(model, 0.95, exact) == scoring.LIKELY
    assert scoring.band(model, 0.6, exact) == scoring.POSSIBLE
    assert scoring.band(model, 0.1, exact) == scoring.NEW


def test_the_council_can_set_its_own_band_thresholds(settings):
    settings.PORTAL_MATCHING_BANDS = {"match": 0.999}
    scoring.default_model.cache_clear()
    try:
        exact = [scoring.Comparison("forename", "exact", 5.0, {})]
        assert scoring.band(scoring.default_model(), 0.995, exact) == scoring.LIKELY
    finally:
        scoring.default_model.cache_clear()


def test_the_match_service_leaves_the_decision_to_a_caseworker_by_default(register):
    details = records.PersonDetails(
        forename="Gwenllian",
        surname="Ap Rhys",
        date_of_birth=datetime.date(2016, 3, 4),
        gender="female",
        postcode="CF10 1AA",
    )
    assert services.match(details) is None


def test_with_automatic_matching_on_only_the_match_band_is_matched(register, settings):
    settings.PORTAL_MATCHING_AUTOMATIC = True
    exact = records.PersonDetails(
        forename="Gwenllian",
        surname="Ap Rhys",
        date_of_birth=datetime.date(2016, 3, 4),
        gender="female",
        postcode="CF10 1AA",
    )
    misspelt = records.PersonDetails(
        forename="Gwenlian", surname="Ap Rhys", date_of_birth=datetime.date(2016, 3, 4)
    )
    assert services.match(exact) == register["gwen"]
    assert services.match(misspelt) is None


def test_the_keys_follow_a_record_that_changes(register, django_capture_on_commit_callbacks):
    william = register["william"]
    with django_capture_on_commit_callbacks(execute=True):
        records.update_record(
            william,
            {"surname": "Pritchard"},
            Source.IMPORT,
            records.Address.of("2 Ffordd", "", "Caerdydd", "CF5 1AB"),
        )
    found = MatchKey.objects.filter(record=william)
    assert set(found.values_list("surname_key", flat=True)) == {"PRXRT"}
    assert set(found.values_list("postcode", flat=True)) == {"CF5 1AB"}


def test_a_new_record_from_the_portal_gets_keys(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = records.accept_as_new_record(
            records.PersonDetails(
                forename="Osian", surname="Lloyd", date_of_birth=datetime.date(2019, 2, 2)
            )
        )
    assert MatchKey.objects.filter(record=record).exists()


def test_the_rebuild_command_recomputes_every_records_keys(register):
    MatchKey.objects.all().delete()
    call_command("rebuild_match_keys")
    assert set(MatchKey.objects.values_list("record_id", flat=True)) == {
        record.pk for record in register.values()
    }
    assert keys.swapped(datetime.date(2016, 3, 4)) == datetime.date(2016, 4, 3)
    assert keys.swapped(datetime.date(2016, 3, 13)) is None
    assert HOME[3] in MatchKey.objects.values_list("postcode", flat=True)


def test_first_and_last_names_typed_the_other_way_round_rank_first_but_never_match(register):
    best = ranked(
        forename="Jones",
        surname="Sian",
        date_of_birth=datetime.date(2014, 11, 20),
        postcode="SA1 1AA",
    )[0]
    assert best.record == register["sian"]
    assert best.band == scoring.LIKELY
    assert best.explanation[0].startswith("First name: first and last names swapped, +")
    assert best.explanation[1].startswith("Last name: first and last names swapped, +")


def test_a_date_of_birth_one_keystroke_out_still_counts_for_the_child(register):
    for typed in (datetime.date(2019, 11, 20), datetime.date(2014, 1, 20)):
        best = ranked(forename="Sian", surname="Jones", date_of_birth=typed, postcode="SA1 1AA")[0]
        assert best.record == register["sian"], typed
        [line] = [line for line in best.explanation if line.startswith("Date of birth")]
        assert line.startswith("Date of birth: one digit different or two swapped, +"), typed

"""Names and postcodes as the engine compares them."""

import pytest

from plugins.matching import normalise


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Siân", "sian"),
        ("Ŵyn", "wyn"),
        ("Llŷr", "llyr"),
        ("Rhodri ÂP Ieuan", "rhodri ap ieuan"),
        ("O’Brien", "obrien"),
        ("  Zoë  ", "zoe"),
    ],
)
def test_welsh_and_accented_letters_are_folded(written, folded):
    assert normalise.fold(written) == folded


def test_a_hyphenated_or_double_surname_is_split_into_its_parts():
    assert normalise.surname_parts("Morgan-Hughes") == ["morgan", "hughes"]
    assert normalise.surname_parts("Jones ap Rhys") == ["jones", "aprhys"]
    assert normalise.full_surname("Morgan-Hughes") == normalise.full_surname("Morgan Hughes")


@pytest.mark.parametrize(
    ("short", "full"),
    [("Alfie", "Alfred"), ("Bill", "William"), ("Dai", "David"), ("Siôn", "John")],
)
def test_a_short_form_of_a_forename_is_the_full_name(short, full):
    assert normalise.canonical_forename(short) == normalise.canonical_forename(full)


def test_misspellings_that_sound_alike_share_a_phonetic_key():
    assert normalise.phonetic("llewelyn") == normalise.phonetic("llywelyn")
    assert normalise.phonetic("catherine") == normalise.phonetic("kathryn")
    assert normalise.phonetic("stephen") == normalise.phonetic("steven")


def test_postcodes_are_normalised_and_a_wrong_one_is_unknown():
    assert normalise.normalised_postcode(" cf101aa") == "CF10 1AA"
    assert normalise.outward("CF10 1AA") == "CF10"
    assert normalise.normalised_postcode("not a postcode") == ""

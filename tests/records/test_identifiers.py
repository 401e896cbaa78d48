import pytest

from records import identifiers


@pytest.mark.parametrize(
    "upn",
    [
        "K999123412001",  # worked by hand: weights 2..13 sum to 193, 193 mod 23 = 9 → K
        "W99912341200A",  # a temporary UPN ends in a letter (A counts 0): 180 mod 23 = 19 → W
        "k999 1234 12001",  # staff type them in any case and spacing
    ],
)
def test_a_upn_with_the_right_check_letter_is_accepted(upn):
    assert identifiers.upn_problem(identifiers.normalise_upn(upn)) is None


@pytest.mark.parametrize(
    "upn",
    [
        "A999123412001",  # wrong check letter
        "K99912341200",  # 12 characters
        "K9991234120011",  # 14 characters
        "I999123412001",  # I, O and S are never check letters
        "K9991234120O1",  # a letter before the last character
        "K99912341200S",  # S is not a letter of the check alphabet
        "9999123412001",  # no check letter
    ],
)
def test_a_wrong_upn_is_refused(upn):
    assert identifiers.upn_problem(identifiers.normalise_upn(upn)) is not None


def test_the_check_letter_is_computed_from_the_twelve_characters_after_it():
    assert identifiers.upn_check_letter("999123412001") == "K"
    assert identifiers.upn_check_letter("99912341200A") == "W"


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_an_nhs_number_with_the_right_check_digit_is_accepted(number):
    assert identifiers.nhs_number_problem(identifiers.normalise_nhs_number(number)) is None


@pytest.mark.parametrize(
    "number",
    [
        "9434765918",  # wrong check digit
        "943476591",  # 9 digits
        "94347659190",  # 11 digits
        "94347659A9",  # a letter
        "1000000010",  # 11 - (sum mod 11) is 10: no number has these first nine digits
    ],
)
def test_a_wrong_nhs_number_is_refused(number):
    assert identifiers.nhs_number_problem(identifiers.normalise_nhs_number(number)) is not None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("cf10 1aa", "CF10 1AA"),
        ("CF101AA", "CF10 1AA"),
        (" sw1a  1aa ", "SW1A 1AA"),
        ("db1 1aa", "DB1 1AA"),
    ],
)
def test_postcodes_are_stored_in_capitals_with_one_space(typed, stored):
    assert identifiers.normalise_postcode(typed) == stored
    assert identifiers.postcode_problem(stored) is None


@pytest.mark.parametrize("postcode", ["CF10", "12345", "CF10 1A", "ZZZZ 1AA"])
def test_a_postcode_that_is_not_uk_shaped_is_refused(postcode):
    assert identifiers.postcode_problem(identifiers.normalise_postcode(postcode)) is not None

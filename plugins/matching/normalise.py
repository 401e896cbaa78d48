"""Names and postcodes in the form the matching engine compares: case folded, Welsh and other
accented letters folded, double surnames split, short forms of forenames known, and phonetic
keys that survive common misspellings. Plain functions, so the keys stored for the register
and the keys of an incoming child are computed the same way."""

import re
import unicodedata
from functools import lru_cache

import jellyfish

from records import identifiers

# A child is often declared by the name the family uses, and registered by the full one.
# Each short form maps to the name the council's system most likely holds.
SHORT_FORMS = {
    "alfie": "alfred",
    "alf": "alfred",
    "bill": "william",
    "billy": "william",
    "will": "william",
    "liam": "william",
    "dai": "david",
    "dave": "david",
    "davy": "david",
    "sion": "john",
    "jack": "john",
    "johnny": "john",
    "jon": "jonathan",
    "bob": "robert",
    "rob": "robert",
    "bobby": "robert",
    "robbie": "robert",
    "tom": "thomas",
    "tommy": "thomas",
    "twm": "thomas",
    "harry": "henry",
    "hal": "henry",
    "charlie": "charles",
    "sam": "samuel",
    "sammy": "samuel",
    "ben": "benjamin",
    "benji": "benjamin",
    "alex": "alexander",
    "dan": "daniel",
    "danny": "daniel",
    "joe": "joseph",
    "joey": "joseph",
    "jim": "james",
    "jimmy": "james",
    "jamie": "james",
    "mike": "michael",
    "mikey": "michael",
    "nick": "nicholas",
    "matt": "matthew",
    "ollie": "oliver",
    "olly": "oliver",
    "freddie": "frederick",
    "fred": "frederick",
    "teddy": "edward",
    "ed": "edward",
    "eddie": "edward",
    "ted": "edward",
    "gwil": "gwilym",
    "ieu": "ieuan",
    "kate": "katherine",
    "katie": "katherine",
    "kat": "katherine",
    "liz": "elizabeth",
    "lizzie": "elizabeth",
    "beth": "elizabeth",
    "betsan": "elizabeth",
    "libby": "elizabeth",
    "ellie": "eleanor",
    "nell": "eleanor",
    "maggie": "margaret",
    "meg": "margaret",
    "mari": "mary",
    "molly": "mary",
    "polly": "mary",
    "jenny": "jennifer",
    "jen": "jennifer",
    "becky": "rebecca",
    "becca": "rebecca",
    "sophie": "sophia",
    "abbie": "abigail",
    "abby": "abigail",
    "millie": "amelia",
    "gwen": "gwenllian",
}

# A lookup builds the compared form of every candidate: names, streets and towns repeat across
# a register, so their folded forms are kept.
_FOLDED = 65536

_NOT_LETTERS = re.compile(r"[^a-z ]+")
# Hyphens, slashes, "&", "+" and "and" join the parts of a double surname.
_SURNAME_JOINERS = re.compile(r"[-/&+]| and ")


@lru_cache(maxsize=_FOLDED)
def fold(text):
    """Lower case ASCII letters and single spaces: "Siân Ŵyn-Hughes" → "sian wyn hughes"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    letters = letters.replace("'", "").replace("’", "")
    return " ".join(_NOT_LETTERS.sub(" ", _SURNAME_JOINERS.sub(" ", letters)).split())


# Words that belong to the name after them ("ap Rhys", "de Souza", "Mac Donald").
_PARTICLES = {"ap", "ab", "o", "de", "da", "van", "von", "le", "la", "mac", "mc", "st"}


def surname_parts(surname):
    """The parts of a double or hyphenated surname, each folded: "Jones-ap Rhys" gives
    ["jones", "aprhys"]; a particle ("ap", "ab", "de", "van" …) stays with the name after it."""
    words = fold(surname).split()
    parts, pending = [], ""
    for word in words:
        if word in _PARTICLES:
            pending += word
            continue
        parts.append(pending + word)
        pending = ""
    if pending:
        parts.append(pending)
    return parts


def full_surname(surname):
    """The whole surname folded without spaces, the form compared as one string."""
    return "".join(surname_parts(surname))


@lru_cache(maxsize=_FOLDED)
def first_forename(name):
    """The first forename folded, as spelt: "Harry James" → "harry"."""
    words = fold(name).split()
    return words[0] if words else ""


def canonical_forename(name):
    """The first forename folded, short forms replaced by the full name."""
    first = first_forename(name)
    return SHORT_FORMS.get(first, first)


def phonetic(name):
    """A phonetic key of a folded name (metaphone): "llewelyn" and "llywelyn" share one."""
    return jellyfish.metaphone(name)[:8] if name else ""


_NOT_ADDRESS = re.compile(r"[^a-z0-9]+")
_HOUSE_NUMBER = re.compile(r"\b\d+[a-z]?\b")


@lru_cache(maxsize=_FOLDED)
def fold_address(text):
    """An address line folded to lower case ASCII letters and digits, without spaces or
    punctuation, so a space typed in the wrong place changes nothing: "12, Heol-y-Bont" →
    "12heolybont"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_ADDRESS.sub("", letters)


@lru_cache(maxsize=_FOLDED)
def house_number(line):
    """The house number of an address line: its last number, with a letter straight after it
    ("Flat 3, 12a Heol y Bont" → "12a"); "" when it has none (a named house)."""
    found = _HOUSE_NUMBER.findall((line or "").casefold())
    return found[-1] if found else ""


@lru_cache(maxsize=_FOLDED)
def street(line):
    """An address line folded without its numbers: "12a Heol y Bont" → "heolybont"."""
    return fold_address(re.sub(r"\d+", " ", (line or "").casefold()))


def address_key(number, street_name):
    """The key of a house number and the first three letters of its street ("12:hig" of
    "12 High Street", and of "12 Hihg St"), or "" without either."""
    return f"{number[:8]}:{street_name[:3]}" if number and street_name else ""


def normalised_postcode(value):
    """The postcode in the register's form ("CF10 1AA"), or "" when it is not a postcode."""
    normalised = identifiers.normalise_postcode(value)
    if not normalised or identifiers.postcode_problem(normalised):
        return ""
    return normalised


def outward(value):
    """The outward code of a normalised postcode: "CF10 1AA" → "CF10"."""
    return value.split(" ")[0] if value else ""


def valid(value, problem):
    """``value`` when it is a valid identifier (``problem`` finds none), else ""."""
    return value if value and problem(value) is None else ""


class Person:
    """A child's details in the compared form, computed once per child."""

    __slots__ = (
        "forename",
        "forename_spellings",
        "forenames",
        "middle_names",
        "surname",
        "surname_parts",
        "date_of_birth",
        "gender",
        "postcode",
        "upn",
        "nhs_number",
        "address_line_1",
        "house_number",
        "street",
        "address_line_2",
        "town",
    )

    def __init__(
        self,
        *,
        forename,
        surname,
        date_of_birth,
        preferred_name="",
        middle_names="",
        gender="",
        postcode="",
        address_line_1="",
        address_line_2="",
        town="",
        upn="",
        nhs_number="",
    ):
        self.forename = canonical_forename(forename)
        # A short form stands for its full name when comparing, but a misspelling is nearer
        # the name as spelt ("Harrz" is "Harry", not "Henry"), and a stray space splits a name
        # ("Har Rison"): the forms a typed first name is compared in.
        self.forename_spellings = frozenset(
            {self.forename, first_forename(forename), fold(forename).replace(" ", "")} - {""}
        )
        # Either the forename or the name the child goes by may be the one the family gives.
        self.forenames = {self.forename, canonical_forename(preferred_name)} - {""}
        self.middle_names = fold(middle_names).replace(" ", "")
        self.surname = full_surname(surname)
        self.surname_parts = set(surname_parts(surname))
        self.date_of_birth = date_of_birth
        self.gender = gender or ""
        self.postcode = normalised_postcode(postcode)
        self.address_line_1 = fold_address(address_line_1)
        self.house_number = house_number(address_line_1)
        self.street = street(address_line_1)
        self.address_line_2 = fold_address(address_line_2)
        self.town = fold_address(town)
        # An identifier that fails its check is a typing error, not evidence either way.
        self.upn = valid(identifiers.normalise_upn(upn), identifiers.upn_problem)
        self.nhs_number = valid(
            identifiers.normalise_nhs_number(nhs_number), identifiers.nhs_number_problem
        )

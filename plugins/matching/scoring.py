"""Scoring a candidate: a Fellegi–Sunter model. Each field is compared at one level (exact,
Jaro-Winkler bands, swapped, near, same outward code, different …); a level adds
log2(m / u) to the score, where m and u are the chances of that level for the same child and
for different children. The total, with the prior, gives a probability and a band; the
per-field explanation says where the score came from. A field one side does not know adds
nothing."""

import json
import math
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rapidfuzz.distance import OSA, JaroWinkler

from . import keys, normalise
from .models import MatchWeights

DEFAULTS = Path(__file__).with_name("defaults.json")
JW_HIGH = 0.92
JW_LOW = 0.8
NEAR_DAYS = 31
_NUMBERS = re.compile(r"\d+")

MATCH, LIKELY, POSSIBLE, NEW = "match", "likely", "possible", "new"
BANDS = (MATCH, LIKELY, POSSIBLE, NEW)

FIELD_LABELS = {
    "nhs_number": _("NHS number"),
    "upn": _("UPN"),
    "forename": _("First name"),
    "middle_names": _("Middle names"),
    "surname": _("Last name"),
    "date_of_birth": _("Date of birth"),
    "address_line_1": _("Address line 1"),
    "address_line_2": _("Address line 2"),
    "town": _("Town or city"),
    "postcode": _("Postcode"),
    "gender": _("Gender"),
}
LEVEL_LABELS = {
    "exact": _("same"),
    "part": _("one part of a double name the same"),
    "jw_high": _("similar (Jaro-Winkler %(similarity).2f)"),
    "jw_low": _("somewhat similar (Jaro-Winkler %(similarity).2f)"),
    "one_letter": _("one letter different, added, missing or two swapped"),
    "initial": _("same initial"),
    "swapped": _("day and month swapped"),
    "names_swapped": _("first and last names swapped"),
    "near": _("within %(days)d days"),
    "typo": _("one digit different or two swapped"),
    "one_part": _("day or month different"),
    "outward": _("same outward code"),
    "same_number": _("same house number, street somewhat similar (Jaro-Winkler %(similarity).2f)"),
    "lines_swapped": _("same as the other address line (the lines in the other order)"),
    "different": _("different"),
}


@dataclass(frozen=True)
class Model:
    """The weights (log2 m/u) of every field's levels, the prior and the band thresholds."""

    weights: dict
    prior: float
    bands: dict

    @classmethod
    def from_probabilities(cls, data):
        weights = {
            field: {level: math.log2(m / u) for level, (m, u) in levels.items()}
            for field, levels in data["fields"].items()
        }
        prior = data["prior"]
        return cls(weights, math.log2(prior / (1 - prior)), dict(data["bands"]))


def _shipped_with_bands():
    data = json.loads(DEFAULTS.read_text())
    data["bands"].update(getattr(settings, "PORTAL_MATCHING_BANDS", {}))
    return data


@cache
def default_model():
    """The shipped model, with the council's band thresholds (``PORTAL_MATCHING_BANDS``)."""
    return Model.from_probabilities(_shipped_with_bands())


@lru_cache(maxsize=4)
def _estimated_model(weights_id, estimated_at):
    data = _shipped_with_bands()
    # An estimate made before a field was compared keeps the shipped chances of that field.
    data["fields"].update(MatchWeights.objects.get(pk=weights_id).probabilities)
    return Model.from_probabilities(data)


def current_model():
    """The model scoring uses: the newest weights estimated from the register
    (``estimation``), or the shipped ones when none have been. One small query; the model of
    each estimate (known by its id and date) is built once."""
    newest = MatchWeights.objects.order_by("-estimated_at", "-pk").values_list("pk", "estimated_at")
    found = newest.first()
    return _estimated_model(*found) if found else default_model()


@dataclass(frozen=True)
class Comparison:
    field: str
    level: str
    weight: float
    detail: dict

    def __str__(self):
        level = LEVEL_LABELS[self.level]
        level = level % self.detail if self.detail else str(level)
        sign = "+" if self.weight >= 0 else "\u2212"
        return f"{FIELD_LABELS[self.field]}: {level}, {sign}{abs(self.weight):.1f}"


@dataclass(frozen=True)
class Scored:
    """A register record scored against an incoming child."""

    record_id: int
    score: float
    probability: float
    band: str
    comparisons: tuple

    @property
    def explanation(self):
        return [str(comparison) for comparison in self.comparisons]


def _name_level(incoming, registered, initial):
    similarity = JaroWinkler.similarity(incoming, registered)
    if similarity >= JW_HIGH:
        return "jw_high", {"similarity": similarity}
    if similarity >= JW_LOW:
        return "jw_low", {"similarity": similarity}
    if initial and incoming[:1] == registered[:1]:
        return "initial", {}
    return "different", {}


def _forename_similarity(incoming, registered):
    """The best Jaro-Winkler similarity of the two forenames, each as compared or as spelt."""
    return max(
        JaroWinkler.similarity(mine, theirs)
        for mine in incoming.forename_spellings
        for theirs in registered.forename_spellings
    )


def _near(forenames, surname):
    """Whether one of ``forenames`` is near (Jaro-Winkler ≥ 0.92) ``surname``."""
    return any(JaroWinkler.similarity(name, surname, score_cutoff=JW_HIGH) for name in forenames)


def names_swapped(incoming, registered):
    """Whether the first name was given as the last name and the other way round (a family
    typing each into the other's box): each agrees, or nearly, with the other's."""
    if not (incoming.forename and incoming.surname and registered.forename):
        return False
    if incoming.forename == registered.forename or incoming.surname == registered.surname:
        return False
    return _near(registered.forename_spellings, incoming.surname) and _near(
        incoming.forename_spellings, registered.surname
    )


def one_letter_apart(incoming, registered):
    """Whether two forenames with the same first letter differ by one letter changed, added
    or left out, or by two neighbours swapped ("Tra", "Clsin", "Mai" typed for "Tara",
    "Clain", "Mia"): a typing slip, where a brother's or sister's name differs by more."""
    return any(
        mine[0] == theirs[0]
        and abs(len(mine) - len(theirs)) <= 1
        and OSA.distance(mine, theirs, score_cutoff=1) == 1
        for mine in incoming.forename_spellings
        for theirs in registered.forename_spellings
    )


def forename_level(incoming, registered):
    """Levels of two ``Person``s' forenames; the forename or preferred name may agree."""
    if incoming.forenames & registered.forenames:
        return "exact", {}
    if names_swapped(incoming, registered):
        return "names_swapped", {}
    similarity = _forename_similarity(incoming, registered)
    if similarity >= JW_HIGH:
        return "jw_high", {"similarity": similarity}
    if one_letter_apart(incoming, registered):
        return "one_letter", {}
    if similarity >= JW_LOW:
        return "jw_low", {"similarity": similarity}
    if incoming.forename[:1] == registered.forename[:1]:
        return "initial", {}
    return "different", {}


def surname_level(incoming, registered):
    if incoming.surname == registered.surname:
        return "exact", {}
    if names_swapped(incoming, registered):
        return "names_swapped", {}
    # A double surname on one side and one of its parts on the other (a changed surname).
    if incoming.surname_parts & registered.surname_parts:
        return "part", {}
    return _name_level(incoming.surname, registered.surname, initial=False)


def middle_names_level(incoming, registered):
    if incoming == registered:
        return "exact", {}
    return _name_level(incoming, registered, initial=True)


def _text_level(incoming, registered):
    if incoming == registered:
        return "exact", {}
    similarity = JaroWinkler.similarity(incoming, registered)
    if similarity >= JW_HIGH:
        return "jw_high", {"similarity": similarity}
    return "different", {}


def _houses_differ(incoming, registered):
    numbers = incoming.house_number, registered.house_number
    return all(numbers) and numbers[0] != numbers[1]


def _numbers_differ(first, second):
    """Whether two folded address lines both have a number and their last ones differ."""
    numbers = _NUMBERS.findall(first)[-1:], _NUMBERS.findall(second)[-1:]
    return all(numbers) and numbers[0] != numbers[1]


def address_lines_swapped(incoming, registered):
    """Whether the two address lines were given in the other order: a house or building name
    and the street ("Rose Court" / "12 High Street") are written either way round. Each line
    is compared with the other's without its numbers, and two house numbers that differ are
    two houses."""
    if not (incoming.address_line_2 and registered.address_line_2):
        return False
    crossed = (
        (incoming.address_line_1, registered.address_line_2),
        (incoming.address_line_2, registered.address_line_1),
    )
    if _houses_differ(incoming, registered) or any(_numbers_differ(*pair) for pair in crossed):
        return False
    return (
        JaroWinkler.similarity(incoming.street, normalise.street(registered.address_line_2))
        >= JW_HIGH
        and JaroWinkler.similarity(normalise.street(incoming.address_line_2), registered.street)
        >= JW_HIGH
    )


def address_line_1_level(incoming, registered):
    """Levels of two ``Person``s' first address lines: the same; similar with the same house
    number (or one not given); the same house number in a somewhat similar street; the two
    lines given in the other order; different. Two house numbers that differ are two houses,
    however alike the street."""
    if incoming.address_line_1 == registered.address_line_1:
        return "exact", {}
    if _houses_differ(incoming, registered):
        return "different", {}
    similarity = JaroWinkler.similarity(incoming.street, registered.street)
    if similarity >= JW_HIGH:
        return "jw_high", {"similarity": similarity}
    if similarity >= JW_LOW and all((incoming.house_number, registered.house_number)):
        return "same_number", {"similarity": similarity}
    if address_lines_swapped(incoming, registered):
        return "lines_swapped", {}
    return "different", {}


def address_line_2_level(incoming, registered):
    """Levels of two ``Person``s' second address lines: as ``_text_level``, or the two lines
    given in the other order."""
    level = _text_level(incoming.address_line_2, registered.address_line_2)
    if level[0] == "different" and address_lines_swapped(incoming, registered):
        return "lines_swapped", {}
    return level


def one_keystroke_apart(first, second):
    """Whether two strings of one length differ by one character or by two neighbours
    swapped: 2013 typed 2018, or 1965 typed 1956."""
    differ = [at for at, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    if len(differ) == 1:
        return True
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and first[differ[0]] == second[differ[1]]
        and first[differ[1]] == second[differ[0]]
    )


def date_level(incoming, registered):
    if incoming == registered:
        return "exact", {}
    if keys.swapped(incoming) == registered:
        return "swapped", {}
    days = abs((incoming - registered).days)
    if days <= NEAR_DAYS:
        return "near", {"days": days}
    if one_keystroke_apart(f"{incoming:%Y%m%d}", f"{registered:%Y%m%d}"):
        return "typo", {}
    same = (incoming.year == registered.year) + (incoming.month == registered.month)
    if same + (incoming.day == registered.day) == 2:
        return "one_part", {}
    return "different", {}


def postcode_level(incoming, registered):
    if incoming == registered:
        return "exact", {}
    if incoming.split(" ")[0] == registered.split(" ")[0]:
        return "outward", {}
    return "different", {}


def _same(incoming, registered):
    return ("exact" if incoming == registered else "different"), {}


# Fields compared as whole people: a preferred name, a surname's part or a house number
# may agree.
_WHOLE = {"forename", "surname", "address_line_1", "address_line_2"}
_FIELDS = (
    ("nhs_number", _same),
    ("upn", _same),
    ("forename", forename_level),
    ("middle_names", middle_names_level),
    ("surname", surname_level),
    ("date_of_birth", date_level),
    ("address_line_1", address_line_1_level),
    ("address_line_2", address_line_2_level),
    ("town", _text_level),
    ("postcode", postcode_level),
    ("gender", _same),
)


def compare(incoming, registered):
    """(field, level, detail) for each field both sides know; a field either side leaves
    empty is no evidence either way."""
    found = []
    for field, level_of in _FIELDS:
        mine, theirs = getattr(incoming, field), getattr(registered, field)
        if not (mine and theirs):
            continue
        found.append(
            (
                field,
                *(level_of(incoming, registered) if field in _WHOLE else level_of(mine, theirs)),
            )
        )
    return found


def score(incoming, registered, record_id, model=None):
    """``registered`` (a ``normalise.Person`` of record ``record_id``) scored against
    ``incoming``: total log2 weight, probability, band and explanation."""
    model = model or current_model()
    comparisons = tuple(
        Comparison(field, level, model.weights[field][level], detail)
        for field, level, detail in compare(incoming, registered)
    )
    total = model.prior + sum(comparison.weight for comparison in comparisons)
    probability = 1 / (1 + 2**-total) if total > -1000 else 0.0
    return Scored(record_id, total, probability, band(model, probability, comparisons), comparisons)


# Levels at which a child's own details (not their family's or their home's) agree. A first
# name one letter apart is a typing slip, not a brother's or sister's name.
_AGREE = {
    "forename": {"exact", "jw_high", "names_swapped", "one_letter"},
    "date_of_birth": {"exact", "swapped", "near", "typo"},
}
_IDENTIFIERS = {"nhs_number", "upn"}


def own_details_disagree(comparisons):
    """Whether the child's own details (first name, date of birth), as far as both sides
    know them, all disagree and no identifier agrees: what a brother or sister at the same
    address looks like, however much the surname and address add."""
    if any(c.field in _IDENTIFIERS and c.level == "exact" for c in comparisons):
        return False
    own = [c for c in comparisons if c.field in _AGREE]
    return bool(own) and not any(c.level in _AGREE[c.field] for c in own)


def band(model, probability, comparisons):
    """The band of a probability. The match band also needs every compared field the same:
    a twin at the same address, with all but the forename the same, is never in it. The
    likely band also needs the first name or the date of birth to agree (or an identifier):
    a sibling shares the surname and every address line."""
    if probability >= model.bands[MATCH] and all(c.level == "exact" for c in comparisons):
        return MATCH
    if probability >= model.bands[LIKELY] and not own_details_disagree(comparisons):
        return LIKELY
    if probability >= model.bands[POSSIBLE]:
        return POSSIBLE
    return NEW


def _level(result, field):
    return next((c.level for c in result.comparisons if c.field == field), None)


def set_twins_apart(results, people):
    """``results`` (best first) with each one in the match or likely band whose first name
    does not agree moved to the possible band when a better one, whose first name agrees, has
    the same date of birth and surname on the register: that one is the child declared and
    this one their twin. ``people`` maps record ids to their ``normalise.Person``."""
    named, kept = set(), []
    for result in results:
        person = people[result.record_id]
        family = (person.surname, person.date_of_birth)
        agrees = _level(result, "forename") in _AGREE["forename"]
        if result.band in (MATCH, LIKELY) and not agrees and family in named:
            result = replace(result, band=POSSIBLE)
        if agrees:
            named.add(family)
        kept.append(result)
    return kept

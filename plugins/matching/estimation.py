"""The scoring weights estimated from the council's own data, without labels.

u (the chance of each comparison level for two different children) comes from random pairs of
the register's records: two records drawn at random are almost never the same child. m (the
chance for the same child) comes from expectation-maximisation, with u held fixed, over a
mixture of pairs of the same child and of different children who look alike:

- once the council has had ``INCOMING_ENOUGH`` incoming children (the queue's requests,
  whatever was decided), the pairs of each incoming child with its candidates: most incoming
  children are on the register, so their own record is among the candidates — the mixture
  scoring meets;
- before that, the pairs the candidate search proposes for a sample of the register's
  records (each looked up as if it came in, itself left out). A register holds few
  duplicates, so these pairs are mostly look-alikes and teach m less well.

A register has few duplicates, so each estimate is drawn towards the shipped probabilities by
a number of pseudo-pairs (a Dirichlet prior, ``PRIOR_PAIRS``): a level the register says
little about keeps about its shipped chance, and a council with a small register is not left
with weights fitted to a handful of pairs. The prior chance of a match and the bands are not
estimated: they belong to an incoming child's candidates, not to pairs within the register."""

import json
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from records.models import ChildRecord

from . import scoring
from .candidates import candidate_ids
from .models import MatchRequest, MatchWeights
from .services import person_from_details, register_people

SAMPLE = 2000
# Fewer incoming children than this and their pairs say too little: the register's own pairs
# are used instead.
INCOMING_ENOUGH = 200
RANDOM_PAIRS = 50_000
PRIOR_PAIRS = 50
ITERATIONS = 50
TOLERANCE = 1e-6


def shipped():
    """The shipped probabilities: {field: {level: (m, u)}}."""
    return json.loads(scoring.DEFAULTS.read_text())["fields"]


def _people(record_ids):
    """{record id: Person} of ``record_ids``."""
    return register_people(list(ChildRecord.objects.filter(pk__in=record_ids)))


def _levels(incoming, registered):
    return {field: level for field, level, _detail in scoring.compare(incoming, registered)}


def _shares(vectors, weights, defaults, which):
    """Each field's level shares over ``vectors`` (each pair counted by its weight), drawn
    towards the shipped shares (``which``: 0 for m, 1 for u) by PRIOR_PAIRS pseudo-pairs."""
    shares = {}
    for field, levels in defaults.items():
        counts = dict.fromkeys(levels, 0.0)
        for vector, weight in zip(vectors, weights, strict=True):
            if field in vector:
                counts[vector[field]] += weight
        total = sum(counts.values())
        shares[field] = {
            level: (counts[level] + PRIOR_PAIRS * levels[level][which]) / (total + PRIOR_PAIRS)
            for level in levels
        }
    return shares


def random_pairs(ids, count, rng):
    """Up to ``count`` comparison vectors of random pairs of different records."""
    if len(ids) < 2:
        return []
    people = _people(rng.sample(ids, min(len(ids), SAMPLE)))
    sample = list(people.values())
    vectors = []
    for _ in range(min(count, len(sample) * (len(sample) - 1) // 2)):
        first, second = rng.sample(sample, 2)
        vectors.append(_levels(first, second))
    return vectors


def candidate_pairs(ids, rng):
    """The comparison vectors of each sampled record with its candidates (itself left out)."""
    sample = _people(rng.sample(ids, min(len(ids), SAMPLE)))
    pairs = {}
    for pk, person in sample.items():
        for other in candidate_ids(person) - {pk}:
            pairs[tuple(sorted((pk, other)))] = (pk, other)
    people = _people({pk for pair in pairs.values() for pk in pair})
    return [_levels(people[first], people[second]) for first, second in pairs.values()]


def incoming_children(rng):
    """A sample of the queue's incoming children (``Person``s), whatever was decided."""
    ids = list(MatchRequest.objects.values_list("pk", flat=True))
    sample = MatchRequest.objects.filter(pk__in=rng.sample(ids, min(len(ids), SAMPLE)))
    return [person_from_details(request) for request in sample]


def incoming_pairs(people):
    """The comparison vectors of each incoming child (a ``Person``) with its candidates."""
    pairs = [(person, pk) for person in people for pk in candidate_ids(person)]
    registered = _people({pk for _person, pk in pairs})
    return [_levels(person, registered[pk]) for person, pk in pairs if pk in registered]


def _likelihood(vector, shares):
    chance = 1.0
    for field, level in vector.items():
        chance *= shares[field][level]
    return chance


def expectation_maximisation(vectors, u, defaults):
    """m by EM over ``vectors`` with ``u`` fixed; returns (m, share of matches, iterations)."""
    m = {
        field: {level: pair[0] for level, pair in levels.items()}
        for field, levels in defaults.items()
    }
    matches = 0.1
    iterations = 0
    while iterations < ITERATIONS:
        iterations += 1
        weights = []
        for vector in vectors:
            same = matches * _likelihood(vector, m)
            different = (1 - matches) * _likelihood(vector, u)
            weights.append(same / (same + different) if same + different else 0.0)
        new_m = _shares(vectors, weights, defaults, 0)
        new_matches = sum(weights) / len(weights) if weights else matches
        change = max(
            abs(new_m[field][level] - m[field][level]) for field in m for level in m[field]
        )
        m, matches = new_m, new_matches
        if change < TOLERANCE:
            break
    return m, matches, iterations


def estimate(user=None, seed=15, incoming=None):
    """Estimate m and u and store them (a new ``MatchWeights``, which scoring uses from now
    on). m comes from ``incoming`` children (``Person``s; by default the queue's) with their
    candidates when there are at least ``INCOMING_ENOUGH`` of them, else from the register's
    own candidate pairs. Returns the stored weights."""
    # A sample, not a secret: seeded so an estimate can be repeated.
    rng = random.Random(seed)  # noqa: S311
    defaults = shipped()
    ids = list(ChildRecord.objects.values_list("pk", flat=True))
    randoms = random_pairs(ids, RANDOM_PAIRS, rng)
    u = _shares(randoms, [1.0] * len(randoms), defaults, 1)
    people = incoming_children(rng) if incoming is None else list(incoming)
    if len(people) >= INCOMING_ENOUGH:
        source = MatchWeights.Source.INCOMING
        candidates = incoming_pairs(rng.sample(people, min(len(people), SAMPLE)))
    else:
        source = MatchWeights.Source.REGISTER
        candidates = candidate_pairs(ids, rng) if ids else []
    m, matches, iterations = expectation_maximisation(candidates, u, defaults)
    return MatchWeights.objects.create(
        estimated_at=timezone.now(),
        estimated_by=user,
        probabilities={
            field: {level: [m[field][level], u[field][level]] for level in levels}
            for field, levels in defaults.items()
        },
        records=len(ids),
        source=source,
        candidate_pairs=len(candidates),
        random_pairs=len(randoms),
        match_share=matches,
        iterations=iterations,
    )


def estimate_task(user_id=None):
    """The django-q2 task the admin's button queues; returns the new weights' id."""
    return estimate(get_user_model().objects.filter(pk=user_id).first()).pk

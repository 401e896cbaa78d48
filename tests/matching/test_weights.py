"""The scoring weights estimated from the council's own data without labels: u from random
pairs, m by expectation-maximisation over the candidate search's pairs — of the incoming
children once the council has had enough, of the register's own records before — stored with
the date and the source;
scoring uses the newest estimate (the shipped weights before any); the command and the admin's
button (matching team only) run it."""

import datetime
import io
import json
import random

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from plugins.matching import estimation, keys, scoring
from plugins.matching.models import MatchRequest, MatchWeights
from plugins.matching.services import candidates_for
from records.models import ChildAddress, ChildRecord
from tests.conftest import sign_in_verified
from tests.send.test_council_submissions import staff

pytestmark = pytest.mark.django_db

FORENAMES = ["Osian", "Ffion", "Cerys", "Dylan", "Megan", "Rhys", "Seren", "Elis", "Alys", "Iwan"]
SURNAMES = ["Jones", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan"]


@pytest.fixture
def register_with_duplicates():
    """200 children, 40 of them entered a second time with a misspelt first name (a register
    does hold some duplicates: EM learns the same child from them)."""
    rng = random.Random(4)
    rows = []
    for number in range(200):
        born = datetime.date(2008, 1, 1) + datetime.timedelta(days=rng.randrange(5000))
        forename, surname = rng.choice(FORENAMES), rng.choice(SURNAMES)
        postcode = f"CF{rng.randrange(10, 40)} {rng.randrange(1, 9)}AB"
        rows.append((f"C{number:04}", forename, surname, born, postcode))
        if number < 40:
            rows.append((f"D{number:04}", forename[:-1] + "e", surname, born, postcode))
    records = ChildRecord.objects.bulk_create(
        ChildRecord(council_id=council_id, forename=forename, surname=surname, date_of_birth=born)
        for council_id, forename, surname, born, _postcode in rows
    )
    ChildAddress.objects.bulk_create(
        ChildAddress(
            record=record,
            line_1="1 Stryd",
            town="Caerdydd",
            postcode=row[4],
            valid_from=datetime.date(2020, 1, 1),
        )
        for record, row in zip(records, rows, strict=True)
    )
    keys.rebuild()
    return records


def probability(weights, field, level):
    return dict(zip("mu", weights.probabilities[field][level], strict=True))


def test_the_weights_are_estimated_from_the_register_and_stored_with_the_date(
    register_with_duplicates,
):
    weights = estimation.estimate()
    assert weights.estimated_at.date() == datetime.date.today()
    assert weights.records == 240 and weights.candidate_pairs > 40 and weights.random_pairs > 0
    assert 0 < weights.match_share < 1 and weights.iterations >= 1
    # Agreement is evidence for the same child and disagreement against, as estimated.
    for field in ("surname", "date_of_birth", "postcode"):
        exact, different = (
            probability(weights, field, "exact"),
            probability(weights, field, "different"),
        )
        assert exact["m"] > exact["u"] and different["m"] < different["u"], field
    forename = probability(weights, "forename", "exact")
    assert forename["m"] > forename["u"]
    # Every level of every field has its m and u, each a chance.
    shipped = json.loads(scoring.DEFAULTS.read_text())["fields"]
    assert {f: set(levels) for f, levels in weights.probabilities.items()} == {
        f: set(levels) for f, levels in shipped.items()
    }
    for levels in weights.probabilities.values():
        for m, u in levels.values():
            assert 0 < m < 1 and 0 < u < 1


def incoming_children(records, count):
    """``count`` incoming children in the queue, each a register child declared with a
    misspelt first name, with their home address."""
    kind = ContentType.objects.get_for_model(ChildRecord)
    for record in records[:count]:
        address = record.addresses.get()
        MatchRequest.objects.create(
            person_type=kind,
            person_id=record.pk,
            forename=record.forename[:-1] + "a",
            surname=record.surname,
            date_of_birth=record.date_of_birth,
            address_line_1=address.line_1,
            town=address.town,
            postcode=address.postcode,
        )


def test_a_council_with_enough_incoming_children_learns_m_from_them(
    register_with_duplicates, monkeypatch
):
    monkeypatch.setattr(estimation, "INCOMING_ENOUGH", 30)
    incoming_children(register_with_duplicates, 30)
    weights = estimation.estimate()
    assert weights.source == MatchWeights.Source.INCOMING
    assert weights.candidate_pairs >= 30
    # Every incoming child's own record is among its candidates: the same child is learnt.
    for field in ("surname", "date_of_birth", "postcode"):
        exact = probability(weights, field, "exact")
        assert exact["m"] > 0.5 and exact["m"] > exact["u"], field
    assert probability(weights, "forename", "jw_high")["m"] > 0.2


def test_a_council_with_few_incoming_children_learns_m_from_its_register(
    register_with_duplicates, monkeypatch
):
    monkeypatch.setattr(estimation, "INCOMING_ENOUGH", 30)
    incoming_children(register_with_duplicates, 29)
    weights = estimation.estimate()
    assert weights.source == MatchWeights.Source.REGISTER
    assert weights.candidate_pairs > 40


def test_an_empty_register_keeps_the_shipped_probabilities():
    weights = estimation.estimate()
    shipped = json.loads(scoring.DEFAULTS.read_text())["fields"]
    assert weights.records == 0 and weights.candidate_pairs == 0
    assert weights.probabilities["surname"]["exact"] == pytest.approx(shipped["surname"]["exact"])


def test_scoring_uses_the_newest_estimated_weights_and_the_shipped_ones_before(register):
    sian = ChildRecord.objects.get(council_id="C3")

    def date_line():
        [best] = [c for c in candidates_for(sian, top=10) if c.record.pk == sian.pk]
        return next(line for line in best.explanation if line.startswith("Date of birth"))

    shipped_weight = scoring.default_model().weights["date_of_birth"]["exact"]
    assert date_line() == f"Date of birth: same, +{shipped_weight:.1f}"

    probabilities = json.loads(scoring.DEFAULTS.read_text())["fields"]
    MatchWeights.objects.create(
        probabilities=probabilities,
        records=5,
        candidate_pairs=1,
        random_pairs=1,
        match_share=0.1,
        iterations=1,
        estimated_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )
    probabilities["date_of_birth"]["exact"] = [0.5, 0.125]  # log2(0.5 / 0.125) = 2
    MatchWeights.objects.create(
        probabilities=probabilities,
        records=5,
        candidate_pairs=1,
        random_pairs=1,
        match_share=0.1,
        iterations=1,
    )
    assert date_line() == "Date of birth: same, +2.0"


def test_the_command_estimates_and_stores_the_weights(register_with_duplicates):
    out = io.StringIO()
    call_command("estimate_match_weights", stdout=out)
    weights = MatchWeights.objects.get()
    assert f"estimated from {weights.records} records" in out.getvalue()


def test_the_matching_team_estimates_the_weights_with_the_button(client, register):
    matcher = staff("access_admin", "match_people")
    sign_in_verified(client, matcher)
    page = client.get(reverse("matching_queue")).content.decode()
    assert "none have been estimated from the register yet" in page

    response = client.post(reverse("matching_weights"))
    assert response.status_code == 302 and response.url == reverse("matching_queue")
    weights = MatchWeights.objects.get()
    assert weights.estimated_by == matcher and weights.records == 5
    page = client.get(reverse("matching_queue")).content.decode()
    assert "Estimated from the register on" in page


def test_other_staff_cannot_estimate_the_weights(client, register):
    sign_in_verified(client, staff("access_admin", "view_submission"))
    response = client.post(reverse("matching_weights"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not MatchWeights.objects.exists()

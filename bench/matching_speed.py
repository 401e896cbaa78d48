"""Matching: candidate recall, hit@1, hit@10 and time per lookup on a synthetic register.

Seeds N children (default 20,000; `python bench/matching_speed.py 100000 500` for 100,000
children and 500 lookups) into a throwaway SQLite database, with twins at one address, builds
the matching keys, then looks up incoming children corrupted as portal data is (typos, short
forms, double and changed surnames, day/month swaps, moved house, missing postcode) and
prints, side by side, the figures of the whole lookup (candidates and scoring) and the time
of a trivial indexed query (children born on the day).
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from plugins.matching import candidates, keys, services  # noqa: E402
from plugins.matching.normalise import SHORT_FORMS, Person  # noqa: E402
from records.models import ChildAddress, ChildRecord  # noqa: E402

CHILDREN = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
LOOKUPS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
rng = random.Random(15)

# Common UK and Welsh names; earlier names are picked more often (the commonest about 6%).
FORENAMES = [
    "Oliver",
    "William",
    "Jack",
    "Harry",
    "George",
    "Noah",
    "Charlie",
    "Jacob",
    "Alfred",
    "Thomas",
    "Dylan",
    "Osian",
    "Rhys",
    "Elis",
    "Gruffydd",
    "Iwan",
    "Samuel",
    "Daniel",
    "James",
    "Joseph",
    "Benjamin",
    "David",
    "John",
    "Robert",
    "Henry",
    "Edward",
    "Michael",
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Freya",
    "Seren",
    "Ffion",
    "Cerys",
    "Alys",
    "Megan",
    "Nia",
    "Elin",
    "Gwenllian",
    "Sophia",
    "Elizabeth",
    "Katherine",
    "Margaret",
    "Eleanor",
    "Mary",
    "Rebecca",
    "Jennifer",
    "Abigail",
    "Grace",
    "Ella",
]
SURNAMES = [
    "Jones",
    "Williams",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Lewis",
    "Morgan",
    "Griffiths",
    "Edwards",
    "Smith",
    "Brown",
    "Taylor",
    "Wilson",
    "Johnson",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "White",
    "Hall",
    "Green",
    "Wood",
    "Harris",
    "Martin",
    "Jackson",
    "Clarke",
    "Turner",
    "Hill",
    "Price",
    "Phillips",
    "Rees",
    "Owen",
    "Jenkins",
    "James",
    "Lloyd",
    "Powell",
    "Parry",
    "Pritchard",
    "Bowen",
    "Howells",
    "Rowlands",
    "Llewelyn",
    "Vaughan",
    "Prosser",
    "Mathias",
    "Pugh",
    "Bevan",
]
OUTWARDS = [
    f"{area}{number}" for area in ("CF", "SA", "NP", "LL", "SY", "LD") for number in range(1, 40)
]
FULL_TO_SHORT = {}
for short, full in SHORT_FORMS.items():
    FULL_TO_SHORT.setdefault(full.capitalize(), []).append(short.capitalize())


def zipf(names):
    return rng.choices(names, weights=[1 / (rank + 10) for rank in range(len(names))])[0]


def postcode():
    return f"{rng.choice(OUTWARDS)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def seed(count):
    """``count`` children, one in fifty a twin at their sibling's address."""
    today = date(2026, 12, 1)
    records, places = [], []
    while len(records) < count:
        surname = zipf(SURNAMES)
        if rng.random() < 0.1:
            surname = f"{surname}-{zipf(SURNAMES)}"
        born = today - timedelta(days=rng.randint(0, 25 * 365))
        place = postcode()
        for _ in range(2 if rng.random() < 0.02 else 1):
            number = len(records)
            records.append(
                ChildRecord(
                    council_id=f"C{number:08d}",
                    forename=zipf(FORENAMES),
                    surname=surname,
                    date_of_birth=born,
                )
            )
            places.append(place)
    ChildRecord.objects.bulk_create(records[:count], batch_size=2000)
    ChildAddress.objects.bulk_create(
        [
            ChildAddress(
                record=record, line_1="1 Street", town="Town", postcode=place, valid_from=today
            )
            for record, place in zip(records[:count], places, strict=False)
        ],
        batch_size=2000,
    )
    return records[:count], places


def typo(name):
    if len(name) < 4:
        return name
    at = rng.randrange(1, len(name) - 1)
    return rng.choice(
        (
            name[:at] + name[at + 1 :],
            name[:at] + name[at + 1] + name[at] + name[at + 2 :],
            name[:at] + name[at] + name[at:],
        )
    )


def corrupt(record, place):
    """The child as a family might declare them on the portal."""
    forename, surname, born = record.forename, record.surname, record.date_of_birth
    for change in rng.sample(range(7), 2):
        if change == 0:
            surname = typo(surname)
        elif change == 1:
            forename = rng.choice(FULL_TO_SHORT.get(forename, [typo(forename)]))
        elif change == 2:
            surname = surname.split("-")[-1] if "-" in surname else f"{surname}-{zipf(SURNAMES)}"
        elif change == 3:
            born = keys.swapped(born) or born + timedelta(days=rng.choice((-2, -1, 1, 2)))
        elif change == 4:
            place = postcode()
        elif change == 5:
            place = ""
        else:
            forename = typo(forename)
    return Person(forename=forename, surname=surname, date_of_birth=born, postcode=place)


def percentile(values, share):
    return sorted(values)[min(len(values) - 1, int(share * len(values)))] * 1000


def main():
    call_command("migrate", verbosity=0)
    records, places = seed(CHILDREN)
    keys.rebuild()
    found = hit1 = hit10 = 0
    lookups, trivial = [], []
    for index in rng.sample(range(len(records)), LOOKUPS):
        record, person = records[index], corrupt(records[index], places[index])
        start = time.perf_counter()
        ranked = services.rank(person)
        lookups.append(time.perf_counter() - start)
        start = time.perf_counter()
        list(
            ChildRecord.objects.filter(date_of_birth=person.date_of_birth).values_list(
                "pk", flat=True
            )
        )
        trivial.append(time.perf_counter() - start)
        found += record.pk in candidates.candidate_ids(person)
        ids = [candidate.record.pk for candidate in ranked]
        hit1 += ids[:1] == [record.pk]
        hit10 += record.pk in ids
    print(f"{CHILDREN} children, {LOOKUPS} corrupted lookups (SQLite)")
    print(
        f"candidate recall {found / LOOKUPS:.3f}   hit@1 {hit1 / LOOKUPS:.3f}   hit@10 {hit10 / LOOKUPS:.3f}"
    )
    print(f"{'':22}{'p50 ms':>8}{'p95 ms':>8}")
    print(
        f"{'lookup with scoring':22}{percentile(lookups, 0.5):8.1f}{percentile(lookups, 0.95):8.1f}"
    )
    print(f"{'trivial query':22}{percentile(trivial, 0.5):8.1f}{percentile(trivial, 0.95):8.1f}")
    print(f"mean lookup {statistics.mean(lookups) * 1000:.1f} ms")


if __name__ == "__main__":
    main()

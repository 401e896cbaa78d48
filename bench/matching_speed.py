"""Matching: candidate recall, hit@1, hit@10 and time per lookup on a synthetic register.

Seeds N children (default 100,000, or MATCHING_BENCH_CHILDREN; `python
bench/matching_speed.py 1000000 500` for 1,000,000 children and 500 lookups), builds the
matching keys, then looks up incoming children corrupted as portal data is and prints, side by
side, the figures of the whole lookup (candidates and scoring) and the time of a trivial
indexed query (children born on the day). It runs on the PostgreSQL of DATABASE_URL when one is
set (in a throwaway test database beside it: `scripts/with-postgres.sh .venv/bin/python
bench/matching_speed.py`), else on a throwaway SQLite file.

The register: UK forenames and surnames (Welsh, English, Scottish, Irish, South Asian, Polish
and others) weighted by frequency, ages 0 to 25, real-shaped UK postcodes, families of one to
three children at one address and twins among them. An incoming child carries two of: a typo
in either name, a short form of the forename, a double surname shortened or a new one added, a
changed surname, a day/month swap or a date a few days or a year out, a move, no postcode.
``SyntheticRegister`` is also the data of tests/matching/test_accuracy.py.
"""

import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections import namedtuple
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
import django  # noqa: E402

if __name__ == "__main__":
    # Imported by a test instead, the test's own settings and database stand.
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
    django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from plugins.matching import candidates, keys, scoring, services  # noqa: E402
from plugins.matching.normalise import SHORT_FORMS, Person  # noqa: E402
from records.models import ChildAddress, ChildRecord  # noqa: E402

# Commonest first (each list is picked with Zipf-like weights).
FORENAMES = """
Oliver Olivia Muhammad Amelia George Isla Noah Ava Harry Mia Leo Ivy Jack Lily Arthur Freya
Oscar Sophia Charlie Grace Jacob Ella Thomas Evie Henry Poppy William Florence Alfie Willow
Joshua Rosie Freddie Isabella Archie Charlotte Theo Emily James Ruby Dylan Seren Ethan Daisy
Isaac Alice Alexander Phoebe Joseph Evelyn Edward Matilda Samuel Elsie Max Sienna Daniel Harper
Lucas Millie Logan Ffion Mason Megan Harrison Cerys Riley Chloe Benjamin Sophie Adam Holly
Finley Lucy Sebastian Emma Toby Hannah Reuben Ellie Jake Amy Lewis Katie Ryan Lauren Liam
Rebecca Callum Jessica Tyler Eleanor Luke Elizabeth Connor Katherine Matthew Margaret David
Mary John Abigail Michael Jennifer Robert Nia Christopher Elin Rhys Alys Osian Mali Elis Lowri
Gruffydd Catrin Iwan Sian Cai Efa Tomos Manon Ioan Carys Owain Eira Gethin Gwenllian Aled
Aisha Mohammed Fatima Ibrahim Maryam Yusuf Zara Omar Amira Ayaan Zainab Zain Hafsa Arjun Anaya
Aarav Priya Hamza Zuzanna Jakub Julia Szymon Maja Kacper Lena Filip Natalia Antoni Hanna
""".split()  # noqa: SIM905 (a list literal would take a line a name)
SURNAMES = """
Jones Smith Williams Davies Evans Taylor Brown Thomas Roberts Wilson Johnson Hughes Lewis
Walker Wright Robinson Thompson White Edwards Green Hall Morgan Harris Clarke Patel Jackson
Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Allen James
Griffiths Scott Phillips Watson Davis Parker Price Bennett Young Mitchell Kelly Cook Carter
Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson
Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain
Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher
Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard
Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole
Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant
Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe
Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson
Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry
Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton
Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss
McCarthy Chambers O'Neill Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle
Wallace Pritchard Bowen Howells Rowlands Llewelyn Vaughan Prosser Mathias Pugh Bevan Meredith
Probert Gwilliam Prydderch Rahman Miah Islam Hussein Mahmood Iqbal Akhtar Sharma Kumar
Chowdhury Mistry Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński
Szymański Woźniak Dąbrowski Kozłowski Mazur Wang Chen Zhang Okafor Mensah Adeyemi Okonkwo
Silva Santos Ferreira Costa Nguyen Yilmaz
""".split()  # noqa: SIM905 (a list literal would take a line a name)
# Postcode areas across the UK and the range of their districts' numbers.
AREAS = """
AB10-56 B1-98 BA1-16 BB1-12 BD1-24 BH1-25 BL0-9 BN1-45 BR1-8 BS1-49 BT1-94 CA1-28 CB1-25
CF3-83 CH1-66 CM0-24 CO1-16 CR0-9 CT1-21 CV1-47 CW1-12 DA1-18 DD1-11 DE1-75 DG1-16 DH1-9
DL1-17 DN1-41 DT1-11 DY1-14 E1-18 EH1-55 EN1-11 EX1-39 FK1-21 FY1-8 G1-84 GL1-56 GU1-52
HA0-9 HD1-9 HG1-5 HP1-27 HR1-9 HU1-20 HX1-7 IG1-11 IP1-33 IV1-63 KA1-30 KT1-24 KY1-16 L1-40
LA1-23 LD1-8 LE1-67 LL11-78 LN1-13 LS1-29 LU1-7 M1-90 ME1-20 MK1-46 ML1-12 N1-22 NE1-88
NG1-34 NN1-18 NP4-44 NR1-35 NW1-11 OL1-16 OX1-49 PA1-80 PE1-38 PH1-50 PL1-35 PO1-41 PR0-26
RG1-45 RH1-20 RM1-20 S1-81 SA1-73 SE1-28 SG1-19 SK1-23 SL0-9 SM1-7 SN1-26 SO14-53 SP1-11
SR1-8 SS0-17 ST1-21 SW1-20 SY1-25 TA1-24 TD1-15 TF1-13 TN1-40 TQ1-14 TR1-27 TS1-29 TW1-20
UB1-11 W2-14 WA1-16 WD3-25 WF1-17 WN1-8 WR1-15 WS1-15 WV1-16 YO1-62 ZE1-3
""".split()  # noqa: SIM905 (a list literal would take a line a name)
OUTWARDS = ["SW1A", "W1D", "EC1A", "WC2H", "E1W", "N1C"] + [
    f"{area.rstrip('0123456789-')}{number}"
    for area in AREAS
    for first, last in [area.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").split("-")]
    for number in range(int(first), int(last) + 1)
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
FULL_TO_SHORT = {}
for _short, _full in SHORT_FORMS.items():
    FULL_TO_SHORT.setdefault(_full.capitalize(), []).append(_short.capitalize())
TODAY = date(2026, 12, 1)

# One register child; ``twin`` is the pk of their twin, or None.
Child = namedtuple("Child", "pk forename surname date_of_birth postcode twin")


class SyntheticRegister:
    """A generated register and its corrupted incoming children, from one seed."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self._weights = {}

    def pick(self, names):
        # Zipf-like: the commonest name about 3.5% of children, the rarest 0.05%.
        if id(names) not in self._weights:
            weights = (1 / (rank + 8) for rank in range(len(names)))
            self._weights[id(names)] = list(itertools.accumulate(weights))
        return self.rng.choices(names, cum_weights=self._weights[id(names)])[0]

    def postcode(self, outward=None):
        letters = self.rng.choice(INWARD_LETTERS) + self.rng.choice(INWARD_LETTERS)
        return f"{outward or self.rng.choice(OUTWARDS)} {self.rng.randint(0, 9)}{letters}"

    def children(self, count):
        """``count`` children: families of one to three at one postcode sharing a surname
        (one in ten double-barrelled), and one birth in sixty twins."""
        made = 0
        while made < count:
            surname = self.pick(SURNAMES)
            if self.rng.random() < 0.1:
                surname = f"{surname}-{self.pick(SURNAMES)}"
            place = self.postcode()
            for _birth in range(self.rng.choices((1, 2, 3), (45, 35, 20))[0]):
                born = TODAY - timedelta(days=self.rng.randint(0, 25 * 365))
                names = [self.pick(FORENAMES)]
                if self.rng.random() < 1 / 60:
                    names.append(self.pick([n for n in FORENAMES if n != names[0]]))
                for at, name in enumerate(names[: count - made]):
                    made += 1
                    twin = (made + 1 if at == 0 else made - 1) if len(names) == 2 else None
                    yield Child(made, name, surname, born, place, twin)
                if made >= count:
                    return

    def typo(self, name):
        if len(name) < 4:
            return name
        at = self.rng.randrange(1, len(name) - 1)
        return self.rng.choice(
            (
                name[:at] + name[at + 1 :],
                name[:at] + name[at + 1] + name[at] + name[at + 2 :],
                name[:at] + name[at] + name[at:],
                name[:at] + self.rng.choice("aeiounrst") + name[at + 1 :],
            )
        )

    def corrupt(self, child):
        """``child`` as a family might declare them on the portal: two changes at once."""
        forename, surname, born, place = child.forename, child.surname, child.date_of_birth, ""
        place = child.postcode
        for change in self.rng.sample(range(8), 2):
            if change == 0:
                surname = self.typo(surname)
            elif change == 1:
                forename = self.rng.choice(FULL_TO_SHORT.get(forename, [self.typo(forename)]))
            elif change == 2:
                double = "-" in surname
                surname = surname.split("-")[-1] if double else f"{surname}-{self.pick(SURNAMES)}"
            elif change == 3:
                surname = self.pick(SURNAMES)
            elif change == 4:
                # A year one out (29 February becomes the 28th).
                year = born.year + self.rng.choice((-1, 1))
                year_out = born.replace(year=year, day=min(born.day, 28 if born.month == 2 else 31))
                born = keys.swapped(born) or self.rng.choice(
                    (born + timedelta(days=self.rng.choice((-3, -2, -1, 1, 2, 3))), year_out)
                )
            elif change == 5:
                # Half of the families who move stay in the same district.
                near = self.rng.random() < 0.5
                place = self.postcode(place.split(" ")[0] if near else None)
            elif change == 6:
                place = ""
            else:
                forename = self.typo(forename)
        return Person(forename=forename, surname=surname, date_of_birth=born, postcode=place)


def write(children, batch_size=20_000):
    """The children and their addresses on the register, in batches (COPY on PostgreSQL)."""
    stamp = datetime(2026, 12, 1, tzinfo=UTC)
    batch = []
    with transaction.atomic():
        for child in children:
            batch.append(child)
            if len(batch) == batch_size:
                _write_batch(batch, stamp)
                batch = []
        if batch:
            _write_batch(batch, stamp)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [ChildRecord, ChildAddress]):
                cursor.execute(sql)


def _write_batch(batch, stamp):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(
                "COPY records_childrecord (id, council_id, upn, nhs_number, forename, "
                "middle_names, surname, preferred_name, date_of_birth, gender, sources, "
                "created_at, updated_at) FROM STDIN"
            ) as copy:
                for c in batch:
                    copy.write_row(
                        (c.pk, f"C{c.pk:08d}", "", "", c.forename, "", c.surname, "")
                        + (c.date_of_birth, "", "{}", stamp, stamp)
                    )
            with cursor.cursor.copy(
                "COPY records_childaddress (id, record_id, line_1, line_2, town, postcode, "
                "valid_from) FROM STDIN"
            ) as copy:
                for c in batch:
                    copy.write_row((c.pk, c.pk, "1 Stryd", "", "Tref", c.postcode, TODAY))
        return
    ChildRecord.objects.bulk_create(
        ChildRecord(
            pk=c.pk,
            council_id=f"C{c.pk:08d}",
            forename=c.forename,
            surname=c.surname,
            date_of_birth=c.date_of_birth,
        )
        for c in batch
    )
    ChildAddress.objects.bulk_create(
        ChildAddress(
            pk=c.pk,
            record_id=c.pk,
            line_1="1 Stryd",
            town="Tref",
            postcode=c.postcode,
            valid_from=TODAY,
        )
        for c in batch
    )


def percentile(values, share):
    return sorted(values)[min(len(values) - 1, int(share * len(values)))] * 1000


def lookup_figures(register, children, lookups):
    """Recall, hits, twins and times of ``lookups`` corrupted children drawn from ``children``."""
    sample = register.rng.sample(children, lookups)
    sampled = {child.pk for child in sample}
    # Every twin is looked up too, declared exactly: the sibling must never be in the match band.
    twins = [child for child in children if child.twin][: max(lookups // 5, 1)]
    figures = {"found": 0, "hit1": 0, "hit10": 0, "twin_lookups": 0, "sibling_first": 0}
    figures |= {"sibling_matched": 0, "lookups": [], "trivial": []}
    plan = [(child, register.corrupt(child)) for child in sample] + [
        (
            c,
            Person(
                forename=c.forename,
                surname=c.surname,
                date_of_birth=c.date_of_birth,
                postcode=c.postcode,
            ),
        )
        for c in twins
    ]
    for child, person in plan:
        start = time.perf_counter()
        ranked = services.rank(person)
        figures["lookups"].append(time.perf_counter() - start)
        start = time.perf_counter()
        list(ChildRecord.objects.filter(date_of_birth=person.date_of_birth).values_list("pk"))
        figures["trivial"].append(time.perf_counter() - start)
        ids = [candidate.record.pk for candidate in ranked]
        if child.twin:
            figures["twin_lookups"] += 1
            if ids[:1] == [child.twin]:
                figures["sibling_first"] += 1
                figures["sibling_matched"] += ranked[0].band == scoring.MATCH
        if child.pk in sampled:
            figures["found"] += child.pk in candidates.candidate_ids(person)
            figures["hit1"] += ids[:1] == [child.pk]
            figures["hit10"] += child.pk in ids
    return figures


def run(count, lookups, database):
    register = SyntheticRegister(seed=15)
    children = list(register.children(count))
    start = time.perf_counter()
    write(children)
    seeded = time.perf_counter() - start
    start = time.perf_counter()
    keys.rebuild()
    rebuilt = time.perf_counter() - start
    if database == "PostgreSQL":
        # What autovacuum does soon after a bulk load: statistics, and the visibility map
        # that lets the branches read their covering indexes alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    f = lookup_figures(register, children, lookups)
    print(
        f"{count} children, {lookups} corrupted lookups ({database}); "
        f"seeded in {seeded:.0f} s, keys rebuilt in {rebuilt:.0f} s"
    )
    print(
        f"candidate recall {f['found'] / lookups:.3f}   hit@1 {f['hit1'] / lookups:.3f}   "
        f"hit@10 {f['hit10'] / lookups:.3f}"
    )
    print(
        f"twins: {f['twin_lookups']} lookups, sibling ranked first {f['sibling_first']}, "
        f"sibling in the match band {f['sibling_matched']}"
    )
    print(f"{'':22}{'p50 ms':>8}{'p95 ms':>8}")
    for label, times in (("lookup with scoring", f["lookups"]), ("trivial query", f["trivial"])):
        print(f"{label:22}{percentile(times, 0.5):8.1f}{percentile(times, 0.95):8.1f}")
    print(f"mean lookup {statistics.mean(f['lookups']) * 1000:.1f} ms")


def main():
    default = os.environ.get("MATCHING_BENCH_CHILDREN", 100_000)
    count = int(sys.argv[1] if len(sys.argv) > 1 else default)
    lookups = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    if connection.vendor != "postgresql":
        call_command("migrate", verbosity=0)
        run(count, lookups, "SQLite")
        return
    # A database of its own beside DATABASE_URL's, dropped at the end.
    named = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        run(count, lookups, "PostgreSQL")
    finally:
        connection.creation.destroy_test_db(named, verbosity=0)


if __name__ == "__main__":
    main()

"""The SEND team's list of submitted forms at scale: 100,000 submitted forms.

Seeds a throwaway SQLite database with 100,000 forms sent to the council in every review
state (most decided, as in a council's real list), across five forms of ten steps, three
years of received dates and 20,000 children (half matched to a child record); then times,
interleaved in one process against the same Django stack, the management list as the SEND
team uses it (the default list of forms waiting for the council, a status filter, a form
filter with a date range, a search by reference, sorted by the child's name) and a trivial
view (the floor: same middleware, no work). Each prints its ratio to the floor and its time
in ms: issue 12 asks for "well under a second".
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal import urls as portal_urls  # noqa: E402

SUBMISSIONS, PEOPLE, USERS, FORMS = 100_000, 20_000, 5_000, 5
# Each form the size of a real one: ten steps of eight questions (the list reads its title
# from the version's schema).
STEPS = tuple((number, False, 8) for number in range(2, 12))
ROUNDS, REQUESTS = 5, 5
LIST = "/admin/send/submissions/"
SURNAMES = ["Jones", "Davies", "Williams", "Evans", "Thomas", "Roberts", "Hughes", "Lewis"]
FORENAMES = ["Alex", "Nia", "Owen", "Mari", "Rhys", "Cerys", "Dylan", "Ffion", "Sam"]
# One in ten forms waits for the council, as in a list that is kept up to date.
STATES = ["not_opened", "opened"] + ["approved"] * 5 + ["rejected"] * 2 + ["more_information"]


def floor(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/floor/", floor), *portal_urls.urlpatterns]


def seed():
    """The forms, children, submitters and one caseworker who may review them."""
    from django.contrib.auth.models import Group, Permission

    from accounts.models import User
    from plugins.send.models import PortalPerson, Submission
    from records.models import ChildRecord
    from tests.send.factories import published_form

    versions = [
        published_form(
            groups=STEPS, code=f"BENCH_{n}", title_en=f"Form {n}", title_cy=f"Ffurflen {n}"
        )
        for n in range(FORMS)
    ]
    now = timezone.now()
    users = User.objects.bulk_create(
        (
            User(
                email=f"parent{n}@example.org",
                first_name=FORENAMES[n % len(FORENAMES)],
                last_name=f"{SURNAMES[n % len(SURNAMES)]}{n}",
                email_confirmed_at=now,
            )
            for n in range(USERS)
        ),
        batch_size=5000,
    )
    records = ChildRecord.objects.bulk_create(
        (
            ChildRecord(
                council_id=f"C{n:07d}",
                forename=FORENAMES[n % len(FORENAMES)],
                surname=f"{SURNAMES[n % len(SURNAMES)]}{n}",
                date_of_birth="2015-01-01",
            )
            for n in range(PEOPLE // 2)
        ),
        batch_size=5000,
    )
    people = PortalPerson.objects.bulk_create(
        (
            PortalPerson(
                forename=FORENAMES[n % len(FORENAMES)],
                surname=f"{SURNAMES[n % len(SURNAMES)]}{n}",
                date_of_birth=f"{2008 + n % 12}-0{1 + n % 9}-1{n % 9}",
                child_record=records[n // 2] if n % 2 else None,
            )
            for n in range(PEOPLE)
        ),
        batch_size=5000,
    )
    three_years = timedelta(days=3 * 365)
    Submission.objects.bulk_create(
        (
            Submission(
                person=people[n % PEOPLE],
                created_by=users[n % USERS],
                version=versions[n % FORMS].live_version,
                status="draft" if STATES[n % len(STATES)] == "more_information" else "submitted",
                review_state=STATES[n % len(STATES)],
                reference=f"SND-B{n:09d}",
                submitted_at=now - three_years * (n / SUBMISSIONS),
                opened_by_council_at=None if n % len(STATES) == 0 else now,
            )
            for n in range(SUBMISSIONS)
        ),
        batch_size=5000,
    )
    caseworker = User.objects.create(
        email="caseworker@example.org", kind="staff", is_staff=True, email_confirmed_at=now
    )
    team = Group.objects.create(name="Bench SEND team")
    team.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_submission"])
    )
    caseworker.groups.add(team)
    return caseworker, versions


def signed_in(user):
    from tests.conftest import sign_in_verified

    return sign_in_verified(Client(), user)


def timed(client, url, data=None):
    start = time.perf_counter()
    for _ in range(REQUESTS):
        response = client.get(url, data)
        assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - start) / REQUESTS


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with transaction.atomic():
        caseworker, forms = seed()
    seeded = time.perf_counter() - started
    client = signed_in(caseworker)
    last_year = timezone.localdate() - timedelta(days=365)
    lists = {
        "management list (default)": {},
        "management list (status filter)": {"status": "approved"},
        "management list (form and dates)": {
            "status": "all",
            "form": forms[2].pk,
            "received_from": (last_year - timedelta(days=90)).isoformat(),
            "received_to": last_year.isoformat(),
        },
        "management list (reference search)": {"status": "all", "q": "SND-B000054321"},
        "management list (sorted by child's name)": {"ordering": "person__surname"},
    }
    pages = {name: (LIST, data) for name, data in lists.items()}
    pages["floor"] = ("/bench/floor/", None)
    with override_settings(ROOT_URLCONF=__name__):
        for url, data in pages.values():
            timed(client, url, data)  # warm up
        results = {name: [] for name in pages}
        for _ in range(ROUNDS):
            for name, (url, data) in pages.items():
                results[name].append(timed(client, url, data))
    medians = {name: statistics.median(times) for name, times in results.items()}
    print(f"seeded {SUBMISSIONS:,} submitted forms of {PEOPLE:,} children in {seeded:.1f}s")
    for name, value in medians.items():
        if name != "floor":
            ratio = value / medians["floor"]
            print(f"{name}: {ratio:.1f}x the trivial view, {value * 1000:.0f} ms")


if __name__ == "__main__":
    main()

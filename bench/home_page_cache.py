"""Home page served with the portal cache warm versus rebuilt on every view.

Runs both side by side in one process on a throwaway SQLite database with the demo council
and prints the ratio (cold / warm): how much the cache saves per view.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

ROUNDS, VIEWS = 7, 20


def views(client, clear):
    start = time.perf_counter()
    for _ in range(VIEWS):
        if clear:
            cache.clear()
        assert client.get("/").status_code == 200
    return (time.perf_counter() - start) / VIEWS


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    client = Client()
    views(client, clear=False)  # warm up imports and templates
    warm, cold = [], []
    for _ in range(ROUNDS):  # interleaved, so machine noise hits both alike
        warm.append(views(client, clear=False))
        cold.append(views(client, clear=True))
    ratio = statistics.median(cold) / statistics.median(warm)
    print(
        f"home page: cache rebuilt on every view / cache warm = {ratio:.2f}x "
        f"({ROUNDS} rounds of {VIEWS} views each, medians)"
    )


if __name__ == "__main__":
    main()

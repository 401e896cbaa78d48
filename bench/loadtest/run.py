"""Runs the load test headless against the scale-out stack and checks its figures.

    python bench/loadtest/run.py --users 200 --seconds 120

(inside scripts/scaleout.sh, which sets up the stack and its environment). ``--seconds`` is the
steady state measured once every user has signed in. Fails unless no request or journey
failed, the submissions in the database are exactly those the simulated parents saw confirmed
(none lost, none made twice) and, with ``--p95-limit-ms`` (``make loadtest``: 500), the 95th
percentile of every request together is under that limit. The scale-out pass of ``make test``
runs a shorter test with the same error and loss checks and prints its percentiles: CI machines
vary too much for a latency limit to mean anything there.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_locust(users, seconds, spawn_rate, directory):
    submitted = directory / "submitted.txt"
    command = [
        str(ROOT / ".venv/bin/locust"),
        "-f",
        str(ROOT / "bench/loadtest/locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(spawn_rate),
        # The locustfile ends the test once the steady state has lasted ``seconds``; this
        # limit only stops a test whose users never all manage to sign in.
        "--run-time",
        f"{seconds + 900}s",
        "--stop-timeout",
        "60",
        "--csv",
        str(directory / "loadtest"),
        "--only-summary",
        "--exit-code-on-error",
        "0",
    ]
    env = {
        **os.environ,
        "SCALEOUT_SUBMITTED_FILE": str(submitted),
        "LOADTEST_STEADY_SECONDS": str(seconds),
    }
    subprocess.run(command, check=True, env=env, cwd=ROOT)  # noqa: S603
    ids = {int(line) for line in submitted.read_text().split()} if submitted.exists() else set()
    return directory / "loadtest_stats.csv", ids


def aggregated(stats_file):
    with stats_file.open(newline="") as handle:
        return {(row["Type"], row["Name"]): row for row in csv.DictReader(handle)}


def submissions_in_database():
    """Ids of the load parents' submitted forms."""
    import django

    django.setup()
    from plugins.send.models import Submission

    rows = Submission.objects.filter(
        created_by__email__startswith="load-parent-", status="submitted"
    )
    return set(rows.values_list("pk", flat=True))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=120, help="steady state measured")
    # Each sign-in hashes a password (PBKDF2, on purpose slow): 2 new parents a second is what
    # 2 cores can take beside everything else.
    parser.add_argument("--spawn-rate", type=float, default=2)
    parser.add_argument("--p95-limit-ms", type=float, default=None, help="fail at or above it")
    options = parser.parse_args()
    p95_limit_ms = options.p95_limit_ms
    print(f"==> Load test: {options.users} users for {options.seconds} s", flush=True)
    with tempfile.TemporaryDirectory(dir=os.environ.get("SCALEOUT_DIR")) as directory:
        stats_file, confirmed = run_locust(
            options.users, options.seconds, options.spawn_rate, Path(directory)
        )
        rows = aggregated(stats_file)
    total = next(row for (_kind, name), row in rows.items() if name == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    p50, p95 = float(total["50%"]), float(total["95%"])
    in_database = submissions_in_database()
    lost = confirmed - in_database
    # A form sent twice, or saved although its parent saw an error, is a row nobody confirmed.
    extra = in_database - confirmed

    print(f"    {'request':46} {'count':>7} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7}")
    for (kind, name), row in sorted(rows.items()):
        if name != "Aggregated" and int(row["Request Count"]):
            print(
                f"    {kind:7} {name[:38]:38} {row['Request Count']:>7} "
                f"{row['Failure Count']:>5} {row['50%']:>7} {row['95%']:>7}"
            )
    print(f"    all: {requests} requests, {failures} failed, p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    print(
        f"    submissions: {len(confirmed)} confirmed to parents, {len(in_database)} in the "
        f"database, {len(lost)} lost, {len(extra)} duplicated or never confirmed"
    )
    problems = []
    if p95_limit_ms and p95 >= p95_limit_ms:
        problems.append(f"p95 {p95:.0f} ms is not under {p95_limit_ms} ms")
    if failures:
        problems.append(f"{failures} requests or journeys failed")
    if lost or extra:
        problems.append("the database does not hold exactly the confirmed submissions")
    if not confirmed:
        problems.append("no submission was made")
    for problem in problems:
        print(f"==> Load test FAILED: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("==> Load test: ok")


if __name__ == "__main__":
    main()

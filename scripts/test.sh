#!/usr/bin/env bash
# The body of `make test` (the Makefile has installed everything first). Runs every pass, even
# after one fails, prints a timing line per pass and a summary, and exits non-zero if any failed.
#
#   1. lint         ruff check; no model change without its migration
#   2. sqlite       the whole pytest suite on SQLite: the browser (e2e) tests alone, in the
#                   background beside the rest of 2 and 3, and the suite without them
#   3. postgresql   the suite again on PostgreSQL, without the browser tests (DATABASE_URL if
#                   given, else a throw-away server from scripts/with-postgres.sh)
#   4. plugins      tests/core with a minimal plugin list, then core and accounts with no plugins
#                   at all (accounts must work without the GDPR plugin's consent step), then the
#                   send and gdpr suites each without the other
#   5. deploy       manage.py check --deploy on the production settings
#   6. scale-out    the production stack on this machine (scripts/scaleout.sh): PostgreSQL,
#                   Redis, S3, clamd, two web servers, two task clusters; a smoke journey, the
#                   fault checks and a 60-second, 50-user load test; in the background beside
#                   passes 4 and 5
#
# Before them, one clamd with an EICAR-only signature database (scripts/clamav.sh) starts for
# the whole run and stops at exit; every pass scans uploads with it.
#
# PYTEST_WORKERS sets pytest-xdist's worker count for the non-browser passes. The default, 0,
# runs each pass in one process: measured on the 2-core machines, `-n 2` was slower (tests/core:
# 66 s serial against 83 s with -n 2; 16 s against 40 s for a 14-test file), because every worker
# migrates its own test database first. Try PYTEST_WORKERS=2 on a bigger machine.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
PY="$root/.venv/bin/python"
PYTEST=("$PY" -m pytest)
WORKERS=${PYTEST_WORKERS:-0}
xdist=()
[ "$WORKERS" -gt 0 ] && xdist=(-n "$WORKERS")

# The suite picks its own settings, database and plugin list: values exported in the caller's
# shell for `make run` or production must not leak into it. A DATABASE_URL given to
# `make test` is used for the PostgreSQL pass only.
given_database_url=${DATABASE_URL:-}
unset DJANGO_SETTINGS_MODULE DATABASE_URL PORTAL_PLUGINS DJANGO_ALLOW_ASYNC_UNSAFE \
  PORTAL_VIRUS_SCANNER PORTAL_CLAMD_SOCKET PORTAL_CLAMD_HOST PORTAL_CLAMD_PORT PORTAL_CLAMD_TIMEOUT
export PYTHONDONTWRITEBYTECODE=1

results=()
failed=0
# pass NAME COMMAND...: runs one pass and records its outcome and duration.
# pytest's exit code 5 means "no tests collected": a pass that tests nothing is a failure.
pass() {
  local name=$1; shift
  echo
  echo "==> [$name] $*"
  local start=$SECONDS
  "$@"
  record "$name" $? $((SECONDS - start))
}

# record NAME STATUS SECONDS: a pass's summary line.
record() {
  local name=$1 status=$2 seconds=$3 line
  line=$(printf '%-34s %4ds  ' "$name" "$seconds")
  if [ "$status" -eq 0 ]; then
    line+="ok"
  elif [ "$status" -eq 5 ]; then
    line+="FAILED (no tests collected)"
  else
    line+="FAILED (exit $status)"
  fi
  [ "$status" -ne 0 ] && failed=1
  echo "--- $line"
  results+=("$line")
}

# beside NAME COMMAND...: start a pass in the background, its output kept in a file until
# collect_beside prints it and records its outcome (one such pass at a time).
beside() {
  beside_name=$1; shift
  echo
  echo "==> [$beside_name] $* (in the background; its output follows when it ends)"
  beside_log=$(mktemp "$root/var/pass.XXXXXX.log")
  ( start=$SECONDS; "$@" >"$beside_log" 2>&1; echo "$? $((SECONDS - start))" >"$beside_log.end" ) &
  beside_pid=$!
}
collect_beside() {
  wait "$beside_pid"
  echo
  echo "==> [$beside_name] output"
  cat "$beside_log"
  local status seconds
  read -r status seconds <"$beside_log.end"
  rm -f "$beside_log" "$beside_log.end"
  record "$beside_name" "$status" "$seconds"
}

lint() {
  "$root/.venv/bin/ruff" check . &&
    DJANGO_SETTINGS_MODULE=portal.settings.test "$PY" site/manage.py makemigrations --check --dry-run
}

postgres_pytest() {
  if [ -n "$given_database_url" ]; then
    DATABASE_URL=$given_database_url "${PYTEST[@]}" "$@"
  else
    scripts/with-postgres.sh "${PYTEST[@]}" "$@"
  fi
}

deploy_check() {
  # A fresh random key each run, as a real deployment would have (check --deploy rejects short
  # or low-entropy keys).
  local key
  key=$("$PY" -c 'from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())')
  DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$key ALLOWED_HOSTS=portal.example.org \
    "$PY" site/manage.py check --deploy --fail-level WARNING
}

# clamd in a directory of its own (not var/clamav/, which a `make run` may be using), removed at
# exit like the PostgreSQL server of scripts/with-postgres.sh.
start_clamd() {
  "$root/scripts/apt-ensure.sh" /usr/sbin/clamd=clamav-daemon /usr/bin/sigtool=clamav &&
    scripts/clamav.sh start
}
stop_clamd() {
  trap '' INT TERM
  scripts/clamav.sh stop
  rm -rf "$CLAMAV_DIR"
}
mkdir -p "$root/var"
CLAMAV_DIR=$(mktemp -d "$root/var/clamav.XXXXXX")
export CLAMAV_DIR
trap stop_clamd EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

total_start=$SECONDS
pass "clamd (EICAR signature only)" start_clamd
# Set even if clamd failed to start: the upload tests then fail instead of skipping, and
# PORTAL_REQUIRE_CLAMD makes tests/send/test_uploads.py fail should the socket ever be unset.
eval "$(scripts/clamav.sh env)"
export PORTAL_REQUIRE_CLAMD=1
pass "lint + migrations check" lint
# The browser tests run in a process of their own: they need DJANGO_ALLOW_ASYNC_UNSAFE (see
# RECIPES.md), which must not leak into the other tests (e.g. `check --deploy` rejects it), and
# each xdist worker would otherwise start its own live server and Chromium. Much of their time
# is spent waiting on Chromium, so they run beside the SQLite and PostgreSQL passes, in a var
# directory of their own (the other tests count the files stored under var/media).
e2e_var=$(mktemp -d "$root/var/e2e.XXXXXX")
beside "sqlite (e2e, browser)" env PORTAL_VAR_DIR="$e2e_var" "${PYTEST[@]}" -m e2e
pass "sqlite (not e2e)" "${PYTEST[@]}" -m "not e2e" "${xdist[@]}"
pass "postgresql (not e2e)" postgres_pytest -m "not e2e" "${xdist[@]}"
collect_beside
rm -rf "$e2e_var"
# The scale-out pass waits on its services much of the time too (task clusters handing work
# out again, emailed codes, the load test's think time): it runs beside the plugin passes. Its
# load test asserts no errors and no lost submissions, which hold on a busy machine; only
# `make loadtest` holds p95 to a limit.
beside "scale-out (production stack)" scripts/scaleout.sh pass
pass "core, plugins send,gdpr,messaging" env PORTAL_PLUGINS=plugins.send,plugins.gdpr,plugins.messaging \
  "${PYTEST[@]}" tests/core -m "not e2e" "${xdist[@]}"
pass "core + accounts, no plugins" env PORTAL_PLUGINS= \
  "${PYTEST[@]}" tests/core tests/accounts -m "not e2e" "${xdist[@]}"
pass "send without gdpr" env PORTAL_PLUGINS=plugins.send \
  "${PYTEST[@]}" tests/send -m "not e2e" "${xdist[@]}"
pass "gdpr without send" env PORTAL_PLUGINS=plugins.gdpr \
  "${PYTEST[@]}" tests/gdpr -m "not e2e" "${xdist[@]}"
pass "deploy check (production)" deploy_check
collect_beside

echo
echo "==> Summary"
printf '    %s\n' "${results[@]}"
printf '    %-34s %4ds\n' "total" $((SECONDS - total_start))
if [ "$failed" -ne 0 ]; then
  echo "make test: FAILED"
  exit 1
fi
echo "make test: all passes ok"

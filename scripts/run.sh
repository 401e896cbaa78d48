#!/usr/bin/env bash
# The foreground part of `make run`: prepares the database, then serves the portal and runs the
# task worker side by side until Ctrl-C, which stops both (and the local clamd, when this script
# started one). The Makefile has already installed the Python and npm dependencies, built the
# themes and compiled the Welsh messages.
#
# It serves like production: DEBUG off, static files collected into var/static/ and served by
# WhiteNoise, the themed error pages. `DEBUG=1 make run` gives Django's debug pages instead.
#
# Environment: HOST (default 127.0.0.1), PORT (default 8000), DEBUG, and everything the settings
# read (DATABASE_URL, REDIS_URL, PORTAL_PLUGINS, PORTAL_THEME, ...; see README.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
PY="$root/.venv/bin/python"
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
base_url="http://$HOST:$PORT"
# Links in emails and in the Wagtail admin point at the address we actually serve on.
export PORTAL_BASE_URL=${PORTAL_BASE_URL:-$base_url}
# With DEBUG off Django answers only the host names it is told: by default the loopback names
# and HOST (with HOST=0.0.0.0, give the names the portal is reached by in ALLOWED_HOSTS).
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost,$HOST}

# Both are idempotent, so `make run` can be repeated on the same database.
"$PY" site/manage.py migrate --noinput
"$PY" site/manage.py load_demo
# Only new or changed files are copied, so this is quick after the first run.
"$PY" site/manage.py collectstatic --noinput --verbosity 0

# Uploads are scanned for viruses: unless a clamd is configured (PORTAL_CLAMD_SOCKET or
# PORTAL_CLAMD_HOST), install ClamAV when missing and start a local clamd (scripts/clamav.sh)
# whose database holds the EICAR test signature. Its settings are exported, so the web server
# and the task worker both scan with it. If it cannot start, the banner says why, and uploads
# are refused with "We could not check your file for viruses".
clamd_started=0
if [ -n "${PORTAL_CLAMD_SOCKET:-}${PORTAL_CLAMD_HOST:-}" ]; then
  scanner="clamd at ${PORTAL_CLAMD_SOCKET:-$PORTAL_CLAMD_HOST:${PORTAL_CLAMD_PORT:-3310}}"
elif ! scripts/apt-ensure.sh /usr/sbin/clamd=clamav-daemon /usr/bin/sigtool=clamav; then
  scanner="NONE: uploads are refused, ClamAV could not be installed (see the messages above)"
elif why=$(scripts/clamav.sh start 2>&1 >/dev/null); then
  eval "$(scripts/clamav.sh env)"
  clamd_started=1
  scanner="clamd at $PORTAL_CLAMD_SOCKET with $(scripts/clamav.sh signatures)"
else
  scanner="NONE: uploads are refused, clamd could not start:
$(printf '%s\n' "$why" | tail -n 8 | sed 's/^/                     /')"
fi
case ${DEBUG:-} in
  1 | [Tt]rue | [Yy]es | [Oo]n)
    serving="DEBUG on: Django's debug pages, runserver serves the static files" ;;
  *) serving="as in production: DEBUG off, static files by WhiteNoise (DEBUG=1 for debugging)" ;;
esac

cat <<INFO

  Portal (English)   $base_url/
  Portal (Welsh)     $base_url/cy/
  Admin              $base_url/admin/
  Email outbox       $root/var/outbox/  (every email the portal sends is an .eml file here)
  Demo sign-ins      listed above (email / password, then the secret question and its answer)
  API                $base_url/api/v1/docs/  (the demo case system's token is listed above)
  Virus scanner      $scanner
  Serving            $serving

  Serving with the task worker (django-q2). Press Ctrl-C to stop both.

INFO

pids=()
stop() {
  # Runs once, on Ctrl-C, on TERM, or when either process exits on its own.
  trap '' INT TERM
  trap - EXIT
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  # Give the worker a moment to finish its current task, then make sure nothing is left over:
  # each process leads its own process group, so the group kill also takes the worker's
  # child processes.
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ "$clamd_started" -eq 1 ]; then
    scripts/clamav.sh stop
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM HUP
trap 'stop' EXIT

# setsid: each process gets its own process group, so that stop() can end it with all of its
# children (django-q2 forks a sentinel, a monitor and workers). A side effect is that Ctrl-C no
# longer reaches them directly; the INT trap above forwards it as TERM instead.
setsid "$PY" site/manage.py qcluster &
pids+=($!)
# --noreload: the autoreloader forks a second server process that would outlive a TERM to the
# first. With DEBUG on, runserver serves the static files itself; otherwise WhiteNoise does.
setsid "$PY" site/manage.py runserver "$HOST:$PORT" --noreload &
pids+=($!)

# Whichever ends first (a crash, or the port being taken) ends the other one too.
set +e
wait -n "${pids[@]}"
status=$?
set -e
echo "A process stopped (exit $status); stopping the other." >&2
stop
exit "$status"

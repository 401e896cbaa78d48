#!/usr/bin/env bash
# The portal run as production runs it, on one machine, and proven there (issue 17):
#   PostgreSQL (scripts/with-postgres.sh, also the task queue), Redis (the cache), media in an S3
#   bucket (moto's server mode standing in for the council's S3 or MinIO), clamd
#   (scripts/clamav.sh), TWO gunicorn web servers on two ports and TWO django-q2 clusters, all on
#   portal.settings.production with DEBUG off. No process keeps state of its own: the journeys
#   alternate between the two web servers on every request.
#
# Usage: scripts/scaleout.sh [pass|loadtest|serve]
#   pass      (default; the scale-out pass of `make test`) the smoke journey
#             (tests/scaleout/smoke.py), the fault checks (tests/scaleout/faults.py), then a
#             LOADTEST_USERS (50) user load test, measured for LOADTEST_SECONDS (60) seconds
#             from when every user has signed in
#   loadtest  (`make loadtest`) only the load test: 200 users, 300 seconds by default
#   serve     start the stack, print its addresses and wait for Ctrl-C (to explore or debug)
# The load test (bench/loadtest/locustfile.py) fails unless no request failed and every
# submission the simulated users made is in the database exactly once; `loadtest` also fails
# unless p95 < 500 ms (the pass prints its percentiles: CI machines vary too much to hold them).
#
# Everything runs under var/scaleout.XXXXXX/ and every process started here is stopped at exit,
# also on failure or Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=${1:-pass}
case $mode in
  pass | loadtest | serve) ;;
  *)
    echo "Usage: $0 [pass|loadtest|serve]" >&2
    exit 2
    ;;
esac

# The PostgreSQL server is a throw-away one from with-postgres.sh, which runs this script again
# with DATABASE_URL set (a DATABASE_URL given by the caller is used as it is).
if [ -z "${DATABASE_URL:-}" ]; then
  exec scripts/with-postgres.sh "$0" "$@"
fi

PY="$root/.venv/bin/python"
if [ "$mode" = loadtest ]; then
  # Parents pause 5-15 s between the steps of a form as between pages, so one form takes
  # about three minutes: 300 s of steady state sees each parent finish one or more.
  users=${LOADTEST_USERS:-200} seconds=${LOADTEST_SECONDS:-300}
else
  users=${LOADTEST_USERS:-50} seconds=${LOADTEST_SECONDS:-60}
  # The pass checks errors and losses, not latency: 1-3 s between steps lets its 60 seconds
  # see forms submitted (at about three times the request rate a parent makes).
  export LOADTEST_STEP_PAUSE=${LOADTEST_STEP_PAUSE:-1-3}
fi
"$root/scripts/apt-ensure.sh" /usr/bin/redis-server=redis-server \
  /usr/sbin/clamd=clamav-daemon /usr/bin/sigtool=clamav

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

mkdir -p "$root/var"
mkdir -p "$root/var"
SCALEOUT_DIR=$(mktemp -d "$root/var/scaleout.XXXXXX")
mkdir -p "$SCALEOUT_DIR/pids" "$SCALEOUT_DIR/logs"
export SCALEOUT_DIR

# Every long-running process is started by start_service, in a process group of its own
# (setsid), its id in pids/NAME.pid; stop_services ends each group. The fault checks stop and
# restart services through the same pid files.
start_service() {
  local name=$1
  shift
  setsid "$@" >>"$SCALEOUT_DIR/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$SCALEOUT_DIR/pids/$name.pid"
  # Ended through the pid files, never waited for: no "Killed" notices from the fault checks.
  disown
}

stop_services() {
  local file pid
  for file in "$SCALEOUT_DIR"/pids/*.pid; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for _ in $(seq 50); do
    local alive=0
    for file in "$SCALEOUT_DIR"/pids/*.pid; do
      [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null && alive=1
    done
    [ "$alive" -eq 0 ] && break
    sleep 0.2
  done
  for file in "$SCALEOUT_DIR"/pids/*.pid; do
    [ -f "$file" ] && kill -KILL -- "-$(cat "$file")" 2>/dev/null || true
  done
}

cleanup() {
  local status=$?
  trap '' INT TERM
  stop_services
  CLAMAV_DIR="$SCALEOUT_DIR/clamav" scripts/clamav.sh stop || true
  if [ "$status" -ne 0 ]; then
    echo "==> The end of each service's log (all in ${SCALEOUT_DIR#"$root"/}/logs/):" >&2
    tail -n 15 "$SCALEOUT_DIR"/logs/*.log >&2 2>/dev/null || true
  fi
  rm -rf "$SCALEOUT_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Production settings, every value from the environment as docs/deploy.md lists them. TLS ends
# at the proxy in production: the journeys send X-Forwarded-Proto: https as that proxy would.
export DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY=$("$PY" -c 'from django.core.management.utils import get_random_secret_key as k; print(k())')
export SECRET_KEY
export PORTAL_VAR_DIR="$SCALEOUT_DIR/var"
export ALLOWED_HOSTS=127.0.0.1,localhost
export EMAIL_BACKEND=core.mail.OutboxEmailBackend
export LOG_LEVEL=WARNING
export PYTHONPATH="$root/site:$root"
export PYTHONDONTWRITEBYTECODE=1
unset PORTAL_PLUGINS DJANGO_ALLOW_ASYNC_UNSAFE PORTAL_VIRUS_SCANNER

redis_port=$(free_port)
export REDIS_PORT=$redis_port
export REDIS_URL="redis://127.0.0.1:$redis_port/0"
start_service redis redis-server --port "$redis_port" --bind 127.0.0.1 --save "" \
  --appendonly no --dir "$SCALEOUT_DIR"

s3_port=$(free_port)
export AWS_ACCESS_KEY_ID=scaleout AWS_SECRET_ACCESS_KEY=scaleout-secret
export AWS_S3_REGION_NAME=eu-west-2 AWS_DEFAULT_REGION=eu-west-2
export AWS_S3_ENDPOINT_URL="http://127.0.0.1:$s3_port"
export AWS_STORAGE_BUCKET_NAME=portal-media
start_service s3 "$root/.venv/bin/moto_server" -H 127.0.0.1 -p "$s3_port"

export CLAMAV_DIR="$SCALEOUT_DIR/clamav"
scripts/clamav.sh start >/dev/null
eval "$(scripts/clamav.sh env)"

# Both web servers and both clusters, started again in the same way by the fault checks.
web_ports=("$(free_port)" "$(free_port)")
export SCALEOUT_URLS="http://127.0.0.1:${web_ports[0]},http://127.0.0.1:${web_ports[1]}"
export PORTAL_BASE_URL="https://127.0.0.1:${web_ports[0]}"
export Q_WORKERS=2
if [ "$mode" = pass ]; then
  # Shorter than production's defaults so the fault checks see a killed cluster's task handed
  # out again (after Q_RETRY) and a killed webhook attempt's lease end (timeout + 30 s) within a
  # minute. `make loadtest` keeps the defaults: on saturated cores a task can wait in a cluster
  # longer than 45 s, and would then be handed out a second time.
  export Q_TIMEOUT=30 Q_RETRY=45 PORTAL_WEBHOOK_TIMEOUT=5
fi
export SCALEOUT_QCLUSTER="$PY site/manage.py qcluster"

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 150); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "$what did not start" >&2
  return 1
}
wait_for Redis "redis-cli -p $redis_port ping"
wait_for "The S3 server" "curl -fsS $AWS_S3_ENDPOINT_URL/moto-api/"
"$PY" -c 'import boto3, os; boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"]).create_bucket(Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"], CreateBucketConfiguration={"LocationConstraint": os.environ["AWS_S3_REGION_NAME"]})'

echo "==> Preparing the database, the demo council and the load test's parents"
# collectstatic needs no database: it runs beside the migrations.
"$PY" site/manage.py collectstatic --noinput --verbosity 0 &
collecting=$!
"$PY" site/manage.py migrate --noinput >"$SCALEOUT_DIR/logs/migrate.log"
wait "$collecting"
"$PY" site/manage.py load_demo >"$SCALEOUT_DIR/logs/load_demo.log"
"$PY" site/manage.py load_test_parents --count "$users" \
  --password-file "$SCALEOUT_DIR/parents.password"
export SCALEOUT_PASSWORD_FILE="$SCALEOUT_DIR/parents.password"

for i in 0 1; do
  # gthread workers: a request waiting for PostgreSQL or S3 does not hold a whole process.
  # Idle connections are kept longer than a proxy keeps its own (60 s for nginx and most
  # load balancers), so the proxy never sends a request on a connection gunicorn is closing.
  start_service "web$((i + 1))" "$root/.venv/bin/gunicorn" portal.wsgi --chdir site \
    --bind "127.0.0.1:${web_ports[$i]}" --workers 2 --threads 8 --worker-class gthread \
    --timeout 60 --graceful-timeout 5 --keep-alive 75
  start_service "qcluster$((i + 1))" $SCALEOUT_QCLUSTER
done
for i in 0 1; do
  wait_for "Web server $((i + 1))" "curl -fsS -o /dev/null -H 'X-Forwarded-Proto: https' http://127.0.0.1:${web_ports[$i]}/health/"
done
echo "==> Serving after ${SECONDS}s on ${SCALEOUT_URLS}; Redis :$redis_port, S3 :$s3_port, clamd $PORTAL_CLAMD_SOCKET"

case $mode in
  pass)
    "$PY" -m tests.scaleout.smoke
    "$PY" -m tests.scaleout.faults
    "$PY" bench/loadtest/run.py --users "$users" --seconds "$seconds"
    ;;
  loadtest) "$PY" bench/loadtest/run.py --users "$users" --seconds "$seconds" --p95-limit-ms 500 ;;
  serve)
    echo "    (the environment to use it: $SCALEOUT_DIR/env; Ctrl-C stops everything)"
    export -p >"$SCALEOUT_DIR/env"
    sleep infinity &
    wait $!
    ;;
esac

#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on loopback, then removes the server.
#
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
#   The command sees DATABASE_URL=postgres://postgres@127.0.0.1:<port>/portal (and PORTAL_PG_BIN,
#   PORTAL_PG_DATA: the server's binaries and data directory); its exit code is ours.
#
# Follows RECIPES.md "PostgreSQL started by a script running as root": initdb refuses to run as
# root, so the cluster belongs to the `postgres` user (created by the Debian package). Trust
# authentication is safe here because the server only listens on 127.0.0.1 and its socket
# directory is private to the cluster, and the whole cluster is deleted afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# The Debian `postgresql` package brings the server binaries and the `postgres` user.
"$root/scripts/apt-ensure.sh" '/usr/lib/postgresql/*/bin/initdb=postgresql'
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    # Not root: run the server as ourselves (initdb only refuses root).
    "$@"
  fi
}

# A fresh directory under var/ per run, so that parallel or crashed runs never collide.
mkdir -p "$root/var"
BASE=$(mktemp -d "$root/var/pg.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$BASE"
  # var/ itself may be private to root (mode 700): the postgres user must be able to reach $BASE.
  chmod o+x "$root/var"
fi
chmod 700 "$BASE"

# A free port, chosen by the kernel: bind to port 0 and read back what we got.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

started=0
cleanup() {
  # Runs on any exit (success, failure, Ctrl-C): stop the server, then delete its files.
  # A second Ctrl-C or TERM must not cut the clean-up short and leave a server running.
  trap '' INT TERM
  if [ "$started" -eq 1 ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$BASE/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$BASE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_postgres "$PGBIN/initdb" -D "$BASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  --no-sync -N >"$BASE/initdb.log" || { cat "$BASE/initdb.log" >&2; exit 1; }
started=1
as_postgres "$PGBIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $BASE -c fsync=off" start >/dev/null \
  || { cat "$BASE/server.log" >&2; exit 1; }
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres portal

echo "==> PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in ${BASE#"$root"/})"
# Not `exec`: the trap must still run after the command to stop the server. The command runs in
# the foreground so that Ctrl-C reaches it directly (bash makes background jobs ignore SIGINT);
# a TERM sent to this script alone takes effect when the command returns.
set +e
# PORTAL_PG_BIN and PORTAL_PG_DATA let the scale-out pass restart this server (a fault test).
DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/portal" PORTAL_PG_BIN=$PGBIN \
  PORTAL_PG_DATA="$BASE/data" "$@"
status=$?
set -e
exit "$status"

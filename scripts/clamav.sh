#!/usr/bin/env bash
# A local clamd for `make test` and `make run`, following RECIPES.md "ClamAV without internet":
# the official signature downloads are not reachable, so its database holds only the EICAR test
# signature. That is enough to prove the portal's scanning path end to end; production points the
# portal at the council's own clamd (PORTAL_CLAMD_SOCKET or PORTAL_CLAMD_HOST/PORTAL_CLAMD_PORT).
#
# Usage: scripts/clamav.sh start|stop|env|signatures
#   start       sets up $CLAMAV_DIR (default var/clamav/), starts clamd there unless it is already
#               running, waits until it answers PING, and prints the socket path
#   stop        stops the clamd started in $CLAMAV_DIR, by the process id recorded at start
#   env         prints the portal's settings for this clamd, for `eval "$(scripts/clamav.sh env)"`
#   signatures  says which signatures the database holds, for the `make run` banner: the number
#               and names of the signatures in text databases (*.hdb, ...), and the name of each
#               other database file (e.g. main.cvd, when a council copies the official ones in)
#
# clamd listens on a Unix socket and on a free loopback TCP port, so that both ways of reaching
# it are tested. CLAMAV_STREAM_MAX (default 20M) is the largest file clamd accepts: it must stay
# above the portal's upload limit (Portal configuration, 10 MB by default) with a margin; larger
# uploads are refused as "could not check" (the portal fails closed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CLAMAV_DIR:-$root/var/clamav}
stream_max=${CLAMAV_STREAM_MAX:-20M}
socket=$dir/clamd.sock
pidfile=$dir/clamd.pid
conf=$dir/clamd.conf
clamd=$(command -v clamd || echo /usr/sbin/clamd)
sigtool=$(command -v sigtool || echo /usr/bin/sigtool)

# Whether clamd answers on the socket (the protocol's "zPING\0" -> "PONG\0").
answers_ping() {
  python3 - "$socket" <<'PY'
import socket, sys
try:
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(1)
        s.connect(sys.argv[1])
        s.sendall(b"zPING\0")
        sys.exit(0 if s.recv(16) == b"PONG\0" else 1)
except OSError:
    sys.exit(1)
PY
}

recorded_pid() {
  [ -f "$pidfile" ] && cat "$pidfile"
}

running() {
  local pid
  pid=$(recorded_pid) && kill -0 "$pid" 2>/dev/null
}

write_database() {
  mkdir -p "$dir/db" "$dir/tmp"
  # The EICAR test string is built from two halves, so that no file in the repository holds it
  # (virus scanners of the repository itself would flag it). The file lives only long enough
  # for sigtool to hash it.
  local eicar=$dir/tmp/eicar.txt
  printf '%s%s' 'X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR' '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*' >"$eicar"
  # sigtool writes hash:size:file name; the name becomes the signature name clamd reports.
  "$sigtool" --md5 "$eicar" | cut -d: -f1,2 | sed 's/$/:Eicar-Test-Signature/' >"$dir/db/eicar.hdb"
  rm -f "$eicar"
}

write_config() {
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # AlertExceedsMax: a file beyond clamd's scan limits is reported as FOUND instead of being
  # passed unscanned as OK.
  cat >"$conf" <<CONF
LocalSocket $socket
LocalSocketMode 600
TCPSocket $port
TCPAddr 127.0.0.1
DatabaseDirectory $dir/db
TemporaryDirectory $dir/tmp
Foreground yes
LogFile $dir/clamd.log
LogTime yes
StreamMaxLength $stream_max
MaxFileSize $stream_max
AlertExceedsMax yes
CONF
}

start() {
  if running && answers_ping; then
    echo "$socket"
    return
  fi
  [ -x "$clamd" ] && [ -x "$sigtool" ] || {
    echo "clamd is not installed (apt-get install clamav-daemon)." >&2
    exit 1
  }
  mkdir -p "$dir"
  write_database
  write_config
  rm -f "$socket"
  # setsid: clamd outlives this script and is not hit by a Ctrl-C meant for its caller; the
  # caller stops it with `stop`.
  setsid "$clamd" -c "$conf" >>"$dir/clamd.out" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 300); do
    if answers_ping; then
      echo "$socket"
      return
    fi
    running || break
    sleep 0.1
  done
  echo "clamd did not start; the end of its log:" >&2
  tail -n 20 "$dir/clamd.out" "$dir/clamd.log" >&2 2>/dev/null || true
  stop
  exit 1
}

stop() {
  local pid
  pid=$(recorded_pid) || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile" "$socket"
}

print_env() {
  local port
  port=$(awk '$1 == "TCPSocket" {print $2}' "$conf" 2>/dev/null || true)
  echo "export PORTAL_CLAMD_SOCKET=$socket"
  if [ -n "$port" ]; then
    echo "export PORTAL_CLAMD_HOST=127.0.0.1"
    echo "export PORTAL_CLAMD_PORT=$port"
  fi
}

describe_signatures() {
  local file names=() others=() count=0
  for file in "$dir"/db/*; do
    [ -f "$file" ] || continue
    case $file in
      *.hdb | *.hsb | *.mdb | *.msb | *.ndb | *.ldb)
        # Each line is one signature whose name is the last colon-separated field (hash
        # databases) or the first (body and logical signatures).
        count=$((count + $(grep -c . "$file")))
        case $file in
          *.ndb | *.ldb) mapfile -t -O "${#names[@]}" names < <(cut -d: -f1 "$file") ;;
          *) mapfile -t -O "${#names[@]}" names < <(awk -F: '{print $NF}' "$file") ;;
        esac
        ;;
      *) others+=("$(basename "$file")") ;;
    esac
  done
  local text=""
  if [ "$count" -gt 0 ]; then
    local plural=s
    [ "$count" -eq 1 ] && plural=
    text="$count signature$plural ($(printf '%s\n' "${names[@]}" | sort -u | paste -sd, - | sed 's/,/, /g'))"
  fi
  if [ ${#others[@]} -gt 0 ]; then
    text+="${text:+ and }the databases ${others[*]}"
  fi
  echo "${text:-no signatures} in $dir/db"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  signatures) describe_signatures ;;
  *)
    echo "Usage: $0 start|stop|env|signatures" >&2
    exit 2
    ;;
esac

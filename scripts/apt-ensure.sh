#!/usr/bin/env bash
# Installs Debian packages only when the file they provide is missing, so that `make run` and
# `make test` work on a fresh machine and cost nothing on the second run.
#
# Usage: scripts/apt-ensure.sh PATH=PACKAGE [PATH=PACKAGE ...]
#   e.g. scripts/apt-ensure.sh /usr/bin/msgfmt=gettext /usr/bin/chromium=chromium
#   An empty PATH ("=python3-venv") installs the package unconditionally, for callers that
#   already know it is missing.
#
# `apt-get update` runs only when something has to be installed (it is the slow part, and the
# package lists may be stale on a fresh machine, which makes `apt-get install` fail).
#
# Every apt-get call waits up to APT_LOCK_TIMEOUT seconds (default 300) for the package
# manager's lock instead of failing at once, so a machine busy with another install (unattended
# upgrades on a fresh server, a second `make` in another terminal) only delays the run.
set -euo pipefail

missing=()
for pair in "$@"; do
  path=${pair%%=*}
  package=${pair#*=}
  # A glob lets callers ask for "any installed PostgreSQL server" (/usr/lib/postgresql/*/bin/initdb).
  if [ -z "$path" ] || ! compgen -G "$path" >/dev/null; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "==> Installing system packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
apt=("${sudo[@]}" apt-get -o "DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT:-300}")
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq "${missing[@]}"

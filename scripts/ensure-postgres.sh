#!/usr/bin/env bash
# The server tests start a throw-away PostgreSQL 15 (packages/server/test/globalSetup.ts). Make sure
# its binaries exist: install Debian's `postgresql` package when missing and we may (root + apt-get).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ -x "$PG_BIN/postgres" ]; then
  echo "PostgreSQL found in $PG_BIN"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL 15 is missing from $PG_BIN and cannot be installed here (needs root and apt-get)." >&2
  echo "Install it (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN to its bin folder." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh container often has no package lists yet: update only when the first try fails.
apt-get install -y --no-install-recommends postgresql || { apt-get update && apt-get install -y --no-install-recommends postgresql; }
if [ ! -x "$PG_BIN/postgres" ]; then
  echo "postgresql installed, but not version 15 in $PG_BIN; set PG_BIN to the installed bin folder." >&2
  ls -d /usr/lib/postgresql/*/bin >&2 || true
  exit 1
fi

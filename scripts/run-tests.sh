#!/usr/bin/env bash
# The whole suite on SQLite, then again on PostgreSQL when one is reachable: DATABASE_URL if
# set, else a throw-away cluster started with Debian's pg_ctl in a temp folder. With
# REQUIRE_POSTGRES=1 (CI) a missing PostgreSQL fails the run instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PYTEST=("$BIN/pytest" -q -p no:randomly "$@")

echo "== Test suite on SQLite"
env -u DATABASE_URL "${PYTEST[@]}"

pg_url="${DATABASE_URL:-}"
cleanup() { :; }
if [ -z "$pg_url" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$pg_bin" ] && [ "$(id -u)" != 0 ]; then
    tmp=$(mktemp -d)
    "$pg_bin/initdb" -D "$tmp/data" -U postgres -A trust >/dev/null
    "$pg_bin/pg_ctl" -D "$tmp/data" -o "-k $tmp -c listen_addresses='' -p 54329" -l "$tmp/log" -w start >/dev/null
    cleanup() { "$pg_bin/pg_ctl" -D "$tmp/data" -m fast stop >/dev/null; rm -rf "$tmp"; }
    trap cleanup EXIT
    pg_url="postgres://postgres@/postgres?host=$tmp&port=54329"
  fi
fi

if [ -z "$pg_url" ]; then
  if [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
    echo "PostgreSQL is required (REQUIRE_POSTGRES=1) but none is reachable" >&2
    exit 1
  fi
  echo "== PostgreSQL not reachable: its run is skipped (set DATABASE_URL to run it)"
  exit 0
fi

echo "== Test suite on PostgreSQL"
DATABASE_URL="$pg_url" "${PYTEST[@]}"

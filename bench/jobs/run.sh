#!/usr/bin/env bash
# The job queue's claim rate: `campaignd jobs bench` queues JOBS `noop` jobs and runs them with two
# in-process workers of four threads each (each claim is one FOR UPDATE SKIP LOCKED statement and each
# completion another), against a throwaway PostgreSQL cluster (fsync off), or DATABASE_URL when set.
# Usage: bench/jobs/run.sh [JOBS]    (default 20000; CONFIGURATION=debug skips the release build)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jobs="${1:-20000}"
configuration="${CONFIGURATION:-release}"
cd "$root"
swift build -c "$configuration" --product campaignd >&2
campaignd="$(swift build -c "$configuration" --show-bin-path)/campaignd"

if [ -z "${DATABASE_URL:-}" ]; then
  work="$(mktemp -d)"
  chmod 755 "$work"
  trap 'scripts/pg-cluster.sh stop "$work/data" immediate >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  scripts/pg-cluster.sh start "$work/data" "$work/socket" throwaway
  psql -q "postgresql:///postgres?host=$work/socket&user=postgres" -c "CREATE DATABASE bench"
  export DATABASE_URL="postgresql:///bench?host=$work/socket&user=postgres"
fi
CAMPAIGND_MIGRATIONS="$root/schema/migrations" "$campaignd" migrate >&2
"$campaignd" jobs bench --jobs "$jobs" --workers 2 --threads 4

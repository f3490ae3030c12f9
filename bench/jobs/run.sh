#!/usr/bin/env bash
# Benchmarks of the background jobs, against a throwaway PostgreSQL cluster (fsync off), or DATABASE_URL
# when set:
#  1. the queue's claim rate: `campaignd jobs bench` queues JOBS `noop` jobs and runs them with two
#     in-process workers of four threads each (a claim is one FOR UPDATE SKIP LOCKED statement, a
#     completion another);
#  2. the metrics sync of CAMPAIGNS live campaigns (half Google Ads, half Meta) against the platform
#     simulator behind a throwaway nginx: `campaignd jobs bench-sync` times a full sync and a re-run.
# Usage: bench/jobs/run.sh [JOBS] [CAMPAIGNS]   (defaults 20000 and 10000; CONFIGURATION=debug skips
# the release build; CAMPAIGNS=0 skips the sync)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jobs="${1:-20000}"
campaigns="${2:-10000}"
configuration="${CONFIGURATION:-release}"
cd "$root"
swift build -c "$configuration" --product campaignd >&2
campaignd="$(swift build -c "$configuration" --show-bin-path)/campaignd"

work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -d "$work/data" ] && scripts/pg-cluster.sh stop "$work/data" immediate >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  scripts/pg-cluster.sh start "$work/data" "$work/socket" throwaway
  psql -q "postgresql:///postgres?host=$work/socket&user=postgres" -c "CREATE DATABASE bench"
  export DATABASE_URL="postgresql:///bench?host=$work/socket&user=postgres"
fi
CAMPAIGND_MIGRATIONS="$root/schema/migrations" "$campaignd" migrate >&2
# Baseline of the same run: what this database does with the simplest work, read-only primary-key
# lookups from 8 clients (pgbench -S), next to the claim rate (a claim and a completion are two writes).
pgbench -q -i -s 1 "$DATABASE_URL" >/dev/null 2>&1
baseline=$(pgbench -n -S -M prepared -c 8 -j 2 -T 5 "$DATABASE_URL" 2>/dev/null | awk '/^tps/ { print $3; exit }')
echo "baseline: pgbench -S with 8 clients, $baseline transactions/s"
"$campaignd" jobs bench --jobs "$jobs" --workers 2 --threads 4

[ "$campaigns" -gt 0 ] || exit 0
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/run"
chmod 755 "$work/run"
CAMPAIGND_SIMULATOR_SOCKET="$work/run/simulator.sock" "$campaignd" simulate 2>"$work/simulator.log" &
pids+=($!)
scripts/nginx-conf.sh "127.0.0.1:$port" "$work/run/none.sock" "$work/run/nginx" "$work/run/simulator.sock" > "$work/run/nginx.conf"
nginx -p "$work/run/nginx" -c "$work/run/nginx.conf" -g 'daemon off;' 2>"$work/nginx.log" &
pids+=($!)
for _ in $(seq 1 100); do
  [ -S "$work/run/simulator.sock" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  sleep 0.1
done
CAMPAIGND_TOKEN_KEY="bench-token-key-0123456789" CAMPAIGND_SIMULATOR_URL="http://127.0.0.1:$port/simulator" \
  "$campaignd" jobs bench-sync --campaigns "$campaigns"

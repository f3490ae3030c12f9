#!/usr/bin/env bash
# `make run`: builds, starts PostgreSQL (private cluster under .local/ unless DATABASE_URL is set),
# migrates, creates the demo organization, and serves the API and pages through nginx on
# 127.0.0.1:${PORT:-8080} until Ctrl-C or SIGTERM, which stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-8080}
local_dir="$root/.local"
run_dir="$local_dir/run"
mkdir -p "$run_dir"
chmod 755 "$local_dir" "$run_dir"

scripts/install-deps.sh
swift build -c release --product campaignd
bin="$(swift build -c release --show-bin-path)/campaignd"

pids=()
private_cluster=""
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$private_cluster" ]; then scripts/pg-cluster.sh stop "$private_cluster" || true; fi
  echo "stopped"
}
trap cleanup EXIT
# Ctrl-C and SIGTERM are the normal way to stop: clean up and exit 0.
trap 'cleanup; exit 0' INT TERM

if [ -z "${DATABASE_URL:-}" ]; then
  private_cluster="$local_dir/postgres"
  scripts/pg-cluster.sh start "$private_cluster" "$local_dir/pg-socket"
  psql_url="postgresql:///postgres?host=$local_dir/pg-socket&user=postgres"
  if ! psql -qtA "$psql_url" -c "SELECT 1 FROM pg_database WHERE datname = 'campaignd'" | grep -q 1; then
    psql -q "$psql_url" -c "CREATE DATABASE campaignd"
  fi
  export DATABASE_URL="postgresql:///campaignd?host=$local_dir/pg-socket&user=postgres"
fi

# The key that encrypts OAuth tokens at rest: made once, kept outside the database.
if [ ! -s "$local_dir/token-key" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 > "$local_dir/token-key")
fi
export CAMPAIGND_TOKEN_KEY="$(cat "$local_dir/token-key")"
export CAMPAIGND_SIMULATOR_URL="http://127.0.0.1:$port/simulator"

"$bin" migrate
if [ ! -s "$local_dir/demo-api-key" ]; then
  "$bin" organizations create --name "Tasty Chips Co." --key-file "$local_dir/demo-api-key" >/dev/null
fi

export CAMPAIGND_SOCKET="$run_dir/campaignd.sock"
export CAMPAIGND_SIMULATOR_SOCKET="$run_dir/simulator.sock"
export CAMPAIGND_MEDIA_DIR="${CAMPAIGND_MEDIA_DIR:-$local_dir/media}"
mkdir -p "$CAMPAIGND_MEDIA_DIR"
chmod 755 "$CAMPAIGND_MEDIA_DIR"
# The simulated ad platforms keep what they were told across runs, as the real ones would.
CAMPAIGND_SIMULATOR_STATE="$local_dir/simulator-state.json" "$bin" simulate &
pids+=($!)
"$bin" serve &
pids+=($!)
# One worker beside the responder: jobs, and the periodic syncs (metrics every minute for the demo).
CAMPAIGND_SYNC_METRICS_INTERVAL="${CAMPAIGND_SYNC_METRICS_INTERVAL:-60}" "$bin" worker &
pids+=($!)
scripts/nginx-conf.sh "127.0.0.1:$port" "$CAMPAIGND_SOCKET" "$run_dir/nginx" "$CAMPAIGND_SIMULATOR_SOCKET" "$CAMPAIGND_MEDIA_DIR" > "$run_dir/nginx.conf"
nginx -p "$run_dir/nginx" -c "$run_dir/nginx.conf" -g 'daemon off;' &
pids+=($!)

for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
# The demo goes through the API like a customer: connect both simulated platforms, load the drafts, launch some.
scripts/demo-setup.py "http://127.0.0.1:$port" "$(cat "$local_dir/demo-api-key")" "$DATABASE_URL"
echo "demo organization \"Tasty Chips Co.\" API key: $(cat "$local_dir/demo-api-key")"
echo "serving http://127.0.0.1:$port/ (GraphQL at /graphql, health at /healthz, ad platform simulator at /simulator/); Ctrl-C stops"
wait -n "${pids[@]}"

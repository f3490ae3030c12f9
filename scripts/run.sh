#!/usr/bin/env bash
# `make run`: builds, starts PostgreSQL (private cluster under .local/ unless DATABASE_URL is set),
# migrates, creates the demo organization, and serves the API and pages through nginx on
# 127.0.0.1:${PORT:-8080} until Ctrl-C or SIGTERM, which stops everything it started, PostgreSQL included.
# It supervises what it starts: a responder, worker, simulator or nginx that dies is started again.
# The platform simulator listens on 127.0.0.1:${SIMULATOR_PORT:-PORT+1}, never on the API's port, and its
# control plane wants the secret in .local/simulator-secret.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-8080}
simulator_port=${SIMULATOR_PORT:-$((port + 1))}
local_dir="$root/.local"
run_dir="$local_dir/run"
mkdir -p "$run_dir"
chmod 755 "$local_dir" "$run_dir"

scripts/install-deps.sh
swift build -c release --product campaignd
bin="$(swift build -c release --show-bin-path)/campaignd"

declare -A pids=()
private_cluster=""
stopping=""
cleanup() {
  # Further signals are ignored while stopping: make passes its own SIGTERM on to this script, often after the
  # process group's, and a second one must not cut the cleanup short (PostgreSQL would be left running).
  trap '' INT TERM HUP
  trap - EXIT
  stopping=1
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$private_cluster" ]; then scripts/pg-cluster.sh stop "$private_cluster" || true; fi
  echo "stopped"
}
trap cleanup EXIT
# Ctrl-C, SIGTERM and a closed terminal are the normal ways to stop: clean up and exit 0.
trap 'cleanup; exit 0' INT TERM HUP

if [ -z "${DATABASE_URL:-}" ]; then
  private_cluster="$local_dir/postgres"
  scripts/pg-cluster.sh start "$private_cluster" "$local_dir/pg-socket"
  psql_url="postgresql:///postgres?host=$local_dir/pg-socket&user=postgres"
  if ! psql -qtA "$psql_url" -c "SELECT 1 FROM pg_database WHERE datname = 'campaignd'" | grep -q 1; then
    psql -q "$psql_url" -c "CREATE DATABASE campaignd"
  fi
  export DATABASE_URL="postgresql:///campaignd?host=$local_dir/pg-socket&user=postgres"
fi

# Secrets made once, kept outside the database and the repository: the key that encrypts OAuth tokens at rest,
# and the simulator's control-plane secret.
for secret in token-key simulator-secret; do
  if [ ! -s "$local_dir/$secret" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 > "$local_dir/$secret")
  fi
done
export CAMPAIGND_TOKEN_KEY="$(cat "$local_dir/token-key")"
export CAMPAIGND_SIMULATOR_SECRET="$(cat "$local_dir/simulator-secret")"
export CAMPAIGND_SIMULATOR_URL="http://127.0.0.1:$simulator_port/simulator"
export CAMPAIGND_PUBLIC_URL="${CAMPAIGND_PUBLIC_URL:-http://127.0.0.1:$port}"
# The redirect URIs registered with the simulated OAuth apps: the Studio's and the demo setup's.
export CAMPAIGND_SIMULATOR_REDIRECT_URIS="$CAMPAIGND_PUBLIC_URL/?connect=GOOGLE_ADS $CAMPAIGND_PUBLIC_URL/?connect=META_ADS http://127.0.0.1/oauth/callback"

"$bin" migrate
if [ ! -s "$local_dir/demo-api-key" ]; then
  "$bin" organizations create --name "Tasty Chips Co." --key-file "$local_dir/demo-api-key" >/dev/null
fi

export CAMPAIGND_SOCKET="$run_dir/campaignd.sock"
export CAMPAIGND_SIMULATOR_SOCKET="$run_dir/simulator.sock"
export CAMPAIGND_MEDIA_DIR="${CAMPAIGND_MEDIA_DIR:-$local_dir/media}"
mkdir -p "$CAMPAIGND_MEDIA_DIR"
chmod 755 "$CAMPAIGND_MEDIA_DIR"
SIMULATOR_LISTEN="127.0.0.1:$simulator_port" SIMULATOR_SOCKET="$CAMPAIGND_SIMULATOR_SOCKET" \
  scripts/nginx-conf.sh "127.0.0.1:$port" "$CAMPAIGND_SOCKET" "$run_dir/nginx" "$CAMPAIGND_MEDIA_DIR" > "$run_dir/nginx.conf"

# Each supervised service, by name. The simulated ad platforms keep what they were told across runs, as the
# real ones would; one worker runs beside the responder (jobs, and metrics syncs every minute for the demo).
start() {
  case "$1" in
    simulator) CAMPAIGND_SIMULATOR_STATE="$local_dir/simulator-state.json" "$bin" simulate & ;;
    responder) "$bin" serve & ;;
    worker) CAMPAIGND_SYNC_METRICS_INTERVAL="${CAMPAIGND_SYNC_METRICS_INTERVAL:-60}" "$bin" worker & ;;
    nginx) nginx -p "$run_dir/nginx" -c "$run_dir/nginx.conf" -g 'daemon off;' & ;;
  esac
  pids[$1]=$!
}
for service in simulator responder worker nginx; do start "$service"; done

for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
# The demo goes through the API like a customer: connect both simulated platforms, load the drafts, launch some.
scripts/demo-setup.py "http://127.0.0.1:$port" "$(cat "$local_dir/demo-api-key")" "$DATABASE_URL"
echo "demo organization \"Tasty Chips Co.\" API key: $(cat "$local_dir/demo-api-key")"
echo "serving http://127.0.0.1:$port/ (GraphQL at /graphql, health at /healthz and /readyz, metrics at /metrics from this machine)"
echo "ad platform simulator: $CAMPAIGND_SIMULATOR_URL (control plane: header X-Simulator-Secret from .local/simulator-secret); Ctrl-C stops"

# The supervisor: a service that exits is started again within a second, with a line saying so.
while [ -z "$stopping" ]; do
  for service in "${!pids[@]}"; do
    if ! kill -0 "${pids[$service]}" 2>/dev/null; then
      status=0
      wait "${pids[$service]}" 2>/dev/null || status=$?
      echo "make run: $service (pid ${pids[$service]}) exited with status $status; starting it again" >&2
      start "$service"
    fi
  done
  sleep 1 &
  wait $! || true
done

#!/usr/bin/env bash
# Requests per second through nginx, same run, same machine: a static page (the ceiling), /healthz (responder +
# one SELECT 1) and the nested campaigns query of issue 4 (responder + GraphQL + one statement per level).
#   bench/http/run.sh BASE_URL API_KEY        e.g. bench/http/run.sh http://127.0.0.1:8080 "$(cat .local/demo-api-key)"
# Needs wrk (Debian package). Prints one line per target and the ratios against the static page.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:?base URL required}
export CAMPAIGND_API_KEY=${2:?API key required}
duration=${DURATION:-10s}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

rate() { awk '/Requests\/sec/ { print $2 }'; }
static=$(wrk -t2 -c32 -d"$duration" "$base/index.html" | rate)
healthz=$(wrk -t2 -c32 -d"$duration" "$base/healthz" | rate)
graphql_output=$(wrk -t2 -c32 -d"$duration" -s "$here/graphql-post.lua" "$base/graphql")
graphql=$(echo "$graphql_output" | rate)
echo "$graphql_output" | grep "non-200" | sort -u
printf "%-40s %12s req/s\n" "static index.html" "$static" "/healthz" "$healthz" "campaigns(first: 20) nested query" "$graphql"
awk -v s="$static" -v h="$healthz" -v g="$graphql" 'BEGIN {
  printf "ratios: healthz/static %.2f, graphql/static %.2f, graphql/healthz %.2f\n", h / s, g / s, g / h }'

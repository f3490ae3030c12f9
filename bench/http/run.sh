#!/usr/bin/env bash
# Requests per second through nginx, side by side in one run on one machine (issue 14): the C libfcgi ceiling and
# the seed's Django + graphene stack from ../shared/peers, and this project's running stack, each answering
# `{ __typename }` and the nested `campaigns(first: 20|100)` query on the same data shape; prints the table and the
# ratios the issue sets goals for.
#   bench/http/run.sh BASE_URL API_KEY     e.g. bench/http/run.sh http://127.0.0.1:8080 "$(cat .local/demo-api-key)"
# Needs wrk and python3. PEERS points elsewhere than ../shared/peers; DURATION changes the 10 s per target.
# The project's organization is first given the peers' shape (200 campaigns × 3 units × 2 creatives) when it has
# fewer than 200 campaigns. The peers are copied to a temporary folder (theirs may be read-only) and stopped after.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:?base URL required}
key=${2:?API key required}
peers=${PEERS:-$here/../../../shared/peers}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$peers/side-by-side.sh" ] || { echo "no peers at $peers (set PEERS)" >&2; exit 1; }

work=$(mktemp -d)
cp -r "$peers" "$work/peers"
stop() { "$work/peers/fcgi-hello/run.sh" stop >/dev/null 2>&1 || true; "$work/peers/django/run.sh" stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop EXIT
"$work/peers/fcgi-hello/run.sh" start >/dev/null
"$work/peers/django/run.sh" start >/dev/null

count=$(curl -sf -X POST "$base/graphql" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d '{"query":"{ campaigns(first: 1) { totalCount } }"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["campaigns"]["totalCount"])')
if [ "$count" -lt 200 ]; then python3 "$work/peers/project-seed.py" "$base" "$key" $((200 - count)); fi

URL=$base KEY=$key DURATION=${DURATION:-10s} "$work/peers/side-by-side.sh"

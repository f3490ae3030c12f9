#!/usr/bin/env bash
# Where a request's CPU goes: drives one GraphQL document through nginx with wrk (-t2 -c32, DURATION, 8 s by default)
# and prints requests per second and the CPU time per request of the responder (campaignd serve), PostgreSQL and
# nginx's workers, read from /proc before and after (user + system, every thread). Other PostgreSQL or nginx
# processes of the machine are counted too: run it where only the stack under test is busy.
#   bench/http/cpu.sh BASE_URL API_KEY [DOCUMENT]
#   e.g. bench/http/cpu.sh http://127.0.0.1:8080 "$(cat .local/demo-api-key)" '{ __typename }'
# Needs wrk. The default document is the nested campaigns(first: 20) page of bench/http/run.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:?base URL required}
key=${2:?API key required}
document=${3:-'{ campaigns(first: 20) { edges { node { name budget { amount } units { name creatives { headline } } } } } }'}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

script=$here/graphql-post.lua
export BENCH_KEY=$key BENCH_DOCUMENT=$document

# Clock ticks of user and system time of every process whose command line matches $1.
ticks() {
  local total=0 pid fields
  for pid in $(pgrep -f "$1" || true); do
    fields=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + fields))
  done
  echo "$total"
}
measure() { echo "$(ticks 'campaignd serve') $(ticks '^postgres') $(ticks 'nginx: worker')"; }

wrk -t2 -c32 -d2s -s "$script" "$base/graphql" >/dev/null
read -r responder0 postgres0 nginx0 <<<"$(measure)"
output=$(wrk -t2 -c32 -d"${DURATION:-8s}" -s "$script" "$base/graphql")
read -r responder1 postgres1 nginx1 <<<"$(measure)"
requests=$(awk '/requests in/ {print $1}' <<<"$output")
grep -q "^failed answers: 0$" <<<"$output" ||
  echo "warning: $(grep '^failed answers' <<<"$output") (not 200, or with errors): check the document and the key" >&2
awk -v n="$requests" -v rate="$(awk '/Requests\/sec/ {print $2}' <<<"$output")" -v hz="$(getconf CLK_TCK)" \
    -v r=$((responder1 - responder0)) -v p=$((postgres1 - postgres0)) -v x=$((nginx1 - nginx0)) 'BEGIN {
  printf "%s req/s; CPU per request: responder %.0f us, PostgreSQL %.0f us, nginx %.0f us\n",
         rate, r / hz / n * 1e6, p / hz / n * 1e6, x / hz / n * 1e6 }'

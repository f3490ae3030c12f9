#!/usr/bin/env bash
# Issue 13's hostile inputs against a running server, each answered with its error: the median and slowest of
# RUNS requests per row, next to /healthz and a small query from the same run (the baseline).
#   bench/http/hostile-inputs.sh BASE_URL API_KEY     e.g. bench/http/hostile-inputs.sh http://127.0.0.1:8080 "$(cat .local/demo-api-key)"
# Needs curl and python3. Sends only refused mutations: nothing is stored.
set -euo pipefail
base=${1:?base URL required}
key=${2:?API key required}
runs=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
audience = "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id } }"
def save(name, query, variables=None, raw=None):
    body = raw if raw is not None else json.dumps({"query": query, "variables": variables or {}}).encode()
    open(f"{work}/{name}.json", "wb").write(body)
save("small-query", "{ organization { name } }")
save("location-3000000", audience, {"input": {"name": "A", "locations": ["x" * 3_000_000], "ageMin": 18, "ageMax": 30}})
save("name-255x1001", audience, {"input": {"name": ("a" + "\u0301" * 1000) * 255, "locations": ["DE"], "ageMin": 18, "ageMax": 30}})
save("nul-byte", audience, {"input": {"name": "nul\u0000byte", "locations": ["DE"], "ageMin": 18, "ageMax": 30}})
prefix = json.dumps({"query": audience})[:-1].encode() + b', "variables": {"input": {"name": "'
save("invalid-utf8", None, raw=prefix + b"n\xffb" + b'", "locations": ["DE"], "ageMin": 18, "ageMax": 30}}}')
save("nested-arrays-no-key", None, raw=b'{"query": "{ organization { name } }", "variables": {"x": ' + b"[" * 3_950_000 + b"]" * 3_950_000 + b"}}")
PY

# Prints "median max" in milliseconds of RUNS requests.
measure() {
  local url=$1; shift
  for _ in $(seq "$runs"); do
    curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%8.1f %8.1f", t[int((NR + 1) / 2)], t[NR] }'
}
post() {
  measure "$base/graphql" -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $key" --data-binary "@$work/$1.json"
}
status() {
  local authorization=(-H "Authorization: Bearer $key")
  [[ $1 == *no-key ]] && authorization=()
  curl -s -o "$work/answer" -w '%{http_code}' -X POST -H 'Content-Type: application/json' "${authorization[@]}" \
    --data-binary "@$work/$1.json" "$base/graphql"
  printf ' %s' "$(head -c 160 "$work/answer")"
}
anonymous() {
  measure "$base/graphql" -X POST -H 'Content-Type: application/json' --data-binary "@$work/$1.json"
}

printf "%-44s %8s %8s  %s\n" "request ($runs runs)" "median" "max ms" "answer"
printf "%-44s %s  %s\n" "/healthz (baseline)" "$(measure "$base/healthz")" ""
for name in small-query location-3000000 name-255x1001 nul-byte invalid-utf8 nested-arrays-no-key; do
  sender=post
  [[ $name == *no-key ]] && sender=anonymous
  printf "%-44s %s  %s\n" "$name ($(wc -c < "$work/$name.json") bytes)" "$($sender "$name")" "$(status "$name")"
done
printf "%-44s %s\n" "/healthz with the same 7.9 MB body" "$(measure "$base/healthz" -X POST --data-binary "@$work/nested-arrays-no-key.json")"

#!/usr/bin/env bash
# Compares the Swift engine (`campaignd graphql bench`) with Python graphql-core on the same
# schema, documents and data, and prints one table: ns per operation for both and their ratio.
# Usage: bench/graphql/run.sh [SECONDS]   (time per measurement, default 1)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-1}"
documents=(nested introspection fragments)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
[ -f "$here/data.json" ] || python3 "$here/make_data.py"
swift build -c release --product campaignd >&2
campaignd="$(swift build -c release --show-bin-path)/campaignd"

for name in "${documents[@]}"; do
  arguments=(graphql bench --schema "$here/schema.graphql" --query "$here/$name.graphql"
             --root "$here/data.json" --seconds "$seconds")
  if [ -f "$here/$name.variables.json" ]; then
    arguments+=(--variables "$(cat "$here/$name.variables.json")")
  fi
  echo "campaignd: $name" >&2
  "$campaignd" "${arguments[@]}" > "$work/$name.swift.json"
done

echo "graphql-core: ${documents[*]}" >&2
python3 "$here/graphql_core_bench.py" --json --seconds "$seconds" \
  $(for name in "${documents[@]}"; do echo "$here/$name.graphql"; done) > "$work/python.json"

python3 - "$work" "${documents[@]}" <<'PY'
import json, sys
work, names = sys.argv[1], sys.argv[2:]
python = {row["document"]: row for row in json.load(open(work + "/python.json"))["results"]}
print("%-34s %14s %16s %9s" % ("operation", "ours (ns/op)", "graphql-core", "ratio"))
for name in names:
    ours = json.load(open("%s/%s.swift.json" % (work, name)))
    theirs = python[name + ".graphql"]
    for phase, label in (("parse", "parse"), ("validate", "validate"),
                         ("execute", "execute + serialize"), ("serialize", "serialize only")):
        print("%-34s %14.0f %16.0f %8.1fx" % ("%s %s" % (name, label), ours[phase], theirs[phase],
                                               theirs[phase] / ours[phase]))
    # A whole cached request (text -> response bytes) has no graphql-core counterpart: parse +
    # validate + execute is the fair comparison for it.
    full = theirs["parse"] + theirs["validate"] + theirs["execute"]
    print("%-34s %14.0f %16.0f %8.1fx" % ("%s cached request" % name, ours["pipeline"], full, full / ours["pipeline"]))
nested = json.load(open(work + "/nested.swift.json"))
print()
print("nested: execute+serialize / serialize-only = %.1f (ours), %.1f (graphql-core)" % (
    nested["execute"] / nested["serialize"], python["nested.graphql"]["execute"] / python["nested.graphql"]["serialize"]))
PY

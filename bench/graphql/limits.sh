#!/usr/bin/env bash
# Hostile documents through the engine (issue 13): how long validation alone takes, and a whole request through
# the pipeline (document limits first), in µs per operation, against the API's schema.
# Usage: bench/graphql/limits.sh [SECONDS]   (time per measurement, default 1)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
swift build -c release --product campaignd >&2
campaignd="$(swift build -c release --show-bin-path)/campaignd"

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def save(name, text): open(f"{work}/{name}.graphql", "w").write(text)
def spreads(n): return " ".join(f"...F{i}" for i in range(n))
def fragments(n): return "\n".join(f"fragment F{i} on Organization {{ id }}" for i in range(n))
# The issue's 75 KB document: 1,650 fragments spread inside organization { }.
save("fragments-1650", f"{{ organization {{ {spreads(1650)} }} }}\n{fragments(1650)}\n")
# Two same-key fields each spreading 800 fragments: 640,000 fragment pairs in graphql-js's algorithm.
save("fragments-cross-800", f"{{ organization {{ {spreads(800)} }} o2: organization {{ {spreads(800)} }} }}\n{fragments(800)}\n")
# A chain of 1,500 fragments each spreading the next (refused by the document limits: 64 levels).
chain = "\n".join(f"fragment C{i} on Query {{ __typename ...C{i+1} }}" for i in range(1500))
save("chain-1500", "{ ...C0 }\n" + chain + "\nfragment C1500 on Query { __typename }\n")
PY
echo '{"organization": {"id": "o"}}' > "$work/root.json"

printf "%-26s %12s %12s\n" "document" "validate µs" "pipeline µs"
for name in fragments-1650 fragments-cross-800 chain-1500; do
  "$campaignd" graphql bench --schema schema/schema.graphql --query "$work/$name.graphql" --root "$work/root.json" \
    --seconds "$seconds" > "$work/$name.json" 2>/dev/null || true
  python3 - "$work/$name.json" "$name" <<'PY'
import json, sys
try:
    result = json.load(open(sys.argv[1]))
except Exception:
    print(f"{sys.argv[2]:26} {'(refused)':>12}"); sys.exit()
def us(key): return f"{result[key] / 1000:12.1f}" if key in result else f"{'-':>12}"
print(f"{sys.argv[2]:26} {us('validate')} {us('pipeline')}")
PY
done

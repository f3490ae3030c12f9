#!/usr/bin/env bash
# Checks `campaignd graphql` end to end: exact output and exit status of each subcommand.
# Usage: bench/graphql/check_cli.sh [PATH/TO/campaignd]   (default: the debug build)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
campaignd="${1:-}"
if [ -z "$campaignd" ]; then
  (cd "$root" && swift build --product campaignd >&2) || exit 1
  campaignd="$(cd "$root" && swift build --show-bin-path)/campaignd"
fi
[ -f "$here/data.json" ] || python3 "$here/make_data.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# expect NAME STATUS EXPECTED_STDOUT EXPECTED_STDERR -- ARGS...
expect() {
  local name="$1" status="$2" out="$3" err="$4"
  shift 5
  "$campaignd" graphql "$@" >"$work/out" 2>"$work/err"
  local actual=$?
  if [ "$actual" = "$status" ] && [ "$(cat "$work/out")" = "$out" ] && [ "$(cat "$work/err")" = "$err" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: status $actual (expected $status)" >&2
    echo "  stdout: $(cat "$work/out")" >&2
    echo "  stderr: $(cat "$work/err")" >&2
  fi
}

schema="$here/schema.graphql"
printf '{ campaigns { id nope } }\n' >"$work/invalid.graphql"
printf '{ campaigns { id ' >"$work/syntax.graphql"
printf 'query One { campaign(id: "c") { id name } }\nquery Two($id: ID!) { node(id: $id) { __typename id } }\n' >"$work/two.graphql"
printf '{"campaign":{"id":"c","name":"Alpha"},"node":{"__typename":"Campaign","id":"n"}}' >"$work/root.json"
printf 'type Query { a: Nope }\n' >"$work/bad-schema.graphql"
printf 'type Query {\n  "The answer."\n  answer: Int @deprecated\n}\n' >"$work/small-schema.graphql"

expect "valid document" 0 '{"errors":[]}' '' -- validate --schema "$schema" --query "$here/nested.graphql"
expect "invalid document" 1 '{"errors":[{"message":"Cannot query field \"nope\" on type \"Campaign\". Did you mean \"name\"?","locations":[{"line":1,"column":18}]}]}' '' \
  -- validate --schema "$schema" --query "$work/invalid.graphql"
expect "only the named rule" 0 '{"errors":[]}' '' -- validate --schema "$schema" --query "$work/invalid.graphql" --rule ScalarLeafsRule
expect "syntax error" 1 '{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":18}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}' '' \
  -- validate --schema "$schema" --query "$work/syntax.graphql"
expect "unknown rule" 2 '' 'campaignd graphql validate: unknown rule NoSuchRule' -- validate --schema "$schema" --query "$work/invalid.graphql" --rule NoSuchRule
expect "missing --query" 2 '' 'campaignd graphql validate: --query is required (see --help)' -- validate --schema "$schema"
expect "unknown option" 2 '' 'campaignd graphql validate: unknown option --nope (see --help)' -- validate --nope
expect "invalid schema" 1 '{"errors":[{"message":"Unknown type \"Nope\".","locations":[{"line":1,"column":17}]}]}' '' \
  -- validate --schema "$work/bad-schema.graphql" --query "$work/invalid.graphql"
expect "execute a named operation" 0 '{"data":{"campaign":{"id":"c","name":"Alpha"}}}' '' \
  -- execute --schema "$schema" --query "$work/two.graphql" --operation One --root "$work/root.json"
expect "execute with variables and __typename" 0 '{"data":{"node":{"__typename":"Campaign","id":"n"}}}' '' \
  -- execute --schema "$schema" --query "$work/two.graphql" --operation Two --variables '{"id":"n"}' --root "$work/root.json"
expect "execute without operation name" 1 '{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}' '' \
  -- execute --schema "$schema" --query "$work/two.graphql" --root "$work/root.json"
expect "variables must be an object" 2 '' 'campaignd graphql execute: --variables must be a JSON object' \
  -- execute --schema "$schema" --query "$work/two.graphql" --variables '[1]'
expect "print schema" 0 "$(printf 'type Query {\n  """The answer."""\n  answer: Int @deprecated\n}')" '' -- print-schema --schema "$work/small-schema.graphql"
(cd "$work" && "$campaignd" graphql print-schema >out 2>err; echo $? >status)
if [ "$(cat "$work/status")" = 2 ] && [ "$(cat "$work/err")" = "campaignd graphql print-schema: no schema file schema/schema.graphql in the current directory; pass --schema FILE" ]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "FAIL print-schema without a schema file: $(cat "$work/status") $(cat "$work/err")" >&2
fi
expect "unknown subcommand" 2 '' 'campaignd graphql: unknown subcommand frob (see campaignd graphql --help)' -- frob

"$campaignd" graphql bench --schema "$schema" --query "$here/fragments.graphql" --root "$here/data.json" \
  --variables "$(cat "$here/fragments.variables.json")" --seconds 0.05 >"$work/bench.json"
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert all(r[k] > 0 for k in ("parse","validate","execute","serialize","pipeline")); assert r["responseBytes"] > 200000' "$work/bench.json"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "FAIL bench output: $(cat "$work/bench.json")" >&2
fi

for command in validate execute print-schema bench; do
  if "$campaignd" graphql "$command" --help | head -1 | grep -q "^usage: campaignd graphql $command"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $command --help" >&2
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

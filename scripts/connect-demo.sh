#!/usr/bin/env bash
# scripts/connect-demo.sh KEY BASE_URL
# Connects the organization of API key KEY to both simulated ad platforms through the API's own OAuth flow:
# startOAuth → open the authorization URL (the simulator approves at once and answers 302 to the redirect URI
# with code and state; curl reads the Location without following it) → completeOAuth. Connecting again updates
# the existing integrations instead of adding new ones. Needs only bash, curl and sed.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: scripts/connect-demo.sh KEY BASE_URL   (e.g. http://127.0.0.1:8080)" >&2
  exit 2
fi
key=$1
base=${2%/}
redirect="$base/oauth/callback"

graphql() {
  curl -sS -X POST "$base/graphql" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' --data "$1"
}
# The first string value of a JSON field (the API writes compact JSON; "\/" is unescaped).
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | sed 's#\\/#/#g' | head -n 1; }
# A query parameter of a URL, percent-decoded.
query_param() {
  local value
  value=$(printf '%s' "$2" | sed -n "s/.*[?&]$1=\([^&#]*\).*/\1/p")
  value=${value//+/ }
  printf '%b' "${value//%/\\x}"
}

for platform in GOOGLE_ADS META_ADS; do
  start=$(graphql "{\"query\":\"mutation(\$r: String!) { startOAuth(platform: $platform, redirectUri: \$r) { authorizationUrl state } }\",\"variables\":{\"r\":\"$redirect\"}}")
  url=$(printf '%s' "$start" | json_field authorizationUrl)
  if [ -z "$url" ]; then echo "connect-demo: startOAuth($platform) failed: $start" >&2; exit 1; fi
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' "$url")
  code=$(query_param code "$location")
  state=$(query_param state "$location")
  if [ -z "$code" ] || [ -z "$state" ]; then
    echo "connect-demo: the $platform consent page did not redirect with a code and state (Location: $location)" >&2
    exit 1
  fi
  complete=$(graphql "{\"query\":\"mutation(\$c: String!, \$s: String!) { completeOAuth(platform: $platform, code: \$c, state: \$s) { connected adAccounts { name currency } } }\",\"variables\":{\"c\":\"$code\",\"s\":\"$state\"}}")
  case $complete in
    *'"errors"'*) echo "connect-demo: completeOAuth($platform) failed: $complete" >&2; exit 1 ;;
  esac
  echo "connected $platform: $(printf '%s' "$complete" | sed -n 's/.*"adAccounts":\(\[[^]]*\]\).*/\1/p')"
done

#!/usr/bin/env bash
# Time of performanceReport on a large organization, through nginx and the responder, against a running
# server (`make run`): a bench organization of CAMPAIGNS campaigns (default 10,000; half Google Ads in USD, half
# Meta in EUR), each with one ad delivering every day of the last DAYS days (default 90), is created once in
# DATABASE_URL; then each report is requested RUNS times (default 9) and its median time printed beside the
# median of `{ __typename }` with the same key (the request path without a statement) in the same run.
#   bench/reports/run.sh BASE_URL DATABASE_URL     e.g. bench/reports/run.sh http://127.0.0.1:8080 "postgresql:///campaignd?host=$PWD/.local/socket"
set -euo pipefail
base=${1:?base URL required}
database=${2:?database URL required}
campaigns=${CAMPAIGNS:-10000}
days=${DAYS:-90}
runs=${RUNS:-9}
key="cmk_bench_reports_${campaigns}_${days}"

exists=$(psql -qtAX "$database" -c "SELECT count(*) FROM api_keys WHERE key_hash = sha256(convert_to('$key', 'UTF8'))")
if [ "$exists" = "0" ]; then
  echo "creating $campaigns campaigns × $days days of ad figures…" >&2
  start=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 "$database" <<SQL
BEGIN;
CREATE TEMP TABLE bench_org AS SELECT gen_random_uuid() AS id;
INSERT INTO organizations (id, name) SELECT id, 'Report bench' FROM bench_org;
INSERT INTO api_keys (organization_id, key_hash, key_prefix) SELECT id, sha256(convert_to('$key', 'UTF8')), 'cmk_bench' FROM bench_org;
INSERT INTO integrations (organization_id, provider, expires_at, connected) SELECT id, p, now() + interval '1 day', true FROM bench_org, unnest(ARRAY['google_ads', 'meta_ads']) p;
INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency)
SELECT i.organization_id, i.id, 'bench-' || i.provider, 'Bench ' || i.provider, CASE i.provider WHEN 'google_ads' THEN 'USD' ELSE 'EUR' END
FROM integrations i JOIN bench_org o ON o.id = i.organization_id;
INSERT INTO audiences (organization_id, name, rules)
SELECT id, 'Everyone', '{"locations": ["US"], "age_min": 18, "age_max": 65, "interests": []}' FROM bench_org;
INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, status)
SELECT a.organization_id, a.id, 'Bench campaign ' || n, i.provider, 'sales', CASE WHEN n % 10 = 0 THEN 'paused' ELSE 'live' END
FROM generate_series(1, $campaigns) n
JOIN integrations i ON i.provider = CASE WHEN n % 2 = 0 THEN 'google_ads' ELSE 'meta_ads' END
JOIN ad_accounts a ON a.integration_id = i.id
JOIN bench_org o ON o.id = i.organization_id;
INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name)
SELECT c.organization_id, c.id, au.id, 'Unit' FROM campaigns c JOIN bench_org o ON o.id = c.organization_id JOIN audiences au ON au.organization_id = o.id;
INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, external_id)
SELECT u.organization_id, u.id, 'Bench ad', 'shop_now', 'https://bench.example.com', 'bench-' || u.id
FROM campaign_units u JOIN bench_org o ON o.id = u.organization_id;
INSERT INTO ad_daily_metrics (organization_id, ad_creative_id, campaign_unit_id, campaign_id, platform, currency, date,
                              impressions, clicks, spend, conversions, conversion_value)
SELECT c.organization_id, a.id, u.id, c.id, c.platform, acc.currency, current_date - d,
       1000 + (hashtext(a.id::text || d) & 1023), 10 + (hashtext(d || a.id::text) & 63), 12.34, 1 + (d % 4), 49.90
FROM campaigns c JOIN bench_org o ON o.id = c.organization_id
JOIN ad_accounts acc ON acc.id = c.ad_account_id
JOIN campaign_units u ON u.campaign_id = c.id JOIN ad_creatives a ON a.campaign_unit_id = u.id,
generate_series(0, $days - 1) d;
COMMIT;
ANALYZE ad_daily_metrics;
SQL
  echo "created in $(( $(date +%s) - start )) s" >&2
fi

rows=$(psql -qtAX "$database" -c "SELECT count(*) FROM ad_daily_metrics m JOIN api_keys k ON k.organization_id = m.organization_id WHERE k.key_hash = sha256(convert_to('$key', 'UTF8'))")
echo "organization: $campaigns campaigns, $rows ad-days"

# Median seconds of RUNS requests of a GraphQL document (JSON-escaped) that must answer without errors.
median() {
  local body=$1 times=()
  for _ in $(seq 1 "$runs"); do
    local out
    out=$(curl -sS -o /tmp/bench-report-body -w '%{time_total}' -H 'Content-Type: application/json' -H "Authorization: Bearer $key" \
      --data "$body" "$base/graphql")
    if grep -q '"errors"' /tmp/bench-report-body; then echo "refused: $(head -c 400 /tmp/bench-report-body)" >&2; exit 1; fi
    times+=("$out")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

from=$(date -u -d "-29 days" +%F); from90=$(date -u -d "-$((days - 1)) days" +%F); to=$(date -u +%F)
report() {
  printf '{"query":"{ performanceReport(from: \\"%s\\", to: \\"%s\\", groupBy: [%s], first: %s) { rows { currency figures { spend clicks costPerConversion roas } } pageInfo { hasNextPage } totals { currency figures { spend } } } }"}' "$1" "$2" "$3" "$4"
}
baseline=$(median '{"query":"{ __typename }"}')
printf "%-58s %8.1f ms\n" "{ __typename } (baseline)" "$(echo "$baseline * 1000" | bc -l)"
for target in "PLATFORM|$from|30 days, by platform|10" "DAY|$from|30 days, by day|100" "CAMPAIGN|$from|30 days, by campaign, first page of 100|100" \
              "PLATFORM|$from90|$days days, by platform|10" "CAMPAIGN|$from90|$days days, by campaign, first page of 500|500"; do
  IFS='|' read -r group start label first <<<"$target"
  seconds=$(median "$(report "$start" "$to" "$group" "$first")")
  printf "%-58s %8.1f ms  (%.0f× the baseline)\n" "$label" "$(echo "$seconds * 1000" | bc -l)" "$(echo "$seconds / $baseline" | bc -l)"
done

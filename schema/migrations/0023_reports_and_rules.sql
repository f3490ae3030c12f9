-- Cross-platform reports and automated rules.

-- Each ad's (one creative version's) delivery per day, as the metrics sync last read it from the platform's
-- ad-level report (Google `ad_group_ad`, Meta insights `level=ad`): the one source of reports and rules, so a
-- report grouped by campaign and one grouped by creative add up to the same figures. Platform and currency are
-- the campaign's ad account's, copied so a report groups without joins and never adds two currencies. Reach is
-- not here: unique people do not add across ads or days.
CREATE TABLE ad_daily_metrics (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    ad_creative_id uuid NOT NULL,
    campaign_unit_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    platform text NOT NULL CONSTRAINT ad_daily_metrics_platform_check CHECK (platform IN ('google_ads', 'meta_ads')),
    currency text NOT NULL CONSTRAINT ad_daily_metrics_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
    date date NOT NULL,
    impressions bigint NOT NULL CONSTRAINT ad_daily_metrics_impressions_check CHECK (impressions >= 0),
    clicks bigint NOT NULL CONSTRAINT ad_daily_metrics_clicks_check CHECK (clicks >= 0),
    spend numeric(20, 6) NOT NULL CONSTRAINT ad_daily_metrics_spend_check CHECK (spend >= 0),
    conversions numeric(20, 6) NOT NULL CONSTRAINT ad_daily_metrics_conversions_check CHECK (conversions >= 0),
    conversion_value numeric(20, 6) NOT NULL CONSTRAINT ad_daily_metrics_conversion_value_check CHECK (conversion_value >= 0),
    PRIMARY KEY (ad_creative_id, date),
    CONSTRAINT ad_daily_metrics_creative_fkey FOREIGN KEY (organization_id, ad_creative_id)
        REFERENCES ad_creatives (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT ad_daily_metrics_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE
);
-- Reports over a date range, and rules over a campaign's last days.
CREATE INDEX ad_daily_metrics_organization_date_idx ON ad_daily_metrics (organization_id, date);
CREATE INDEX ad_daily_metrics_organization_campaign_date_idx ON ad_daily_metrics (organization_id, campaign_id, date);
-- The creative's foreign key (deleting a creative finds its days).
CREATE INDEX ad_daily_metrics_organization_creative_idx ON ad_daily_metrics (organization_id, ad_creative_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON ad_daily_metrics TO campaignd_app;
ALTER TABLE ad_daily_metrics ENABLE ROW LEVEL SECURITY;
CREATE POLICY ad_daily_metrics_tenant ON ad_daily_metrics
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());

-- What an organization wants done while nobody watches. A `metric` rule compares a figure of each campaign
-- in scope over its last `window_days` (today included) with `threshold`, once the campaign has at least
-- `minimum_clicks` clicks in that window; a `schedule` rule acts once at `run_at`.
CREATE TABLE automation_rules (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL CONSTRAINT automation_rules_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind text NOT NULL CONSTRAINT automation_rules_kind_check CHECK (kind IN ('metric', 'schedule')),
    -- One campaign, or every campaign of the organization when NULL.
    campaign_id uuid,
    metric text CONSTRAINT automation_rules_metric_check CHECK (metric IN
        ('impressions', 'clicks', 'spend', 'conversions', 'conversion_value', 'ctr', 'cpc', 'cpm', 'conversion_rate', 'cost_per_conversion', 'roas', 'pacing')),
    comparison text CONSTRAINT automation_rules_comparison_check CHECK (comparison IN ('greater_than', 'less_than')),
    threshold numeric(20, 6),
    window_days integer NOT NULL DEFAULT 1 CONSTRAINT automation_rules_window_check CHECK (window_days BETWEEN 1 AND 90),
    minimum_clicks bigint NOT NULL DEFAULT 0 CONSTRAINT automation_rules_minimum_clicks_check CHECK (minimum_clicks BETWEEN 0 AND 1000000000),
    run_at timestamptz,
    action text NOT NULL CONSTRAINT automation_rules_action_check CHECK (action IN ('pause', 'resume', 'alert')),
    -- Evaluated and logged as usual, but never acts.
    dry_run boolean NOT NULL DEFAULT false,
    enabled boolean NOT NULL DEFAULT true,
    -- A schedule rule's one run.
    fired_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (organization_id, id),
    CONSTRAINT automation_rules_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT automation_rules_shape_check CHECK (
        (kind = 'metric' AND metric IS NOT NULL AND comparison IS NOT NULL AND threshold IS NOT NULL AND run_at IS NULL)
        OR (kind = 'schedule' AND run_at IS NOT NULL AND campaign_id IS NOT NULL AND action <> 'alert'))
);
CREATE INDEX automation_rules_organization_created_idx ON automation_rules (organization_id, created_at, id);
CREATE INDEX automation_rules_organization_campaign_idx ON automation_rules (organization_id, campaign_id) WHERE campaign_id IS NOT NULL;

-- Every evaluation that acted, would have acted (dry run) or failed to act: the rule, the figures, the outcome.
CREATE TABLE automation_rule_runs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    rule_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    outcome text NOT NULL CONSTRAINT automation_rule_runs_outcome_check CHECK (outcome IN
        ('paused', 'resumed', 'alerted', 'would_pause', 'would_resume', 'would_alert', 'failed')),
    message text NOT NULL CONSTRAINT automation_rule_runs_message_check CHECK (length(message) <= 2000),
    figures jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT automation_rule_runs_rule_fkey FOREIGN KEY (organization_id, rule_id)
        REFERENCES automation_rules (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT automation_rule_runs_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX automation_rule_runs_organization_rule_created_idx ON automation_rule_runs (organization_id, rule_id, created_at DESC, id DESC);
CREATE INDEX automation_rule_runs_organization_campaign_idx ON automation_rule_runs (organization_id, campaign_id);

-- What an `alert` rule raised, until someone acknowledges it; one open alert per rule and campaign.
CREATE TABLE automation_alerts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    rule_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    message text NOT NULL CONSTRAINT automation_alerts_message_check CHECK (length(message) <= 2000),
    figures jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    acknowledged_at timestamptz,
    CONSTRAINT automation_alerts_rule_fkey FOREIGN KEY (organization_id, rule_id)
        REFERENCES automation_rules (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT automation_alerts_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX automation_alerts_open_key ON automation_alerts (rule_id, campaign_id) WHERE acknowledged_at IS NULL;
CREATE INDEX automation_alerts_organization_created_idx ON automation_alerts (organization_id, created_at DESC, id DESC);
CREATE INDEX automation_alerts_organization_rule_idx ON automation_alerts (organization_id, rule_id);
CREATE INDEX automation_alerts_organization_campaign_idx ON automation_alerts (organization_id, campaign_id);

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['automation_rules', 'automation_rule_runs', 'automation_alerts'] LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO campaignd_app', tenant_table);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format(
            'CREATE POLICY %I ON %I USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id())',
            tenant_table || '_tenant', tenant_table);
    END LOOP;
END
$$;

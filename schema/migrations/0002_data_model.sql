-- The product's data model: ad platform integrations, ad accounts, campaigns and everything hanging off them.
--
-- Every tenant table carries organization_id, and a child references its parent through
-- (organization_id, parent_id) so a row can never point at another organization's parent. Each parent
-- therefore has UNIQUE (organization_id, id). Every tenant table also references organizations directly
-- with ON DELETE CASCADE, so deleting an organization removes all of its data in one statement.
--
-- "Restrict" relationships (campaigns → ad_accounts, campaign_units → audiences) use NO ACTION rather than
-- RESTRICT: both refuse the delete with a foreign_key_violation naming the constraint, but NO ACTION checks at
-- the end of the statement, so deleting a whole organization (which cascades to both sides) still works.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Connections to an ad platform. Tokens are pgp_sym_encrypt output; the key comes from configuration and is
-- passed as a statement parameter, never stored in the database.
CREATE TABLE integrations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    provider text NOT NULL CONSTRAINT integrations_provider_check CHECK (provider IN ('google_ads', 'meta_ads')),
    access_token bytea,
    refresh_token bytea,
    expires_at timestamptz,
    connected boolean NOT NULL DEFAULT true,
    last_synced_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id)
);
CREATE INDEX integrations_organization_created_idx ON integrations (organization_id, created_at DESC, id DESC);

-- Accounts found on a platform through an integration. Accounts that vanished from the platform get
-- removed_at instead of being deleted, so their campaigns keep their history.
CREATE TABLE ad_accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    integration_id uuid NOT NULL,
    external_account_id text NOT NULL CHECK (length(btrim(external_account_id)) > 0),
    name text NOT NULL,
    currency text NOT NULL CONSTRAINT ad_accounts_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
    removed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    CONSTRAINT ad_accounts_integration_external_key UNIQUE (integration_id, external_account_id),
    CONSTRAINT ad_accounts_integration_fkey FOREIGN KEY (organization_id, integration_id)
        REFERENCES integrations (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX ad_accounts_organization_integration_idx ON ad_accounts (organization_id, integration_id);
CREATE INDEX ad_accounts_organization_name_idx ON ad_accounts (organization_id, name, id);

CREATE TABLE campaigns (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    ad_account_id uuid NOT NULL,
    name text NOT NULL CONSTRAINT campaigns_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 255),
    platform text NOT NULL CONSTRAINT campaigns_platform_check CHECK (platform IN ('google_ads', 'meta_ads')),
    objective text NOT NULL CONSTRAINT campaigns_objective_check CHECK (objective IN ('leads', 'traffic', 'sales')),
    status text NOT NULL DEFAULT 'draft'
        CONSTRAINT campaigns_status_check CHECK (status IN ('draft', 'live', 'paused', 'completed', 'error')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    CONSTRAINT campaigns_ad_account_fkey FOREIGN KEY (organization_id, ad_account_id)
        REFERENCES ad_accounts (organization_id, id) ON DELETE NO ACTION
);
-- Keyset pagination, newest first, optionally filtered by status or platform.
CREATE INDEX campaigns_organization_created_idx ON campaigns (organization_id, created_at DESC, id DESC);
CREATE INDEX campaigns_organization_status_created_idx ON campaigns (organization_id, status, created_at DESC, id DESC);
CREATE INDEX campaigns_organization_platform_created_idx ON campaigns (organization_id, platform, created_at DESC, id DESC);
CREATE INDEX campaigns_organization_ad_account_idx ON campaigns (organization_id, ad_account_id);

-- A campaign runs on the platform of its ad account's integration; a CHECK cannot look at other tables.
CREATE FUNCTION campaigns_check_platform() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    account_provider text;
BEGIN
    SELECT i.provider INTO account_provider
    FROM ad_accounts a JOIN integrations i ON i.organization_id = a.organization_id AND i.id = a.integration_id
    WHERE a.organization_id = NEW.organization_id AND a.id = NEW.ad_account_id;
    -- No such account (or another organization's): leave it to campaigns_ad_account_fkey to refuse.
    IF FOUND AND account_provider <> NEW.platform THEN
        RAISE EXCEPTION 'campaigns_platform_matches_ad_account: campaign platform % does not match the ad account''s provider %',
            NEW.platform, account_provider
            USING ERRCODE = 'check_violation', CONSTRAINT = 'campaigns_platform_matches_ad_account',
                  TABLE = 'campaigns', COLUMN = 'platform';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER campaigns_platform_matches_ad_account BEFORE INSERT OR UPDATE OF platform, ad_account_id, organization_id
    ON campaigns FOR EACH ROW EXECUTE FUNCTION campaigns_check_platform();

-- The platform check above holds only while an account's provider cannot change under its campaigns: an
-- integration keeps its provider, and an ad account keeps its integration.
CREATE FUNCTION refuse_provider_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%: % cannot change once created', TG_NAME, TG_ARGV[0]
        USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0];
END
$$;
CREATE TRIGGER integrations_provider_immutable BEFORE UPDATE OF provider ON integrations
    FOR EACH ROW WHEN (OLD.provider IS DISTINCT FROM NEW.provider) EXECUTE FUNCTION refuse_provider_change('provider');
CREATE TRIGGER ad_accounts_integration_immutable BEFORE UPDATE OF integration_id ON ad_accounts
    FOR EACH ROW WHEN (OLD.integration_id IS DISTINCT FROM NEW.integration_id) EXECUTE FUNCTION refuse_provider_change('integration_id');

CREATE FUNCTION campaigns_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER campaigns_updated_at BEFORE UPDATE ON campaigns FOR EACH ROW EXECUTE FUNCTION campaigns_touch_updated_at();

CREATE TABLE campaign_budgets (
    campaign_id uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    type text NOT NULL CONSTRAINT campaign_budgets_type_check CHECK (type IN ('daily', 'lifetime')),
    amount numeric(14, 2) NOT NULL CONSTRAINT campaign_budgets_amount_check CHECK (amount > 0),
    currency text NOT NULL CONSTRAINT campaign_budgets_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT campaign_budgets_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_budgets_organization_campaign_idx ON campaign_budgets (organization_id, campaign_id);

-- Targeting rules: {"locations": [text, ...] (non-empty), "age_min": 13..65, "age_max": 13..65 (65 = 65+),
-- "interests": [text, ...]}. age_min ≤ age_max when both are present.
CREATE FUNCTION audience_rules_are_valid(rules jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    -- A CHECK passes on NULL, and a missing key makes most of these NULL: coalesce to false.
    SELECT coalesce(jsonb_typeof(rules) = 'object'
        AND jsonb_typeof(rules -> 'locations') = 'array'
        AND jsonb_array_length(rules -> 'locations') > 0
        AND NOT jsonb_path_exists(rules, '$.locations[*] ? (@.type() != "string")')
        AND (NOT rules ? 'interests' OR (jsonb_typeof(rules -> 'interests') = 'array'
             AND NOT jsonb_path_exists(rules, '$.interests[*] ? (@.type() != "string")')))
        AND (NOT rules ? 'age_min' OR jsonb_path_exists(rules, '$.age_min ? (@.type() == "number" && @ == @.floor() && @ >= 13 && @ <= 65)'))
        AND (NOT rules ? 'age_max' OR jsonb_path_exists(rules, '$.age_max ? (@.type() == "number" && @ == @.floor() && @ >= 13 && @ <= 65)'))
        AND (NOT (rules ? 'age_min' AND rules ? 'age_max') OR (rules ->> 'age_min')::numeric <= (rules ->> 'age_max')::numeric), false)
$$;

CREATE TABLE audiences (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL CONSTRAINT audiences_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 255),
    rules jsonb NOT NULL CONSTRAINT audiences_rules_check CHECK (audience_rules_are_valid(rules)),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id)
);
CREATE INDEX audiences_organization_created_idx ON audiences (organization_id, created_at DESC, id DESC);

-- A group of ads inside a campaign (an ad set / ad group) aimed at one audience.
CREATE TABLE campaign_units (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    campaign_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    name text NOT NULL CONSTRAINT campaign_units_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 255),
    budget_allocation numeric(14, 2) CONSTRAINT campaign_units_budget_allocation_check CHECK (budget_allocation >= 0),
    external_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    CONSTRAINT campaign_units_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT campaign_units_audience_fkey FOREIGN KEY (organization_id, audience_id)
        REFERENCES audiences (organization_id, id) ON DELETE NO ACTION
);
CREATE INDEX campaign_units_organization_campaign_created_idx ON campaign_units (organization_id, campaign_id, created_at, id);
CREATE INDEX campaign_units_organization_audience_idx ON campaign_units (organization_id, audience_id);

CREATE TABLE ad_creatives (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    campaign_unit_id uuid NOT NULL,
    headline text NOT NULL,
    description text,
    media_url text,
    call_to_action text NOT NULL CONSTRAINT ad_creatives_call_to_action_check CHECK (call_to_action IN
        ('shop_now', 'learn_more', 'sign_up', 'book_now', 'contact_us', 'download', 'get_offer', 'subscribe')),
    landing_url text NOT NULL CONSTRAINT ad_creatives_landing_url_check CHECK (landing_url ~ '^https?://.+'),
    version integer NOT NULL DEFAULT 1 CONSTRAINT ad_creatives_version_check CHECK (version >= 1),
    -- The creative this one is a new version of.
    parent_id uuid,
    external_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, id),
    CONSTRAINT ad_creatives_campaign_unit_fkey FOREIGN KEY (organization_id, campaign_unit_id)
        REFERENCES campaign_units (organization_id, id) ON DELETE CASCADE,
    -- PostgreSQL 15's column list: deleting the parent nulls parent_id only, never organization_id.
    CONSTRAINT ad_creatives_parent_fkey FOREIGN KEY (organization_id, parent_id)
        REFERENCES ad_creatives (organization_id, id) ON DELETE SET NULL (parent_id),
    CONSTRAINT ad_creatives_parent_not_self_check CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX ad_creatives_organization_unit_created_idx ON ad_creatives (organization_id, campaign_unit_id, created_at, id);
CREATE INDEX ad_creatives_organization_parent_idx ON ad_creatives (organization_id, parent_id) WHERE parent_id IS NOT NULL;

-- The catalogue of metrics, shared by all organizations.
CREATE TABLE metric_definitions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key text NOT NULL UNIQUE CONSTRAINT metric_definitions_key_check CHECK (key ~ '^[a-z][a-z0-9_]*$'),
    label text NOT NULL,
    unit text NOT NULL CONSTRAINT metric_definitions_unit_check CHECK (unit IN ('count', 'currency', 'percent', 'ratio', 'seconds'))
);
INSERT INTO metric_definitions (key, label, unit) VALUES
    ('impressions', 'Impressions', 'count'),
    ('clicks', 'Clicks', 'count'),
    ('spend', 'Spend', 'currency'),
    ('conversions', 'Conversions', 'count'),
    ('reach', 'Reach', 'count'),
    ('video_views', 'Video views', 'count'),
    ('leads', 'Leads', 'count'),
    ('conversion_value', 'Conversion value', 'currency');

CREATE TABLE campaign_metrics (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    campaign_id uuid NOT NULL,
    metric_id uuid NOT NULL REFERENCES metric_definitions (id) ON DELETE CASCADE,
    date date NOT NULL,
    value numeric NOT NULL,
    CONSTRAINT campaign_metrics_campaign_metric_date_key UNIQUE (campaign_id, metric_id, date),
    CONSTRAINT campaign_metrics_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_metrics_organization_campaign_date_idx ON campaign_metrics (organization_id, campaign_id, date);
CREATE INDEX campaign_metrics_metric_idx ON campaign_metrics (metric_id);

-- What the service did to a campaign on the platform. Append-only.
CREATE TABLE campaign_execution_logs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    campaign_id uuid NOT NULL,
    action text NOT NULL CHECK (length(btrim(action)) > 0),
    status text NOT NULL CONSTRAINT campaign_execution_logs_status_check CHECK (status IN ('success', 'error')),
    message text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT campaign_execution_logs_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_execution_logs_organization_campaign_created_idx
    ON campaign_execution_logs (organization_id, campaign_id, created_at DESC, id DESC);

-- Refuses UPDATE, and DELETE unless the campaign or organization the row belongs to is already gone (the
-- foreign keys' cascades). SECURITY DEFINER so row-level security cannot hide the parent from the check.
CREATE FUNCTION campaign_execution_logs_append_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE'
        AND (NOT EXISTS (SELECT 1 FROM campaigns WHERE id = OLD.campaign_id)
             OR NOT EXISTS (SELECT 1 FROM organizations WHERE id = OLD.organization_id)) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'campaign_execution_logs is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege', TABLE = 'campaign_execution_logs';
END
$$;
CREATE TRIGGER campaign_execution_logs_append_only BEFORE UPDATE OR DELETE ON campaign_execution_logs
    FOR EACH ROW EXECUTE FUNCTION campaign_execution_logs_append_only();
CREATE FUNCTION campaign_execution_logs_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'campaign_execution_logs is append-only: TRUNCATE is not allowed' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER campaign_execution_logs_no_truncate BEFORE TRUNCATE ON campaign_execution_logs
    FOR EACH STATEMENT EXECUTE FUNCTION campaign_execution_logs_no_truncate();

-- The campaign's identity on its platform, once it was created there.
CREATE TABLE campaign_platform_maps (
    campaign_id uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    platform text NOT NULL CONSTRAINT campaign_platform_maps_platform_check CHECK (platform IN ('google_ads', 'meta_ads')),
    external_campaign_id text NOT NULL CHECK (length(btrim(external_campaign_id)) > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT campaign_platform_maps_platform_external_key UNIQUE (platform, external_campaign_id),
    CONSTRAINT campaign_platform_maps_campaign_fkey FOREIGN KEY (organization_id, campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_platform_maps_organization_campaign_idx ON campaign_platform_maps (organization_id, campaign_id);

-- OAuth authorization requests in flight: the state parameter ties the callback to the organization.
CREATE TABLE oauth_states (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    provider text NOT NULL CONSTRAINT oauth_states_provider_check CHECK (provider IN ('google_ads', 'meta_ads')),
    state text NOT NULL CONSTRAINT oauth_states_state_key UNIQUE CHECK (length(state) >= 16),
    redirect_uri text NOT NULL CONSTRAINT oauth_states_redirect_uri_check CHECK (redirect_uri ~ '^https?://.+'),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oauth_states_organization_idx ON oauth_states (organization_id, created_at DESC);
CREATE INDEX oauth_states_expires_idx ON oauth_states (expires_at);

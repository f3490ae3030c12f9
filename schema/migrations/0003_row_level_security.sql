-- Row-level security: a second line behind the application's own organization filters.
--
-- The server connects as its login user, then per transaction runs `SET LOCAL ROLE campaignd_app` and
-- `SELECT set_config('app.organization_id', $1, true)`. campaignd_app owns nothing, so the policies apply
-- to it; with no organization set, it sees no tenant rows at all.

-- Roles are cluster-wide: another database of the cluster may have created it already.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaignd_app') THEN
        CREATE ROLE campaignd_app NOLOGIN;
    END IF;
    -- The migrating user is the one the server logs in as; it must be allowed to SET ROLE campaignd_app.
    IF NOT pg_has_role(current_user, 'campaignd_app', 'MEMBER') THEN
        EXECUTE format('GRANT campaignd_app TO %I', current_user);
    END IF;
END
$$;

-- The organization of the current transaction, or NULL when none is set. An unset setting reads as NULL,
-- and one set earlier with is_local reads as '' afterwards; both mean "no organization".
CREATE FUNCTION app_organization_id() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('app.organization_id', true), '')::uuid
$$;
GRANT EXECUTE ON FUNCTION app_organization_id() TO campaignd_app;

GRANT USAGE ON SCHEMA public TO campaignd_app;
GRANT SELECT ON metric_definitions TO campaignd_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON organizations TO campaignd_app;
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY organizations_tenant ON organizations
    USING (id = app_organization_id()) WITH CHECK (id = app_organization_id());

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY[
        'api_keys', 'integrations', 'ad_accounts', 'campaigns', 'campaign_budgets', 'audiences', 'campaign_units',
        'ad_creatives', 'campaign_metrics', 'campaign_execution_logs', 'campaign_platform_maps', 'oauth_states'
    ] LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO campaignd_app', tenant_table);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format(
            'CREATE POLICY %I ON %I USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id())',
            tenant_table || '_tenant', tenant_table);
    END LOOP;
END
$$;

-- Authentication happens before the organization is known, so it cannot go through the policies: this
-- function runs as its owner (the migrating user) and reveals only the organization of a valid key.
CREATE FUNCTION authenticate_api_key(key text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT organization_id FROM api_keys
    WHERE key_hash = sha256(convert_to(key, 'UTF8')) AND revoked_at IS NULL
$$;
REVOKE ALL ON FUNCTION authenticate_api_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION authenticate_api_key(text) TO campaignd_app;

-- The OAuth callback arrives without an organization either: it is found by its state, once, before it expires.
-- Returns no row for an unknown, used or expired state.
CREATE FUNCTION consume_oauth_state(state text)
RETURNS TABLE (organization_id uuid, provider text, redirect_uri text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE oauth_states s SET used_at = now()
    WHERE s.state = consume_oauth_state.state AND s.used_at IS NULL AND s.expires_at > now()
    RETURNING s.organization_id, s.provider, s.redirect_uri
$$;
REVOKE ALL ON FUNCTION consume_oauth_state(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION consume_oauth_state(text) TO campaignd_app;

-- Request limits: time limits set in the request's first statement, a per-organization token bucket for
-- expensive mutations, and deliberate pruning of old execution-log entries.

-- The request scope of 0007 plus its time limits, still in one round trip. The three settings are local to
-- the request's transaction: a statement or a lock wait that runs past them is cancelled (SQLSTATE 57014 or
-- 55P03), and a transaction left idle (a stalled responder thread) is ended by the server.
CREATE FUNCTION begin_api_request(key text, statement_timeout_ms integer, lock_timeout_ms integer,
                                  idle_in_transaction_timeout_ms integer) RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM set_config('statement_timeout', statement_timeout_ms::text, true);
    PERFORM set_config('lock_timeout', lock_timeout_ms::text, true);
    PERFORM set_config('idle_in_transaction_session_timeout', idle_in_transaction_timeout_ms::text, true);
    RETURN begin_api_request(key);
END
$$;

-- One token bucket per organization for the mutations that make the server call the ad platforms or queue
-- work. Kept in the database so every responder thread and process shares it.
CREATE TABLE organization_rate_limits (
    organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    tokens numeric NOT NULL CHECK (tokens >= 0),
    refilled_at timestamptz NOT NULL
);
ALTER TABLE organization_rate_limits ENABLE ROW LEVEL SECURITY;
CREATE POLICY organization_rate_limits_tenant ON organization_rate_limits
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
GRANT SELECT ON organization_rate_limits TO campaignd_app;

-- Takes one token from the organization's bucket (refilled at per_minute tokens a minute, holding at most
-- burst) and returns 0, or, when the bucket is empty, the seconds until a token is there (nothing taken).
-- Called on a connection of its own in autocommit, so the row lock lasts one statement, not a request, and a
-- refused or rolled-back mutation still counts. SECURITY DEFINER: the application role may only read the table.
CREATE FUNCTION take_rate_limit_token(organization uuid, burst integer, per_minute integer) RETURNS numeric
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now_ timestamptz := clock_timestamp();
    available numeric;
BEGIN
    INSERT INTO organization_rate_limits AS l (organization_id, tokens, refilled_at) VALUES (organization, burst, now_)
    ON CONFLICT (organization_id) DO UPDATE
        SET tokens = least(burst::numeric, l.tokens + extract(epoch FROM now_ - l.refilled_at) * per_minute / 60.0),
            refilled_at = now_
    RETURNING tokens INTO available;
    IF available >= 1 THEN
        UPDATE organization_rate_limits SET tokens = available - 1 WHERE organization_id = organization;
        RETURN 0;
    END IF;
    RETURN ceil((1 - available) * 60.0 / per_minute);
END
$$;
REVOKE ALL ON FUNCTION take_rate_limit_token(uuid, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION take_rate_limit_token(uuid, integer, integer) TO campaignd_app;

-- Execution logs stay append-only for everything but the worker's pruning, which goes through
-- prune_execution_logs only (not granted to the application role).
CREATE OR REPLACE FUNCTION campaign_execution_logs_append_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE'
        AND (NOT EXISTS (SELECT 1 FROM campaigns WHERE id = OLD.campaign_id)
             OR NOT EXISTS (SELECT 1 FROM organizations WHERE id = OLD.organization_id)
             OR current_setting('campaignd.pruning_execution_logs', true) = 'on') THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'campaign_execution_logs is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege', TABLE = 'campaign_execution_logs';
END
$$;

-- Deletes up to batch entries older than retention_days of campaigns that are completed; returns how many.
CREATE FUNCTION prune_execution_logs(retention_days integer, batch integer) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    deleted integer;
BEGIN
    PERFORM set_config('campaignd.pruning_execution_logs', 'on', true);
    DELETE FROM campaign_execution_logs l WHERE l.id IN (
        SELECT e.id FROM campaign_execution_logs e JOIN campaigns c ON c.organization_id = e.organization_id AND c.id = e.campaign_id
        WHERE c.status = 'completed' AND e.created_at < now() - make_interval(days => retention_days)
        LIMIT batch);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('campaignd.pruning_execution_logs', 'off', true);
    RETURN deleted;
END
$$;
REVOKE ALL ON FUNCTION prune_execution_logs(integer, integer) FROM PUBLIC;

-- syncCampaignMetrics answers a recent sync of the same campaign instead of queueing another.
CREATE INDEX jobs_unique_key_created_idx ON jobs (unique_key, created_at DESC) WHERE unique_key IS NOT NULL;

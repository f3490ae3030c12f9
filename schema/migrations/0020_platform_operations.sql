-- Google Ads API operations this deployment spent, by minute. Google caps them per Google Cloud project over any
-- 24 hours by access level (Explorer 2,880 on production accounts, Basic 15,000, Standard unlimited; "Access
-- levels and permissible use"), counting a query or report as one operation, each mutated item as one, and any
-- other request as one ("Rate sheet"). Counted before each request, so the cap is met here with a clear error
-- instead of at Google.
CREATE TABLE platform_operations (
    platform text NOT NULL CONSTRAINT platform_operations_platform_check CHECK (platform IN ('google_ads', 'meta_ads')),
    minute timestamptz NOT NULL,
    operations integer NOT NULL CONSTRAINT platform_operations_operations_check CHECK (operations >= 0),
    PRIMARY KEY (platform, minute)
);

-- Takes `count` operations when the last 24 hours leave room under `cap`; otherwise takes none and says when
-- enough will have left the window. One caller at a time per platform (a transaction-scoped advisory lock), and
-- minutes older than a day are dropped on the way. SECURITY DEFINER: the application role cannot touch the table.
CREATE FUNCTION take_platform_operations(p_platform text, p_count integer, p_cap integer)
RETURNS TABLE (granted boolean, used integer, retry_after_seconds integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_used integer;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('platform_operations:' || p_platform));
    DELETE FROM platform_operations WHERE platform = p_platform AND minute <= now() - interval '25 hours';
    SELECT coalesce(sum(operations), 0)::integer INTO v_used
    FROM platform_operations WHERE platform = p_platform AND minute > now() - interval '24 hours';
    IF v_used + p_count > p_cap THEN
        RETURN QUERY
        SELECT false, v_used, coalesce((
            SELECT greatest(1, ceil(extract(epoch FROM w.minute + interval '24 hours' - now())))::integer
            FROM (SELECT minute, sum(operations) OVER (ORDER BY minute) AS leaving
                  FROM platform_operations WHERE platform = p_platform AND minute > now() - interval '24 hours') w
            WHERE v_used - w.leaving + p_count <= p_cap
            ORDER BY w.minute LIMIT 1), 86400);
        RETURN;
    END IF;
    INSERT INTO platform_operations (platform, minute, operations) VALUES (p_platform, date_trunc('minute', now()), p_count)
    ON CONFLICT (platform, minute) DO UPDATE SET operations = platform_operations.operations + excluded.operations;
    RETURN QUERY SELECT true, v_used + p_count, 0;
END
$$;
GRANT EXECUTE ON FUNCTION take_platform_operations(text, integer, integer) TO campaignd_app;

-- Integration lifecycle: when a connection was lost, and the periodic token refresh's lookup.

-- Set when the platform stopped accepting the integration's tokens or the user disconnected it; cleared on reconnect.
ALTER TABLE integrations ADD COLUMN disconnected_at timestamptz;

CREATE INDEX integrations_connected_expires_idx ON integrations (expires_at) WHERE connected;

-- The periodic refresh runs for every organization, before any organization is set: this function runs as its
-- owner and reveals only which connected integrations expire within the given number of seconds.
CREATE FUNCTION integrations_expiring(within_seconds double precision, max_rows integer)
RETURNS TABLE (integration_id uuid, organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT i.id, i.organization_id FROM integrations i
    WHERE i.connected AND i.expires_at IS NOT NULL AND i.expires_at < now() + make_interval(secs => within_seconds)
    ORDER BY i.expires_at
    LIMIT max_rows
$$;
REVOKE ALL ON FUNCTION integrations_expiring(double precision, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION integrations_expiring(double precision, integer) TO campaignd_app;

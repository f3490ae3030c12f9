-- Opens an API request's scope in one round trip instead of three: looks the key up (authenticate_api_key,
-- the one function that may read every key), sets app.organization_id for row-level security, and switches the
-- transaction to the application role. It runs as its caller, not SECURITY DEFINER, because the role switch
-- must outlive the function, until the end of the transaction.
CREATE FUNCTION begin_api_request(key text) RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    organization uuid := authenticate_api_key(key);
BEGIN
    IF organization IS NOT NULL THEN
        PERFORM set_config('app.organization_id', organization::text, true);
    END IF;
    PERFORM set_config('role', 'campaignd_app', true);
    RETURN organization;
END
$$;

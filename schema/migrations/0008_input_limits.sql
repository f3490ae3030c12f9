-- Every stored string and list has a maximum (issue 13). Lengths are Unicode code points: char_length in a
-- UTF-8 database, the same count as the API's check (Campaigns/Limits/InputLimits.swift; keep the numbers in
-- step with it). Values people type are refused past their limit; text the server or a platform writes
-- (log messages, job errors, account names) is cut to its limit on the way in, so a long platform message
-- never makes a write fail. Each constraint is added NOT VALID, then validated: existing rows are checked
-- without holding an exclusive lock during the scan.

-- Whether a JSON array (a missing one passes) has at most max_entries entries of at most max_length code points.
CREATE FUNCTION jsonb_text_array_within(list jsonb, max_entries integer, max_length integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT list IS NULL OR jsonb_typeof(list) <> 'array' OR (jsonb_array_length(list) <= max_entries
        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(list) AS entry WHERE char_length(entry) > max_length))
$$;

-- The same for a text[] column (cardinality and every element), for the list columns to come.
CREATE FUNCTION text_array_within(list text[], max_entries integer, max_length integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT list IS NULL OR (cardinality(list) <= max_entries
        AND NOT EXISTS (SELECT 1 FROM unnest(list) AS entry WHERE char_length(entry) > max_length))
$$;

-- Values people type: refused past their limit (the API refuses them first, naming the field).
ALTER TABLE organizations ADD CONSTRAINT organizations_name_length CHECK (char_length(name) <= 200) NOT VALID;
ALTER TABLE audiences ADD CONSTRAINT audiences_name_length CHECK (char_length(name) <= 255) NOT VALID;
ALTER TABLE audiences ADD CONSTRAINT audiences_rules_length CHECK (
    jsonb_text_array_within(rules -> 'locations', 500, 100) AND jsonb_text_array_within(rules -> 'interests', 500, 100)) NOT VALID;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_name_length CHECK (char_length(name) <= 255) NOT VALID;
ALTER TABLE campaign_units ADD CONSTRAINT campaign_units_name_length CHECK (char_length(name) <= 255) NOT VALID;
ALTER TABLE ad_creatives ADD CONSTRAINT ad_creatives_headline_length CHECK (char_length(headline) <= 255) NOT VALID;
ALTER TABLE ad_creatives ADD CONSTRAINT ad_creatives_description_length CHECK (char_length(description) <= 1000) NOT VALID;
ALTER TABLE ad_creatives ADD CONSTRAINT ad_creatives_media_url_length CHECK (char_length(media_url) <= 2048) NOT VALID;
ALTER TABLE ad_creatives ADD CONSTRAINT ad_creatives_landing_url_length CHECK (char_length(landing_url) <= 2048) NOT VALID;
ALTER TABLE oauth_states ADD CONSTRAINT oauth_states_redirect_uri_length CHECK (char_length(redirect_uri) <= 2048) NOT VALID;

-- Values the server or a platform makes: ids and keys are refused past their limit (none comes near it).
ALTER TABLE api_keys ADD CONSTRAINT api_keys_key_prefix_length CHECK (char_length(key_prefix) <= 32) NOT VALID;
ALTER TABLE ad_accounts ADD CONSTRAINT ad_accounts_external_account_id_length CHECK (char_length(external_account_id) <= 255) NOT VALID;
ALTER TABLE campaign_units ADD CONSTRAINT campaign_units_external_id_length CHECK (char_length(external_id) <= 255) NOT VALID;
ALTER TABLE ad_creatives ADD CONSTRAINT ad_creatives_external_id_length CHECK (char_length(external_id) <= 255) NOT VALID;
ALTER TABLE campaign_platform_maps ADD CONSTRAINT campaign_platform_maps_external_campaign_id_length
    CHECK (char_length(external_campaign_id) <= 255) NOT VALID;
ALTER TABLE oauth_states ADD CONSTRAINT oauth_states_state_length CHECK (char_length(state) <= 255) NOT VALID;
ALTER TABLE metric_definitions ADD CONSTRAINT metric_definitions_key_length CHECK (char_length(key) <= 64) NOT VALID;
ALTER TABLE metric_definitions ADD CONSTRAINT metric_definitions_label_length CHECK (char_length(label) <= 255) NOT VALID;
ALTER TABLE campaign_execution_logs ADD CONSTRAINT campaign_execution_logs_action_length CHECK (char_length(action) <= 100) NOT VALID;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_length CHECK (char_length(kind) <= 100) NOT VALID;
ALTER TABLE jobs ADD CONSTRAINT jobs_unique_key_length CHECK (char_length(unique_key) <= 255) NOT VALID;
ALTER TABLE jobs ADD CONSTRAINT jobs_locked_by_length CHECK (char_length(locked_by) <= 255) NOT VALID;
ALTER TABLE job_schedules ADD CONSTRAINT job_schedules_kind_length CHECK (char_length(kind) <= 100) NOT VALID;

-- Free text the server or a platform writes: cut to its limit (ending in "…") by a trigger that only runs
-- for an oversized value (its WHEN clause), then held there by a CHECK. TG_ARGV: column, limit.
CREATE FUNCTION cut_text_to_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    max_length integer := TG_ARGV[1]::integer;
    value text := to_jsonb(NEW) ->> TG_ARGV[0];
BEGIN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], left(value, max_length - 1) || '…'));
    RETURN NEW;
END
$$;

CREATE TRIGGER campaign_execution_logs_message_cut BEFORE INSERT ON campaign_execution_logs
    FOR EACH ROW WHEN (char_length(NEW.message) > 4000) EXECUTE FUNCTION cut_text_to_limit('message', '4000');
ALTER TABLE campaign_execution_logs ADD CONSTRAINT campaign_execution_logs_message_length CHECK (char_length(message) <= 4000) NOT VALID;

CREATE TRIGGER jobs_last_error_cut BEFORE INSERT OR UPDATE OF last_error ON jobs
    FOR EACH ROW WHEN (char_length(NEW.last_error) > 4000) EXECUTE FUNCTION cut_text_to_limit('last_error', '4000');
ALTER TABLE jobs ADD CONSTRAINT jobs_last_error_length CHECK (char_length(last_error) <= 4000) NOT VALID;

CREATE TRIGGER ad_accounts_name_cut BEFORE INSERT OR UPDATE OF name ON ad_accounts
    FOR EACH ROW WHEN (char_length(NEW.name) > 255) EXECUTE FUNCTION cut_text_to_limit('name', '255');
ALTER TABLE ad_accounts ADD CONSTRAINT ad_accounts_name_length CHECK (char_length(name) <= 255) NOT VALID;

-- Existing rows: checked now, with only a SHARE UPDATE EXCLUSIVE lock during each scan.
DO $$
DECLARE
    item record;
BEGIN
    FOR item IN
        SELECT c.conrelid::regclass AS table_name, c.conname FROM pg_constraint c
        WHERE c.contype = 'c' AND NOT c.convalidated AND c.conname LIKE '%\_length' AND c.connamespace = 'public'::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', item.table_name, item.conname);
    END LOOP;
END
$$;

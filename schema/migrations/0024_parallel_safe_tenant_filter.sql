-- The tenant filter of every row-level security policy may run in parallel workers (they start with the
-- leader's settings, app.organization_id included): marked unsafe, as functions are by default, it kept every
-- query of the application role on one core, a large report included.
ALTER FUNCTION app_organization_id() PARALLEL SAFE;

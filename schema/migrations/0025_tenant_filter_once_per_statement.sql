-- Every row-level security policy compared each row with app_organization_id(), which PostgreSQL inlines and
-- evaluated row by row: reading the setting and parsing it into a uuid for every row each scan touched (half of
-- PostgreSQL's time on a page of campaigns with their units and creatives). Written as a scalar subquery, the
-- filter becomes an InitPlan, computed once per statement, and still serves as an index condition. The rows each
-- policy admits are the same.
DO $$
DECLARE
    policy record;
BEGIN
    FOR policy IN
        SELECT tablename, policyname, CASE WHEN tablename = 'organizations' THEN 'id' ELSE 'organization_id' END AS tenant_column
        FROM pg_policies WHERE schemaname = 'public' AND policyname = tablename || '_tenant'
    LOOP
        EXECUTE format('ALTER POLICY %I ON %I USING (%I = (SELECT app_organization_id())) WITH CHECK (%I = (SELECT app_organization_id()))',
                       policy.policyname, policy.tablename, policy.tenant_column, policy.tenant_column);
    END LOOP;
END
$$;

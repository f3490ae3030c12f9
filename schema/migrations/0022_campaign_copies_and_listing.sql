-- A campaign copied onto another platform ("Launch on Google too") remembers the campaign it was copied from, so
-- the two are shown side by side. Deleting the original (a draft) leaves the copy standing, unlinked.
ALTER TABLE campaigns ADD COLUMN copied_from_campaign_id uuid;
ALTER TABLE campaigns
    ADD CONSTRAINT campaigns_copied_from_fkey FOREIGN KEY (organization_id, copied_from_campaign_id)
        REFERENCES campaigns (organization_id, id) ON DELETE SET NULL (copied_from_campaign_id);
CREATE INDEX campaigns_copied_from_idx ON campaigns (organization_id, copied_from_campaign_id)
    WHERE copied_from_campaign_id IS NOT NULL;

-- Units and creatives are listed oldest first by (created_at, id). now() is the transaction's start, so rows made
-- in one transaction (a copy's units and creatives, several mutations in one request) would tie and fall back to
-- their random ids: the clock at the insert keeps them in the order they were made.
ALTER TABLE campaign_units ALTER COLUMN created_at SET DEFAULT clock_timestamp();
ALTER TABLE ad_creatives ALTER COLUMN created_at SET DEFAULT clock_timestamp();

-- The campaign list sorted by name pages by (name, id).
CREATE INDEX campaigns_organization_name_idx ON campaigns (organization_id, name, id);

-- Live campaigns kept in step with their platform, and each ad's review status.

-- A creative version replaced by a newer one on a live campaign: when its ad was paused on the platform
-- (NULL while it still delivers, or never had an ad).
ALTER TABLE ad_creatives ADD COLUMN platform_retired_at timestamptz;

-- The platform's review of each creative's ad, as the metrics sync last read it.
CREATE TABLE ad_review_statuses (
    ad_creative_id uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    platform text NOT NULL CONSTRAINT ad_review_statuses_platform_check CHECK (platform IN ('google_ads', 'meta_ads')),
    -- Normalized across platforms.
    status text NOT NULL CONSTRAINT ad_review_statuses_status_check CHECK (status IN
        ('approved', 'approved_limited', 'under_review', 'disapproved', 'with_issues', 'unknown')),
    -- The platform's own words: Google's approval_status/review_status, Meta's effective_status.
    platform_status text NOT NULL CONSTRAINT ad_review_statuses_platform_status_check CHECK (length(platform_status) <= 200),
    -- Policy topics (Google) or review feedback (Meta); a few short texts.
    reasons text[] NOT NULL DEFAULT '{}' CONSTRAINT ad_review_statuses_reasons_check CHECK (cardinality(reasons) <= 50),
    checked_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ad_review_statuses_creative_fkey FOREIGN KEY (organization_id, ad_creative_id)
        REFERENCES ad_creatives (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX ad_review_statuses_organization_idx ON ad_review_statuses (organization_id, ad_creative_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON ad_review_statuses TO campaignd_app;
ALTER TABLE ad_review_statuses ENABLE ROW LEVEL SECURITY;
CREATE POLICY ad_review_statuses_tenant ON ad_review_statuses
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());

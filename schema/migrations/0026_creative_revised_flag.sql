-- A creative is current when no other creative revises it. Every read of current creatives answered that with one
-- index probe per creative (NOT EXISTS over parent_id): a third of a page read's time in PostgreSQL. `revised` keeps
-- the answer on the row, maintained by triggers whatever writes the table.
--
-- Versions form a line, not a tree: `reviseCreative` refuses to revise a creative that already has a revision (under
-- the parent's row lock); the unique index makes that a rule of the data, which is what lets a deleted revision
-- leave its parent current again.
ALTER TABLE ad_creatives ADD COLUMN revised boolean NOT NULL DEFAULT false;
DROP INDEX ad_creatives_organization_parent_idx;
CREATE UNIQUE INDEX ad_creatives_organization_parent_key ON ad_creatives (organization_id, parent_id) WHERE parent_id IS NOT NULL;
UPDATE ad_creatives p SET revised = true
WHERE EXISTS (SELECT 1 FROM ad_creatives r WHERE r.organization_id = p.organization_id AND r.parent_id = p.id);

CREATE FUNCTION ad_creatives_mark_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.parent_id IS NOT NULL THEN
        UPDATE ad_creatives SET revised = false WHERE organization_id = OLD.organization_id AND id = OLD.parent_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.parent_id IS NOT NULL THEN
        UPDATE ad_creatives SET revised = true WHERE organization_id = NEW.organization_id AND id = NEW.parent_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ad_creatives_revision_added AFTER INSERT ON ad_creatives
    FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) EXECUTE FUNCTION ad_creatives_mark_revised();
CREATE TRIGGER ad_creatives_revision_removed AFTER DELETE ON ad_creatives
    FOR EACH ROW WHEN (OLD.parent_id IS NOT NULL) EXECUTE FUNCTION ad_creatives_mark_revised();
CREATE TRIGGER ad_creatives_revision_moved AFTER UPDATE OF parent_id, organization_id ON ad_creatives
    FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
    EXECUTE FUNCTION ad_creatives_mark_revised();

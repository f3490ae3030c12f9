-- Stamping a metrics sync (campaigns.last_metrics_sync_at) is not a change of the campaign: updated_at, which
-- also tells the metrics sync how lately a paused campaign was paused, moves only when something else changes.
DROP TRIGGER campaigns_updated_at ON campaigns;
CREATE TRIGGER campaigns_updated_at BEFORE UPDATE ON campaigns FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'last_metrics_sync_at' - 'updated_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_metrics_sync_at' - 'updated_at'))
    EXECUTE FUNCTION campaigns_touch_updated_at();

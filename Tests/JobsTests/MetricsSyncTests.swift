import Campaigns
import Foundation
import Postgres
import Simulator
import Testing
import TestSupport

/// The metrics sync against the simulated platforms: normalized upserts, idempotence, failures per campaign.
@Suite struct MetricsSyncTests {
    /// What the simulator reports for a campaign today, in our keys and units.
    func expected(_ campaign: MetricsSyncFixture.LaunchedCampaign) -> [String: String] {
        let figures = SimulatedMetrics.day(objectID: campaign.external, day: MetricsSyncFixture.today)
        let spend = (Decimal(figures.spendMinor) / 100).description
        return ["impressions": String(figures.impressions), "clicks": String(figures.clicks), "spend": spend]
    }

    @Test func bothPlatformsAreUpsertedUnderTheSameKeysAndUnits() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        let google = try fixture.connect(.googleAds)[0]
        let meta = try fixture.connect(.metaAds)[0]
        let searchCampaign = try fixture.launch("Crisps search", in: google)
        let socialCampaign = try fixture.launch("Crisps social", in: meta)
        let draft = try fixture.pool.withConnection { connection in
            try connection.query(
                "INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective) VALUES (\(fixture.organizationID), \(meta.id), 'Draft', 'meta_ads', 'sales') RETURNING id")[0].decode("id", as: UUID.self)
        }
        let unknown = UnknownMetricLog()
        let report = try fixture.sync(unknownMetrics: unknown).syncAll()
        #expect(report.campaigns == 2 && report.synced == 2 && report.failed == 0, "\(report)")
        let today = MetricsSyncFixture.today
        for campaign in [searchCampaign, socialCampaign] {
            let stored = try fixture.metrics(campaign.id)
            for (key, value) in expected(campaign) {
                #expect(stored["\(today) \(key)"] == value, "\(campaign.platform) \(key): \(stored)")
            }
            // Only days with delivery, only known keys.
            #expect(stored.keys.allSatisfy { $0.hasPrefix(today) })
        }
        // Google's micros and Meta's currency units both arrive as currency units with cents.
        #expect(try fixture.metrics(searchCampaign.id).keys.sorted().map { $0.split(separator: " ")[1] }
                    .filter { ["impressions", "clicks", "spend"].contains($0) } == ["clicks", "impressions", "spend"])
        #expect(try fixture.metrics(draft).isEmpty)
        #expect(try fixture.count("SELECT count(*) FROM campaigns WHERE last_metrics_sync_at IS NOT NULL") == 2)
        // Meta's engagement actions have no definition: logged once, not stored.
        let notices = fixture.logged.values.filter { $0.contains("actions.post_engagement") }
        #expect(notices.count == 1, "\(fixture.logged.values)")
        _ = try fixture.sync(unknownMetrics: unknown).syncAll()
        #expect(fixture.logged.values.filter { $0.contains("actions.post_engagement") }.count == 1)
        #expect(try fixture.count("SELECT count(*) FROM campaign_execution_logs") == 0)
    }

    @Test func reRunningChangesNothingAndALateCorrectionIsOverwritten() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        let meta = try fixture.connect(.metaAds)[0]
        let campaigns = try (0..<3).map { try fixture.launch("Crisps \($0)", in: meta) }
        let first = try fixture.sync().syncAll()
        #expect(first.synced == 3 && first.valuesWritten > 0)
        let before = try campaigns.map { try fixture.metrics($0.id) }
        let rows = try fixture.count("SELECT count(*) FROM campaign_metrics")
        let second = try fixture.sync().syncAll()
        #expect(second.synced == 3)
        #expect(second.valuesWritten == 0)
        #expect(try campaigns.map { try fixture.metrics($0.id) } == before)
        #expect(try fixture.count("SELECT count(*) FROM campaign_metrics") == rows)
        // A stored value that differs from the platform's (a late correction there) is overwritten.
        try fixture.pool.withConnection { connection in
            try connection.query(
                "UPDATE campaign_metrics SET value = 1 WHERE campaign_id = \(campaigns[1].id) AND metric_id = (SELECT id FROM metric_definitions WHERE key = 'impressions')")
        }
        let third = try fixture.sync().syncAll()
        #expect(third.valuesWritten == 1)
        #expect(try fixture.metrics(campaigns[1].id) == before[1])
    }

    @Test func aFailingCampaignIsOnItsExecutionLogAndTheOthersAreSynced() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        let metaAccounts = try fixture.connect(.metaAds)
        try #require(metaAccounts.count >= 2)
        let google = try fixture.connect(.googleAds)[0]
        let healthy = try fixture.launch("Healthy", in: metaAccounts[0])
        let failing = try fixture.launch("Failing", in: metaAccounts[1])
        let search = try fixture.launch("Search", in: google)
        try fixture.control("failures", ["platform": "meta_ads", "path": "act_\(metaAccounts[1].external)/insights",
                                         "failure": "server_error", "times": 100])
        let report = try fixture.sync().syncAll()
        #expect(report.campaigns == 3 && report.synced == 2 && report.failed == 1, "\(report)")
        #expect(report.failures.keys.sorted { $0.uuidString < $1.uuidString } == [failing.id])
        #expect(try fixture.metrics(failing.id).isEmpty)
        #expect(try !fixture.metrics(healthy.id).isEmpty)
        #expect(try !fixture.metrics(search.id).isEmpty)
        let log = try fixture.pool.withConnection { connection in
            try connection.query("SELECT campaign_id, action, status, message FROM campaign_execution_logs")
        }
        try #require(log.count == 1)
        #expect(try log[0].decode("campaign_id", as: UUID.self) == failing.id)
        #expect(try log[0].decode("action", as: String.self) == "sync_metrics")
        #expect(try log[0].decode("status", as: String.self) == "error")
        #expect(try log[0].decode("message", as: String.self).hasPrefix("Metrics sync failed: "))
        #expect(try fixture.count("SELECT count(*) FROM campaigns WHERE last_metrics_sync_at IS NOT NULL") == 2)
    }

    @Test func aBatchWhoseWritesFailIsLoggedAndTheNextBatchesAreSynced() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        let meta = try fixture.connect(.metaAds)[0]
        _ = try (0..<3).map { try fixture.launch("Crisps \($0)", in: meta) }
        // Batches of 2 by id: the database refuses the first campaign's values, which fails the first batch's write.
        let byID: [UUID] = try fixture.pool.withConnection { connection in
            try connection.query("SELECT id FROM campaigns ORDER BY id").map { try $0.decode("id") }
        }
        try fixture.pool.withConnection { connection in
            try connection.execute(
                """
                CREATE FUNCTION refuse_metrics() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.campaign_id = '\(byID[0].uuidString.lowercased())' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_metrics BEFORE INSERT ON campaign_metrics FOR EACH ROW EXECUTE FUNCTION refuse_metrics();
                """)
        }
        let report = try fixture.sync().syncAll()
        #expect(report.campaigns == 3 && report.synced == 1 && report.failed == 2, "\(report)")
        #expect(Set(report.failures.keys) == Set(byID[0...1]))
        #expect(try fixture.metrics(byID[0]).isEmpty && fixture.metrics(byID[1]).isEmpty)
        #expect(try !fixture.metrics(byID[2]).isEmpty)
        #expect(try fixture.count("SELECT count(*) FROM campaign_execution_logs WHERE action = 'sync_metrics' AND status = 'error'") == 2)
        // The database's words stay in the operators' log, not on the campaign's.
        #expect(try fixture.count("SELECT count(*) FROM campaign_execution_logs WHERE message LIKE '%refused by the test%'") == 0)
        #expect(fixture.logged.values.contains { $0.contains("refused by the test") })
    }

    @Test func pausedCampaignsAreReadForTheirLastDaysOnlyWhilePausedLately() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        let meta = try fixture.connect(.metaAds)[0]
        let lately = try fixture.launch("Paused lately", in: meta, status: .paused)
        let long = try fixture.launch("Paused long ago", in: meta, status: .paused)
        try fixture.pool.withConnection { connection in
            try connection.execute("ALTER TABLE campaigns DISABLE TRIGGER campaigns_updated_at")
            try connection.query("UPDATE campaigns SET updated_at = now() - interval '30 days' WHERE id = \(long.id)")
            try connection.execute("ALTER TABLE campaigns ENABLE TRIGGER campaigns_updated_at")
        }
        let report = try fixture.sync().syncAll()
        #expect(report.campaigns == 1 && report.synced == 1)
        #expect(try !fixture.metrics(lately.id).isEmpty)
        #expect(try fixture.metrics(long.id).isEmpty)
        // A disconnected integration's campaigns wait for a new connection instead of failing each sync.
        try fixture.pool.withConnection { _ = try $0.query("UPDATE integrations SET connected = false") }
        #expect(try fixture.sync().syncAll().campaigns == 0)
        try fixture.pool.withConnection { _ = try $0.query("UPDATE integrations SET connected = true") }
        // Asked for by the API, a campaign is synced whatever its status.
        let single = try fixture.sync().sync(campaignID: long.id, organizationID: fixture.organizationID)
        #expect(single.synced == 1)
        #expect(try !fixture.metrics(long.id).isEmpty)
    }
}

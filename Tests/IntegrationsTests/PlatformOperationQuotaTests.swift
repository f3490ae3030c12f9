import Foundation
import Integrations
import Postgres
import Testing
import TestSupport

/// Google caps a deployment's Google Ads API operations over any 24 hours by access level; the quota counts them
/// in PostgreSQL before each request and refuses clearly, saying when there will be room.
@Suite struct PlatformOperationQuotaTests {
    func used(_ pool: PostgresPool) throws -> Int {
        try pool.withConnection {
            try $0.query("SELECT coalesce(sum(operations), 0)::int AS n FROM platform_operations WHERE minute > now() - interval '24 hours'")[0].decode("n")
        }
    }

    @Test func operationsAreTakenUntilTheDailyLimitAndThenRefusedWithWhenToRetry() throws {
        let database = try TestCluster.shared.migratedDatabase()
        let pool = database.pool(maximumConnections: 2)
        let interactive = PlatformOperationQuota(pool: pool, dailyLimit: 10)
        let background = PlatformOperationQuota(pool: pool, dailyLimit: 10, share: 0.8)
        try interactive.take(.googleAds, operations: 4)
        try background.take(.googleAds, operations: 4)
        #expect(try used(pool) == 8)
        // Background work stops at 8 of 10; the rest stays for launches and users' changes.
        let refused = try #require(throws: PlatformError.self) { try background.take(.googleAds, operations: 1) }
        guard case .rateLimited(let retryAfter, let message) = refused else { Issue.record("\(refused)"); return }
        #expect(retryAfter > 86_000 && retryAfter <= 86_400, "the operations taken now leave the window in a day: \(retryAfter)")
        #expect(message.contains("8 of its 10 Google Ads API operations") && message.contains("background work stops at 8"), "\(message)")
        try interactive.take(.googleAds, operations: 2)
        #expect(throws: PlatformError.self) { try interactive.take(.googleAds, operations: 1) }
        #expect(try used(pool) == 10, "a refusal takes nothing")

        // Operations older than 24 hours no longer count; those of the window's oldest minute leave first.
        try pool.withConnection { connection in
            try connection.query("UPDATE platform_operations SET minute = now() - interval '24 hours 30 seconds'")
            try connection.query("INSERT INTO platform_operations (platform, minute, operations) VALUES ('google_ads', date_trunc('minute', now() - interval '23 hours'), 9)")
        }
        try interactive.take(.googleAds, operations: 1)
        let waiting = try #require(throws: PlatformError.self) { try interactive.take(.googleAds, operations: 1) }
        guard case .rateLimited(let soon, _) = waiting else { Issue.record("\(waiting)"); return }
        #expect(soon > 3_500 && soon <= 3_600, "the 9 from 23 hours ago leave within the hour: \(soon)")
    }

    @Test func googleRequestsCountAsGoogleCountsThem() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let pool = database.pool(maximumConnections: 2)
        let google = try GoogleAdsFixture()
        let tokens = try await google.connect()
        var settings = google.settings
        settings.googleOperationQuota = PlatformOperationQuota(pool: pool, dailyLimit: 3)
        let provider = GoogleAdsProvider(settings: settings)
        _ = try provider.search(customerID: "1234567890", query: "SELECT customer.id FROM customer", accessToken: tokens.accessToken)
        #expect(try used(pool) == 1, "a query is one operation, whatever it returns")
        _ = try provider.refresh(tokens)
        #expect(try used(pool) == 1, "OAuth's token endpoint is not the Google Ads API")
        _ = try provider.search(customerID: "1234567890", query: "SELECT customer.id FROM customer", accessToken: tokens.accessToken)
        _ = try provider.search(customerID: "1234567890", query: "SELECT customer.id FROM customer", accessToken: tokens.accessToken)
        let refused = try #require(throws: PlatformError.self) {
            try provider.search(customerID: "1234567890", query: "SELECT customer.id FROM customer", accessToken: tokens.accessToken)
        }
        guard case .rateLimited = refused else { Issue.record("\(refused)"); return }
        #expect(try used(pool) == 3)
    }
}

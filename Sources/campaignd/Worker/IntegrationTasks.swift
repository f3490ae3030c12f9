import Foundation
import Integrations
import Jobs
import Postgres

/// `refreshExpiringTokens` and `syncAdAccounts`: the integrations' periodic upkeep, as system jobs.
enum IntegrationTasks {
    /// Refreshes every connected integration's token that expires before the run after next (`interval`
    /// seconds apart) plus the usual margin: a Meta token that expired between two runs cannot be exchanged
    /// any more. Integrations the platform refuses are marked disconnected. Fails (and is retried) only when
    /// every refresh failed.
    static func refreshExpiringTokens(tokens: TokenService, pool: PostgresPool, interval: Double, lease: Double,
                                      log: @escaping @Sendable (String) -> Void) -> JobDefinition {
        JobDefinition(kind: JobKinds.refreshExpiringTokens, lease: lease, backoff: BackoffPolicy(baseDelay: 30, maximumDelay: 300)) { _, _ in
            let summary = try tokens.refreshExpiring(pool: pool, within: 2 * interval + TokenService.refreshMargin)
            log("token refresh: \(summary.refreshed.count) refreshed, \(summary.disconnected.count) disconnected, \(summary.failed.count) failed")
            for failure in summary.failed {
                log("token refresh: integration \(failure.integrationID.uuidString.lowercased()) failed: \(failure.reason)")
            }
            if !summary.failed.isEmpty && summary.refreshed.isEmpty && summary.disconnected.isEmpty {
                throw IntegrationTaskFailed(message: "every token refresh failed; first: \(summary.failed[0].reason)")
            }
        }
    }

    /// Syncs the ad accounts of every connected integration, each in its own transaction; one integration's
    /// failure is logged and the others carry on.
    static func syncAdAccounts(accounts: AccountSyncService, pool: PostgresPool, lease: Double,
                               log: @escaping @Sendable (String) -> Void) -> JobDefinition {
        JobDefinition(kind: JobKinds.syncAdAccounts, lease: lease, backoff: BackoffPolicy(baseDelay: 60, maximumDelay: 900)) { _, _ in
            let organizations: [UUID] = try pool.withConnection { connection in
                try connection.query("SELECT id FROM organizations ORDER BY id").map { try $0.decode("id") }
            }
            var synced = 0
            var failures: [String] = []
            for organizationID in organizations {
                let integrations: [UUID] = try pool.withConnection { connection in
                    try connection.query("SELECT id FROM integrations WHERE organization_id = \(organizationID) AND connected ORDER BY id")
                        .map { try $0.decode("id") }
                }
                for integrationID in integrations {
                    do {
                        // Outside a transaction the service commits a refused connection's disconnection itself.
                        try pool.withConnection { try accounts.sync(integrationID: integrationID, organizationID: organizationID, on: $0) }
                        synced += 1
                    } catch {
                        failures.append("integration \(integrationID.uuidString.lowercased()): \(error)")
                    }
                }
            }
            log("ad account sync: \(synced) integrations synced, \(failures.count) failed")
            failures.forEach { log("ad account sync: \($0)") }
            if synced == 0, let first = failures.first { throw IntegrationTaskFailed(message: "every account sync failed; first: \(first)") }
        }
    }
}

struct IntegrationTaskFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

import Foundation
import Postgres

/// A session-level advisory lock per campaign, held on a dedicated connection for the whole of a launch or
/// status change. It outlives the short transactions that record each step, and PostgreSQL releases it if the
/// connection dies, so a crashed launch never leaves a campaign locked.
struct CampaignOperationLock {
    let connection: PostgresConnection
    let campaignID: UUID

    /// The lock's key: a 64-bit hash of the campaign id in a namespace of our own.
    static func key(_ campaignID: UUID) -> PostgresQuery {
        "hashtextextended('campaignd.campaign.' || \(campaignID)::text, 0)"
    }

    /// Takes the lock without waiting; `false` when another session holds it.
    static func acquire(_ campaignID: UUID, on connection: PostgresConnection) throws -> CampaignOperationLock? {
        let taken: Bool = try connection.query(
            "SELECT pg_try_advisory_lock(\(key(campaignID))) AS taken")[0].decode("taken")
        return taken ? CampaignOperationLock(connection: connection, campaignID: campaignID) : nil
    }

    func release() {
        _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.key(campaignID)))")
    }
}

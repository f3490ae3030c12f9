import Foundation
import Integrations
import Postgres

/// A creative's ad review as last read from its platform.
public struct StoredAdReview: Sendable, Equatable {
    public var creativeID: UUID
    public var platform: Platform
    public var status: AdReviewStatus
    public var platformStatus: String
    public var reasons: [String]
    public var checkedAt: Date
}

/// Ad reviews: read per creative for the API, written by the metrics sync.
public struct AdReviewService: Sendable {
    public init() {}

    /// The reviews of these creatives that have one, in one statement.
    public func reviews(ofCreatives ids: [UUID], in session: TenantSession) throws -> [UUID: StoredAdReview] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT ad_creative_id, platform, status, platform_status, array_to_json(reasons)::text AS reasons, checked_at
            FROM ad_review_statuses WHERE organization_id = \(session.organizationID) AND ad_creative_id = ANY(\(uuidArray(ids))::uuid[])
            """)
        var result: [UUID: StoredAdReview] = [:]
        for row in rows {
            guard let platform = Platform(rawValue: try row.decode("platform")),
                  let status = AdReviewStatus(rawValue: try row.decode("status")) else {
                throw PostgresError.decoding(column: "status", message: "unknown platform or review status")
            }
            let reasonsText: String = try row.decode("reasons")
            let reasons = (try? JSONSerialization.jsonObject(with: Data(reasonsText.utf8))) as? [String] ?? []
            let review = StoredAdReview(
                creativeID: try row.decode("ad_creative_id"), platform: platform, status: status,
                platformStatus: try row.decode("platform_status"), reasons: reasons, checkedAt: try row.decode("checked_at"))
            result[review.creativeID] = review
        }
        return result
    }

    /// The ads (creatives with a platform id) of these campaigns, by campaign: what the sync asks reviews for.
    static func ads(ofCampaigns campaignIDs: [UUID], organizationID: UUID, on connection: PostgresConnection) throws -> [UUID: [(creativeID: UUID, externalAdID: String)]] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try connection.query(
            """
            SELECT u.campaign_id, a.id, a.external_id FROM ad_creatives a
            JOIN campaign_units u ON u.organization_id = a.organization_id AND u.id = a.campaign_unit_id
            WHERE a.organization_id = \(organizationID) AND u.campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[]) AND a.external_id IS NOT NULL
            ORDER BY a.created_at, a.id
            """)
        var result: [UUID: [(creativeID: UUID, externalAdID: String)]] = [:]
        for row in rows {
            result[try row.decode("campaign_id", as: UUID.self), default: []].append((try row.decode("id"), try row.decode("external_id")))
        }
        return result
    }

    /// Upserts the reviews read (creative → review); a review that did not change keeps its row untouched but
    /// for `checked_at`.
    static func store(_ reviews: [UUID: AdReview], platform: [UUID: Platform], organizationID: UUID, on connection: PostgresConnection) throws {
        for (creativeID, review) in reviews.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            guard let platform = platform[creativeID] else { continue }
            try connection.query(
                """
                INSERT INTO ad_review_statuses (ad_creative_id, organization_id, platform, status, platform_status, reasons, checked_at)
                SELECT a.id, a.organization_id, \(platform.rawValue), \(review.status.rawValue), \(review.platformStatus), \(textArray(review.reasons))::text[], now()
                FROM ad_creatives a
                WHERE a.organization_id = \(organizationID) AND a.id = \(creativeID)
                ON CONFLICT (ad_creative_id) DO UPDATE SET platform = EXCLUDED.platform, status = EXCLUDED.status,
                    platform_status = EXCLUDED.platform_status, reasons = EXCLUDED.reasons, checked_at = EXCLUDED.checked_at
                WHERE ad_review_statuses.organization_id = EXCLUDED.organization_id
                """)
        }
    }
}

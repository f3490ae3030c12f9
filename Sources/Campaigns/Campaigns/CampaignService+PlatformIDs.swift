import Foundation
import Postgres

extension CampaignService {
    /// The platform id of each creative's ad, for those that have one (a creative of a live campaign without one is
    /// pending: its launch failed part-way and waits for `pushCampaignChanges`).
    public func externalIDs(ofCreatives ids: [UUID], in session: TenantSession) throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            "SELECT id, external_id FROM ad_creatives WHERE organization_id = \(session.organizationID) AND id = ANY(\(uuidArray(ids))::uuid[]) AND external_id IS NOT NULL")
        var result: [UUID: String] = [:]
        for row in rows { result[try row.decode("id")] = try row.decode("external_id") }
        return result
    }
}

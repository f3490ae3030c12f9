import Foundation

public struct Campaign: Sendable, Equatable {
    public var id: UUID
    public var adAccountID: UUID
    public var name: String
    public var platform: Platform
    public var objective: Objective
    public var status: CampaignStatus
    public var createdAt: Date
    /// The keyset position of the campaign in the newest-first order.
    public var cursor: CreationCursor
    /// The first and last day it runs (`YYYY-MM-DD`); a lifetime budget needs the last.
    public var startDate: String? = nil
    public var endDate: String? = nil
    /// The Meta pixel a Sales campaign optimizes for.
    public var metaPixelID: String? = nil
    /// The campaign this one was copied from onto its platform, if any.
    public var copiedFromID: UUID? = nil
}

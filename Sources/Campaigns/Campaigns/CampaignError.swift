/// What a `CampaignError.notFound` did not find, as a reader names it.
public enum CampaignRecord: String, Sendable {
    case campaign = "Campaign", unit = "Campaign unit", creative = "Ad creative"
}

/// Why a campaign, unit or creative operation was refused. `field` is the input path, e.g. `budget.amount`.
public enum CampaignError: Error, Sendable, Equatable {
    case validation(field: String, message: String)
    case notFound(CampaignRecord)
    /// Only drafts can be deleted.
    case notDraft(CampaignStatus)
}

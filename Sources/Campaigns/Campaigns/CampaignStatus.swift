public enum CampaignStatus: String, Sendable, CaseIterable {
    case draft, live, paused, completed, error
}

public struct CampaignChanges: Sendable, Equatable {
    public var name: String?
    public var objective: Objective?

    public init(name: String? = nil, objective: Objective? = nil) {
        self.name = name
        self.objective = objective
    }
}

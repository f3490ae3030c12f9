public struct BudgetDraft: Sendable, Equatable {
    public var type: BudgetType?
    public var amount: Money?
    public var currency: String

    public init(type: BudgetType?, amount: Money?, currency: String) {
        self.type = type
        self.amount = amount
        self.currency = currency
    }
}

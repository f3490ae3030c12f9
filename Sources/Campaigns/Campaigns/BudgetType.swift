public enum BudgetType: String, Sendable, CaseIterable {
    case daily, lifetime
}

public enum Objective: String, Sendable, CaseIterable {
    case leads, traffic, sales
}

/// Why two fields cannot be merged: a plain reason, or the conflicts among their subfields.
indirect enum FieldConflictReason {
    case reason(String)
    case subfields([(responseName: String, reason: FieldConflictReason)])

    /// graphql-js `reasonMessage`.
    var message: String {
        switch self {
        case .reason(let text): text
        case .subfields(let list):
            list.map { "subfields \"\($0.responseName)\" conflict because " + $0.reason.message }
                .joined(separator: " and ")
        }
    }
}

/// A pair of unmergeable fields (with the subfields involved), as locations for the error.
struct FieldConflict {
    var responseName: String
    var reason: FieldConflictReason
    var fields1: [SourceLocation?]
    var fields2: [SourceLocation?]
}

/// graphql-js `didYouMean`: ` Did you mean "a", "b", or "c"?` (at most five suggestions),
/// or the empty string when there is nothing to suggest.
func didYouMean(_ suggestions: [String]) -> String {
    didYouMean(nil, suggestions)
}

/// As `didYouMean(_:)`, with words before the suggestions (` Did you mean the enum value "A"?`).
func didYouMean(_ subMessage: String?, _ suggestions: [String]) -> String {
    if suggestions.isEmpty { return "" }
    var message = " Did you mean "
    if let subMessage { message += subMessage + " " }
    let quoted = suggestions.prefix(5).map { "\"" + $0 + "\"" }
    switch quoted.count {
    case 1: return message + quoted[0] + "?"
    case 2: return message + quoted[0] + " or " + quoted[1] + "?"
    default:
        return message + quoted.dropLast().joined(separator: ", ") + ", or " + quoted[quoted.count - 1] + "?"
    }
}

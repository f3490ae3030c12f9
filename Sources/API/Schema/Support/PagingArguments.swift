import GraphQL

extension ResolverContext {
    /// The page size `first`, within `bounds`; `BAD_USER_INPUT` naming it otherwise.
    func first(in bounds: ClosedRange<Int>) throws -> Int {
        guard case .int(let first)? = arguments["first"], bounds.contains(first) else {
            throw UserError.badInput("first must be between \(bounds.lowerBound) and \(bounds.upperBound).", field: "first")
        }
        return first
    }

    /// The `after` cursor as `decode` reads it, nil when absent; a text it cannot read is refused with `refusal`.
    func after<Cursor>(_ decode: (String) -> Cursor?, refusal: String = "after is not a valid cursor.") throws -> Cursor? {
        guard case .string(let text)? = arguments["after"] else { return nil }
        guard let cursor = decode(text) else { throw UserError.badInput(refusal, field: "after") }
        return cursor
    }
}

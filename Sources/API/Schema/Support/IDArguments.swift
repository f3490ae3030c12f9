import Foundation
import GraphQL

extension ResolverContext {
    /// The object the `ID` argument `name` names, as its UUID. An id that is missing, malformed, of another type
    /// or another organization's reads alike: `NOT_FOUND`, "Campaign not found.".
    func id(_ name: String, of type: NodeType) throws -> UUID {
        guard let id = arguments[name]?.id(of: type) else { throw UserError.notFound(type) }
        return id
    }
}

extension JSON {
    /// The UUID of a `type` object this value (an `ID` input) names, or nil.
    func id(of type: NodeType) -> UUID? {
        stringValue.flatMap { GlobalID.decode($0, as: type) }
    }
}

extension UserError {
    /// `NOT_FOUND`: "Campaign unit not found.".
    static func notFound(_ type: NodeType) -> UserError {
        notFound(type.displayName)
    }
}

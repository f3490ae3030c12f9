import Campaigns
import GraphQL

/// The one hook for errors that are not `GraphQLErrorConvertible` themselves but that a client should still see
/// (``GraphQLPipelineConfiguration/presentError``); anything it leaves `nil` is masked as an internal error.
public enum APIErrorPresentation {
    @Sendable public static func present(_ error: any Error) -> (any GraphQLErrorConvertible)? {
        switch error {
        case let error as MetaAssetError:
            switch error {
            case .notFound(let what): return UserError.notFound(what)
            case .validation(let field, let message): return UserError.badInput(message, field: field)
            // The service's typed throws wrap what the platform or the store said; present that.
            case .platform(let underlying): return underlying as? any GraphQLErrorConvertible ?? present(underlying)
            }
        default:
            return DatabaseLimitErrors.present(error)
        }
    }
}

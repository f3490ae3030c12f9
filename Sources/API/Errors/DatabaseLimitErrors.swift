import GraphQL
import Postgres

/// The database errors a client caused by what it asked, not server faults: the request's time limits, and the
/// statements that follow one in the same transaction.
enum DatabaseLimitErrors {
    static let queryCanceled = "57014"
    static let lockNotAvailable = "55P03"
    static let inFailedTransaction = "25P02"

    /// The client-facing error for `error`, or `nil` to leave it masked.
    static func present(_ error: any Error) -> UserError? {
        guard let server = (error as? PostgresError)?.serverError else { return nil }
        switch server.sqlState {
        case queryCanceled:
            return UserError("The request ran past its time limit and was stopped; ask for less at once.", code: .timeout)
        case lockNotAvailable:
            return UserError(
                "The data this request needs is being changed by another request; try again in a moment.", code: .lockTimeout)
        case inFailedTransaction:
            return UserError("An earlier error in this request stopped its work; nothing of it was saved.", code: .requestAborted)
        default:
            return nil
        }
    }
}

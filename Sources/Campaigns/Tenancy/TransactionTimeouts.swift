/// Time limits of one request's transaction, in milliseconds (`0` turns one off), so a slow statement, a wait on
/// another transaction's lock, or a stalled caller cannot hold a connection and its locks for long.
public struct TransactionTimeouts: Sendable, Equatable {
    public var statementMilliseconds: Int
    public var lockMilliseconds: Int
    public var idleInTransactionMilliseconds: Int

    public init(statementMilliseconds: Int = 5_000, lockMilliseconds: Int = 2_000, idleInTransactionMilliseconds: Int = 120_000) {
        self.statementMilliseconds = statementMilliseconds
        self.lockMilliseconds = lockMilliseconds
        self.idleInTransactionMilliseconds = idleInTransactionMilliseconds
    }
}

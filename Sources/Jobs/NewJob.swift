import Foundation

/// What to queue: a kind, its payload, and optionally an organization, a uniqueness key and a later start.
public struct NewJob: Sendable, Equatable {
    public var kind: String
    public var payloadJSON: String
    public var organizationID: UUID?
    /// While a job with this key is queued, running or waiting for a retry, queuing another one returns it instead.
    public var uniqueKey: String?
    /// `nil` runs it as soon as a worker is free.
    public var runAt: Date?
    public var maxAttempts: Int

    public init(kind: String, payloadJSON: String = "{}", organizationID: UUID? = nil, uniqueKey: String? = nil,
                runAt: Date? = nil, maxAttempts: Int = 5) {
        self.kind = kind
        self.payloadJSON = payloadJSON
        self.organizationID = organizationID
        self.uniqueKey = uniqueKey
        self.runAt = runAt
        self.maxAttempts = maxAttempts
    }

    /// A job whose payload is `payload` encoded as JSON.
    public init<Payload: Encodable>(kind: String, payload: Payload, organizationID: UUID? = nil, uniqueKey: String? = nil,
                                    runAt: Date? = nil, maxAttempts: Int = 5) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        self.init(kind: kind, payloadJSON: String(decoding: try encoder.encode(payload), as: UTF8.self),
                  organizationID: organizationID, uniqueKey: uniqueKey, runAt: runAt, maxAttempts: maxAttempts)
    }
}

/// The result of queuing: the job, and whether it is new or the pending job with the same uniqueness key.
public struct Enqueued: Sendable, Equatable {
    public var job: Job
    public var isNew: Bool
}

import API
import Foundation
import Telemetry

/// One JSON line per `/graphql` request on standard error: request id, organization, operation, status,
/// outcome, duration. Failures carry their cause, and a cause that repeats is written once per 10 s with
/// the count held back, so that an outage cannot flood the log. Nothing a client sent is written but the
/// operation's name: no key, no document, no variables.
struct RequestLog: Sendable {
    private let throttle = LogThrottle(interval: 10)
    /// Uses of deprecated elements: one line per operation and element an hour, enough to find the clients to move.
    private let deprecations = LogThrottle(interval: 3600)
    private let write: @Sendable (String) -> Void

    init(write: @escaping @Sendable (String) -> Void = { FileHandleOutput.standardError($0) }) {
        self.write = write
    }

    func record(_ request: GraphQLRequestRecord) {
        var line = JSONLogLine([
            ("event", .string("graphql_request")),
            ("request_id", request.requestID.map { .string($0) }),
            ("organization_id", request.organizationID.map { .string($0.uuidString.lowercased()) }),
            ("operation_name", request.operationName.map { .string(String($0.prefix(100))) }),
            ("operation_type", request.operationType.map { .string($0) }),
            ("status", .integer(request.status)),
            ("outcome", .string(request.outcome.rawValue)),
            ("error_code", request.errorCode.map { .string($0) }),
            ("duration_ms", .number(request.seconds * 1000)),
        ])
        for deprecation in request.deprecations {
            let operation = request.operationName.map { String($0.prefix(100)) }
            guard let suppressed = deprecations.admit((operation ?? "") + "\u{0}" + deprecation) else { continue }
            var use = JSONLogLine([
                ("event", .string("deprecated_usage")), ("operation_name", operation.map { .string($0) }),
                ("organization_id", request.organizationID.map { .string($0.uuidString.lowercased()) }), ("deprecation", .string(deprecation)),
            ])
            if suppressed > 0 { use["uses_since_last"] = .integer(suppressed) }
            write(use.text)
        }
        if let failure = request.failure {
            guard let suppressed = throttle.admit(failure) else { return }
            line["failure"] = .string(failure)
            if suppressed > 0 { line["suppressed_since_last"] = .integer(suppressed) }
        }
        write(line.text)
    }

    /// A failure outside a request (the health check, an internal error), throttled the same way.
    func failure(_ event: String, _ message: String) {
        guard let suppressed = throttle.admit(event + message) else { return }
        var line = JSONLogLine([("event", .string(event)), ("failure", .string(message))])
        if suppressed > 0 { line["suppressed_since_last"] = .integer(suppressed) }
        write(line.text)
    }
}

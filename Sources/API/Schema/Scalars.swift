import Foundation
import GraphQL

/// Custom scalars: how their values cross the API's edge.
enum Scalars {
    static let all: [String: ScalarCoercion] = ["DateTime": dateTime]

    /// RFC 3339 instants in UTC with milliseconds; resolvers hand over `Date` values as strings.
    static let dateTime = ScalarCoercion()
}

extension Date {
    /// The `DateTime` scalar's text form.
    var graphQLDateTime: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: self)
    }
}

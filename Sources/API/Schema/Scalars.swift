import Foundation
import GraphQL

/// Custom scalars: how their values cross the API's edge.
enum Scalars {
    static let all: [String: ScalarCoercion] = ["DateTime": dateTime, "Decimal": decimal, "Date": date]

    /// Money: resolvers hand over strings ("50.00"); input (a string or a number) passes through and is
    /// checked by the resolver, so a non-numeric amount is a BAD_USER_INPUT naming its field.
    static let decimal = ScalarCoercion()

    /// RFC 3339 instants in UTC with milliseconds; resolvers hand over `Date` values as strings.
    static let dateTime = ScalarCoercion()

    /// A calendar day, `YYYY-MM-DD`; resolvers check it strictly (a BAD_USER_INPUT naming the argument).
    static let date = ScalarCoercion()
}

extension Date {
    /// The `DateTime` scalar's text form.
    var graphQLDateTime: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: self)
    }
}

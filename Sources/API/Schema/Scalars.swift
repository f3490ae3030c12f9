import Foundation
import GraphQL
import Postgres

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
    /// The `DateTime` scalar's text form, `2026-11-25T20:13:06.123Z`. Formatted by arithmetic: Foundation's
    /// ISO 8601 formatter builds an ICU formatter per call on Linux, costlier than the rest of a field.
    /// Instants come from PostgreSQL in whole microseconds, which a `Date`'s double holds only to within a fraction
    /// of one: half a microsecond is added before truncating, so `.123000` never reads as `.122`.
    var graphQLDateTime: String {
        let milliseconds = Int((timeIntervalSince1970 * 1000 + 0.0005).rounded(.down))
        let days = Int((Double(milliseconds) / 86_400_000).rounded(.down))
        let millisecondOfDay = milliseconds - days * 86_400_000
        let seconds = millisecondOfDay / 1000
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(CalendarDate(daysSinceUnixEpoch: days))T\(padded(seconds / 3600, 2)):\(padded(seconds / 60 % 60, 2)):"
            + "\(padded(seconds % 60, 2)).\(padded(millisecondOfDay % 1000, 3))Z"
    }
}

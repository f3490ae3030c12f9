import Foundation
import GraphQL
import Postgres

extension ResolverContext {
    /// The `Date` argument `name`: exactly `YYYY-MM-DD` in ASCII digits, a day that exists, year 1 to 9999;
    /// `BAD_USER_INPUT` naming the argument otherwise.
    func day(_ name: String) throws -> CalendarDate {
        let refused = UserError.badInput("\(name) must be a date in the form YYYY-MM-DD.", field: name)
        guard case .string(let text)? = arguments[name], text.utf8.count == 10,
              text.utf8.enumerated().allSatisfy({ index, byte in index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (48...57).contains(byte) }),
              let day = CalendarDate(iso: text), day.year >= 1 else { throw refused }
        return day
    }

    /// The `from` and `to` arguments of a range of days: `from` not after `to`, at most `maximumDays` days counting both.
    func days(maximumDays: Int) throws -> (from: CalendarDate, to: CalendarDate) {
        let from = try day("from"), to = try day("to")
        guard from <= to else { throw UserError.badInput("from must not be after to.", field: "from") }
        guard to.daysSinceUnixEpoch - from.daysSinceUnixEpoch < maximumDays else {
            throw UserError.badInput("The range from from to to must be at most \(maximumDays) days.", field: "to")
        }
        return (from, to)
    }
}

extension Date {
    /// An RFC 3339 date-time (`2026-12-24T09:00:00Z`, fractional seconds and offsets allowed).
    init?(dateTimeText text: String) {
        guard text.utf8.count <= 64 else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) {
            self = date
            return
        }
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { return nil }
        self = date
    }
}

import Foundation

/// Days as the Graph API writes them (`YYYY-MM-DD`, UTC).
enum MetaSimulatedDays {
    static func string(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// Every day from `first` to `last`, both included.
    static func range(_ first: String, _ last: String) -> [String] {
        guard var day = date(first), let end = date(last) else { return [] }
        var days: [String] = []
        while day <= end, days.count < 3_700 {
            days.append(string(day))
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        return days
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

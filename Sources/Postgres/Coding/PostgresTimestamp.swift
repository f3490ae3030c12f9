import Foundation

/// Text form of `timestamptz`: connections run with `TimeZone=UTC` and `DateStyle=ISO`, so values
/// read as `2026-11-25 20:13:06.123456+00`.
enum PostgresTimestamp {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            let parts = String(decoding: bytes[(index + 1)...], as: UTF8.self).split(separator: ":")
            let hours = parts.count > 0 ? Int(parts[0]) ?? 0 : 0
            let minutes = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        let days = CalendarDate(year: year, month: month, day: day).daysSinceUnixEpoch
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    static func format(_ date: Date) -> String {
        let total = date.timeIntervalSince1970
        var whole = Int(total.rounded(.down))
        let micros = Int(((total - Double(whole)) * 1_000_000).rounded())
        var microsPart = micros
        if microsPart == 1_000_000 { whole += 1; microsPart = 0 }
        let days = Int((Double(whole) / 86_400).rounded(.down))
        let secondsOfDay = whole - days * 86_400
        let calendarDate = CalendarDate(daysSinceUnixEpoch: days)
        let time = String(format: "%02d:%02d:%02d.%06d", secondsOfDay / 3600, secondsOfDay / 60 % 60, secondsOfDay % 60, microsPart)
        return "\(calendarDate.description) \(time)+00"
    }
}

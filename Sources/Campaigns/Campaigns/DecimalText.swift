import Foundation

extension Decimal {
    /// Numeric text with `.` as the decimal point, whatever the process's locale. The POSIX locale is built
    /// once: building one per value shows on Linux, and money and metrics are read in bulk.
    init?(posixText text: String) {
        self.init(string: text, locale: posixLocale)
    }
}

private let posixLocale = Locale(identifier: "en_US_POSIX")

extension Decimal {
    /// Exactly `scale` decimal places (rounded half away from zero), `.` as the point: `0.610000`.
    public func fixedText(scale: Int) -> String {
        var value = self, rounded = Decimal()
        NSDecimalRound(&rounded, &value, scale, .plain)
        let text = rounded.description
        guard scale > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return "\(parts[0]).\(fraction)\(String(repeating: "0", count: max(0, scale - fraction.count)))"
    }
}

import Foundation

extension Decimal {
    /// Numeric text with `.` as the decimal point, whatever the process's locale. The POSIX locale is built
    /// once: building one per value shows on Linux, and money and metrics are read in bulk.
    init?(posixText text: String) {
        self.init(string: text, locale: posixLocale)
    }
}

private let posixLocale = Locale(identifier: "en_US_POSIX")

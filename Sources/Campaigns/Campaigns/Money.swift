import Foundation

/// A money amount or allocation: at most 12 integer digits and 2 decimals, in PostgreSQL's numeric text
/// form (`"50.00"` when read back from a numeric(14, 2) column).
public struct Money: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let value: Decimal

    /// `nil` unless `text` is a plain decimal number (optional sign, digits, optional fraction).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard Money.isPlainDecimal(trimmed), let value = Decimal(posixText: trimmed) else { return nil }
        self.text = trimmed
        self.value = value
    }

    public var description: String { text }

    /// `[+-]?[0-9]+(\.[0-9]+)?`, checked by hand: a regular expression is compiled anew per call on Linux,
    /// and money is read for every budget of every page.
    static func isPlainDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        guard !integer.isEmpty else { return false }
        let rest = bytes.dropFirst(integer.count)
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy(isDigit)
    }

    var fractionDigits: Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
    var fitsColumn: Bool { fractionDigits <= 2 && value < Decimal(string: "1000000000000")! }
}

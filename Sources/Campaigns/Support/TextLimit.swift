/// The most a stored string may hold, counted in Unicode code points (scalars): the way PostgreSQL's
/// `char_length` counts text in a UTF-8 database, so this check and the column's CHECK always agree.
/// Graphemes (`String.count`) are not used: one grapheme can carry any number of combining marks.
/// NUL (U+0000) is refused whatever the length: PostgreSQL's text cannot hold it and libpq would cut
/// the value short at it.
public struct TextLimit: Sendable, Equatable, CustomStringConvertible {
    /// The maximum in Unicode code points.
    public let maximum: Int

    public init(maximum: Int) {
        self.maximum = maximum
    }

    public var description: String { "at most \(maximum.formattedWithSeparators) characters (Unicode code points)" }

    /// Refuses `value` when it is too long or contains NUL; `field` names it in the refusal (`input.name`).
    public func check(_ value: String, field: String) throws(InputLimitViolation) {
        if let violation = violation(of: value, field: field) { throw violation }
    }

    /// The same check for domain rules, thrown as the rule's own error: `else: AudienceError.validation`.
    public func check<Failure: Error>(
        _ value: String, field: String, else failure: (_ field: String, _ message: String) -> Failure
    ) throws(Failure) {
        if let violation = violation(of: value, field: field) { throw failure(violation.field, violation.message) }
    }

    /// Why `value` is refused, or `nil`. Never walks more than `4 × maximum` bytes to find a string too long.
    public func violation(of value: String, field: String, entry: Int? = nil) -> InputLimitViolation? {
        let name = entry.map { "\(field)[\($0)]" } ?? field
        if !fits(value) {
            return InputLimitViolation(field: field, message: "\(name) must be \(description).")
        }
        if value.utf8.contains(0) {
            return InputLimitViolation(field: field, message: "\(name) must not contain the NUL character (U+0000).")
        }
        return nil
    }

    /// Whether `value` has at most `maximum` code points. A code point takes 1 to 4 UTF-8 bytes, so the
    /// byte count decides most strings without counting.
    public func fits(_ value: String) -> Bool {
        let bytes = value.utf8.count
        if bytes <= maximum { return true }
        if bytes > maximum * 4 { return false }
        var count = 0
        for _ in value.unicodeScalars {
            count += 1
            if count > maximum { return false }
        }
        return true
    }
}

/// The most entries a stored list may hold, and the limit of each entry.
public struct ListLimit: Sendable, Equatable, CustomStringConvertible {
    public let maximumCount: Int
    public let entry: TextLimit

    public init(maximumCount: Int, entry: TextLimit) {
        self.maximumCount = maximumCount
        self.entry = entry
    }

    public var description: String { "at most \(maximumCount.formattedWithSeparators) entries of \(entry)" }

    /// Refuses a list with too many entries, or an entry too long or containing NUL.
    public func check(_ values: [String], field: String) throws(InputLimitViolation) {
        if let violation = violation(of: values, field: field) { throw violation }
    }

    /// The same check for domain rules, thrown as the rule's own error.
    public func check<Failure: Error>(
        _ values: [String], field: String, else failure: (_ field: String, _ message: String) -> Failure
    ) throws(Failure) {
        if let violation = violation(of: values, field: field) { throw failure(violation.field, violation.message) }
    }

    public func violation(of values: [String], field: String) -> InputLimitViolation? {
        if let count = countViolation(values.count, field: field) { return count }
        for (index, value) in values.enumerated() {
            if let violation = entry.violation(of: value, field: field, entry: index) { return violation }
        }
        return nil
    }

    /// Refuses a count past the maximum (checked before any entry is looked at).
    public func countViolation(_ count: Int, field: String) -> InputLimitViolation? {
        count > maximumCount
            ? InputLimitViolation(field: field, message: "\(field) must have at most \(maximumCount.formattedWithSeparators) entries; it has \(count.formattedWithSeparators).")
            : nil
    }
}

/// A value past its limit (or holding NUL): `field` is the input path it came from, e.g. `input.name`.
public struct InputLimitViolation: Error, Sendable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

extension Int {
    /// `3000000` as `3,000,000`, locale-independent.
    var formattedWithSeparators: String {
        let digits = String(magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return self < 0 ? "-" + grouped : grouped
    }
}

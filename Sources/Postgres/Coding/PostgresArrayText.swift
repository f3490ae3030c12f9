import Foundation

// Array parameters in PostgreSQL's array text form (`{a,b}`), for `= ANY($n::uuid[])` and `unnest`:
// libpq sends every parameter as text, so an array goes as one string cast in the statement.

/// A `uuid[]` parameter.
public func uuidArray(_ ids: [UUID]) -> String {
    "{" + ids.map(\.postgresText).joined(separator: ",") + "}"
}

/// A `text[]` parameter; every element quoted, with `"` and `\` escaped.
public func textArray(_ values: [String]) -> String {
    "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        .joined(separator: ",") + "}"
}

/// A `date[]` parameter.
public func dateArray(_ days: [CalendarDate]) -> String {
    "{" + days.map(\.description).joined(separator: ",") + "}"
}

/// A `numeric[]` parameter.
public func decimalArray(_ values: [Decimal]) -> String {
    "{" + values.map { "\($0)" }.joined(separator: ",") + "}"
}

/// A `float8[]` parameter.
public func doubleArray(_ values: [Double]) -> String {
    "{" + values.map { "\($0)" }.joined(separator: ",") + "}"
}

import Foundation

/// What makes a platform object findable again after its create's answer was lost (a 5xx after the
/// platform applied it, a timeout): its name ends with a marker derived from OUR id — the first 8 hex
/// digits of the campaign's, unit's or creative's UUID — so a retried launch can look it up by name and
/// adopt it instead of creating it twice.
public enum LaunchMarker {
    /// `"Spicy Chips · 1a2b3c4d"`.
    public static func name(_ name: String, id: UUID) -> String {
        "\(name) · \(id.uuidString.prefix(8).lowercased())"
    }
}

import Foundation

/// Deterministic daily figures for a live simulated object: the same object and day always give the same
/// numbers, so syncs are reproducible and re-running one changes nothing.
public struct SimulatedDay: Sendable, Equatable {
    public var impressions: Int
    public var clicks: Int
    /// Spend in the account currency's minor units (cents).
    public var spendMinor: Int
    public var conversions: Int
    public var conversionValueMinor: Int
}

public enum SimulatedMetrics {
    /// `day` is an ISO date (`2026-11-20`).
    public static func day(objectID: String, day: String) -> SimulatedDay {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in "\(objectID)|\(day)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        let impressions = 800 + Int(hash % 4_200)
        let clicks = impressions * (10 + Int((hash >> 16) % 40)) / 1_000
        let spendMinor = clicks * (35 + Int((hash >> 24) % 90))
        let conversions = clicks * Int((hash >> 32) % 12) / 100
        return SimulatedDay(impressions: impressions, clicks: clicks, spendMinor: spendMinor,
                            conversions: conversions, conversionValueMinor: conversions * (899 + Int((hash >> 40) % 2_000)))
    }
}

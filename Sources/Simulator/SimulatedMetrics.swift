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

extension SimulatedMetrics {
    /// A campaign's day shared among the ads that delivered it, each by a weight of its own (1 to 5, from its
    /// id and the day), so creatives differ from day to day and the ads add up exactly to the campaign.
    public static func split(_ total: SimulatedDay, among adIDs: [String], day: String) -> [String: SimulatedDay] {
        let ids = adIDs.sorted()
        guard let last = ids.last else { return [:] }
        let weights = ids.map { id -> Int in
            var hash: UInt64 = 1_469_598_103_934_665_603
            for byte in "\(id)|\(day)|weight".utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 1_099_511_628_211
            }
            return 1 + Int(hash % 5)
        }
        let sum = weights.reduce(0, +)
        var result: [String: SimulatedDay] = [:]
        var given = SimulatedDay(impressions: 0, clicks: 0, spendMinor: 0, conversions: 0, conversionValueMinor: 0)
        for (id, weight) in zip(ids, weights) where id != last {
            let share = SimulatedDay(impressions: total.impressions * weight / sum, clicks: total.clicks * weight / sum,
                                     spendMinor: total.spendMinor * weight / sum, conversions: total.conversions * weight / sum,
                                     conversionValueMinor: total.conversionValueMinor * weight / sum)
            result[id] = share
            given.impressions += share.impressions
            given.clicks += share.clicks
            given.spendMinor += share.spendMinor
            given.conversions += share.conversions
            given.conversionValueMinor += share.conversionValueMinor
        }
        result[last] = SimulatedDay(impressions: total.impressions - given.impressions, clicks: total.clicks - given.clicks,
                                    spendMinor: total.spendMinor - given.spendMinor, conversions: total.conversions - given.conversions,
                                    conversionValueMinor: total.conversionValueMinor - given.conversionValueMinor)
        return result
    }
}

import Foundation

/// Base figures summed over some days and ads, and the rates derived from them: the one place where CTR, CPC,
/// CPM, conversion rate, cost per conversion and ROAS are computed, exactly in decimal, for campaign totals,
/// reports and automated rules alike. A rate whose denominator is 0 is nil (unknown), never 0 or infinity.
public struct MetricFigures: Sendable, Equatable {
    public var impressions: Decimal
    public var clicks: Decimal
    /// In the currency of the account the figures come from; figures of two currencies are never added.
    public var spend: Decimal
    public var conversions: Decimal
    public var conversionValue: Decimal

    /// Decimal places of the derived rates, rounded half away from zero.
    public static let rateScale = 6

    public init(impressions: Decimal = 0, clicks: Decimal = 0, spend: Decimal = 0, conversions: Decimal = 0, conversionValue: Decimal = 0) {
        self.impressions = impressions
        self.clicks = clicks
        self.spend = spend
        self.conversions = conversions
        self.conversionValue = conversionValue
    }

    /// Clicks per impression (a ratio: 0.05 is 5 %).
    public var ctr: Decimal? { Self.rate(clicks, impressions) }
    /// Spend per click, in the currency.
    public var cpc: Decimal? { Self.rate(spend, clicks) }
    /// Spend per thousand impressions, in the currency.
    public var cpm: Decimal? { Self.rate(spend * 1_000, impressions) }
    /// Conversions per click (a ratio).
    public var conversionRate: Decimal? { Self.rate(conversions, clicks) }
    /// Spend per conversion (CPA), in the currency.
    public var costPerConversion: Decimal? { Self.rate(spend, conversions) }
    /// Conversion value per unit of spend (a ratio: 3 means 3 of revenue for 1 spent).
    public var roas: Decimal? { Self.rate(conversionValue, spend) }

    /// A figure by its metric key (`clicks`, `cpc`, `cost_per_conversion`, …); nil for an unknown key or a rate
    /// without a denominator.
    public func value(of key: String) -> Decimal? {
        switch key {
        case "impressions": return impressions
        case "clicks": return clicks
        case "spend": return spend
        case "conversions": return conversions
        case "conversion_value": return conversionValue
        case "ctr": return ctr
        case "cpc": return cpc
        case "cpm": return cpm
        case "conversion_rate": return conversionRate
        case "cost_per_conversion": return costPerConversion
        case "roas": return roas
        default: return nil
        }
    }

    /// The derived rates by key, with label and unit, leaving out those without a denominator.
    public var derivedTotals: [(key: String, label: String, unit: String, value: Decimal)] {
        let rates: [(String, String, String, Decimal?)] = [
            ("ctr", "CTR", "ratio", ctr), ("cpc", "CPC", "currency", cpc), ("cpm", "CPM", "currency", cpm),
            ("conversion_rate", "Conversion rate", "ratio", conversionRate),
            ("cost_per_conversion", "Cost per conversion", "currency", costPerConversion), ("roas", "ROAS", "ratio", roas),
        ]
        return rates.compactMap { key, label, unit, value in value.map { (key, label, unit, $0) } }
    }

    /// The base metrics each rate is computed from.
    public static let operands: [String: [String]] = [
        "ctr": ["clicks", "impressions"], "cpc": ["spend", "clicks"], "cpm": ["spend", "impressions"],
        "conversion_rate": ["conversions", "clicks"], "cost_per_conversion": ["spend", "conversions"], "roas": ["conversion_value", "spend"],
    ]

    static func rate(_ numerator: Decimal, _ denominator: Decimal) -> Decimal? {
        guard denominator != 0 else { return nil }
        return rounded(numerator / denominator)
    }

    static func rounded(_ value: Decimal, scale: Int = rateScale) -> Decimal {
        var value = value, result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}

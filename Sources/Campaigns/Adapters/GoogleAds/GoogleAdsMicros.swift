import Foundation
import Integrations

/// Money on Google Ads is in micros (a millionth of the account currency's unit), as int64. Conversions are
/// exact: an amount that is not a whole number of micros is refused, never rounded.
public enum GoogleAdsMicros {
    /// 12.34 → 12340000; nil when `amount` has more than six decimals or does not fit.
    public static func micros(_ amount: Decimal) -> Int64? {
        var scaled = amount * Decimal(1_000_000)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled, rounded.magnitude < Decimal(Int64.max) else { return nil }
        return Int64(NSDecimalNumber(decimal: rounded).stringValue)
    }

    /// 12340000 → 12.34, exactly.
    public static func amount(micros: Int64) -> Decimal {
        Decimal(micros) / Decimal(1_000_000)
    }

    /// "12340000" (as proto3 JSON writes int64) → 12.34.
    public static func amount(microsText: String) -> Decimal? {
        Int64(microsText).map(amount(micros:))
    }
}

import Foundation

/// Meta expresses budgets in the account currency's minor units, with a per-currency offset from its
/// currency table: 100 for most currencies, 1 for those it treats as having no minor unit (JPY, KRW, ...;
/// note HUF, TWD, COP and ISK are among them although ISO 4217 gives some of them two decimals).
public enum MetaCurrency {
    /// Currencies whose offset is 1 in the Marketing API's currency table.
    static let offsetOne: Set<String> = ["CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND"]

    /// How many minor units make one unit of `currency`.
    public static func offset(_ currency: String) -> Int {
        offsetOne.contains(currency.uppercased()) ? 1 : 100
    }

    /// `amount` in minor units, exactly; refuses amounts with more precision than the currency has.
    public static func minorUnits(_ amount: Decimal, currency: String, field: String) throws -> Int {
        var scaled = amount * Decimal(offset(currency))
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled, let minor = Int(rounded.description) else {
            throw PlatformError.invalidRequest(
                message: "\(amount) \(currency) cannot be expressed in whole minor units of \(currency) (offset \(offset(currency))).",
                field: field)
        }
        return minor
    }

    /// Minor units back to an exact decimal amount.
    public static func amount(minorUnits: Int, currency: String) -> Decimal {
        Decimal(minorUnits) / Decimal(offset(currency))
    }
}

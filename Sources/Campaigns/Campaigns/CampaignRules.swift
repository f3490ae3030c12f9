import Foundation

/// The rules checked before anything reaches the database.
public enum CampaignRules {
    public static func name(_ name: String, field: String = "name") throws(CampaignError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .validation(field: field, message: "\(field) must not be empty.") }
        try InputLimits.name.check(trimmed, field: field, else: CampaignError.validation)
        return trimmed
    }

    /// A budget for an ad account billed in `currency`; fields are named `budget.…`.
    public static func budget(_ draft: BudgetDraft, accountCurrency: String) throws(CampaignError) -> (BudgetType, Money, String) {
        guard let type = draft.type else { throw .validation(field: "budget.type", message: "Unknown budget type.") }
        guard let amount = draft.amount else {
            throw .validation(field: "budget.amount", message: "Amount must be a decimal number such as \"50.00\".")
        }
        if amount.value <= 0 { throw .validation(field: "budget.amount", message: "Amount must be greater than 0.") }
        if !amount.fitsColumn {
            throw .validation(field: "budget.amount", message: "Amount must have at most 12 digits before and 2 after the decimal point.")
        }
        let currency = draft.currency.trimmingCharacters(in: .whitespaces).uppercased()
        if currency != accountCurrency {
            throw .validation(field: "budget.currency", message: "Currency must be the ad account's currency, \(accountCurrency).")
        }
        return (type, amount, currency)
    }

    /// An http(s) URL with a host.
    public static func webURL(_ text: String, field: String) throws(CampaignError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        try InputLimits.url.check(trimmed, field: field, else: CampaignError.validation)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            throw .validation(field: field, message: "\(field) must be an http or https URL.")
        }
        return trimmed
    }
}

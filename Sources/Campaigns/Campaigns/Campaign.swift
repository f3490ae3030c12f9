import Foundation

public enum Objective: String, Sendable, CaseIterable {
    case leads, traffic, sales
}

public enum CampaignStatus: String, Sendable, CaseIterable {
    case draft, live, paused, completed, error
}

public enum BudgetType: String, Sendable, CaseIterable {
    case daily, lifetime
}

public enum CallToAction: String, Sendable, CaseIterable {
    case shopNow = "shop_now", learnMore = "learn_more", signUp = "sign_up", bookNow = "book_now"
    case contactUs = "contact_us", download, getOffer = "get_offer", subscribe
}

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

public struct Campaign: Sendable, Equatable {
    public var id: UUID
    public var adAccountID: UUID
    public var name: String
    public var platform: Platform
    public var objective: Objective
    public var status: CampaignStatus
    public var createdAt: Date
    /// The keyset position of the campaign in the newest-first order.
    public var cursor: CreationCursor
    /// The first and last day it runs (`YYYY-MM-DD`); a lifetime budget needs the last.
    public var startDate: String? = nil
    public var endDate: String? = nil
    /// The Meta pixel a Sales campaign optimizes for.
    public var metaPixelID: String? = nil
    /// The campaign this one was copied from onto its platform, if any.
    public var copiedFromID: UUID? = nil
}

public struct CampaignBudget: Sendable, Equatable {
    public var campaignID: UUID
    public var type: BudgetType
    public var amount: Money
    public var currency: String
}

public struct BudgetDraft: Sendable, Equatable {
    public var type: BudgetType?
    public var amount: Money?
    public var currency: String

    public init(type: BudgetType?, amount: Money?, currency: String) {
        self.type = type
        self.amount = amount
        self.currency = currency
    }
}

public struct CampaignDraft: Sendable, Equatable {
    public var adAccountID: UUID?
    public var name: String
    public var objective: Objective?
    public var budget: BudgetDraft

    public init(adAccountID: UUID?, name: String, objective: Objective?, budget: BudgetDraft) {
        self.adAccountID = adAccountID
        self.name = name
        self.objective = objective
        self.budget = budget
    }
}

public struct CampaignChanges: Sendable, Equatable {
    public var name: String?
    public var objective: Objective?

    public init(name: String? = nil, objective: Objective? = nil) {
        self.name = name
        self.objective = objective
    }
}

public struct CampaignUnit: Sendable, Equatable {
    public var id: UUID
    public var campaignID: UUID
    public var audienceID: UUID
    public var name: String
    public var budgetAllocation: Money?
    public var externalID: String?
    /// Google Search keywords (a Meta unit has none).
    public var keywords: [Keyword] = []
}

public struct CampaignUnitDraft: Sendable, Equatable {
    public var campaignID: UUID?
    public var audienceID: UUID?
    public var name: String
    public var budgetAllocation: Money?
    public var keywords: [Keyword]

    public init(campaignID: UUID?, audienceID: UUID?, name: String, budgetAllocation: Money?, keywords: [Keyword] = []) {
        self.campaignID = campaignID
        self.audienceID = audienceID
        self.name = name
        self.budgetAllocation = budgetAllocation
        self.keywords = keywords
    }
}

public struct AdCreative: Sendable, Equatable {
    public var id: UUID
    public var campaignUnitID: UUID
    public var headline: String
    public var description: String?
    public var mediaURL: String?
    public var callToAction: CallToAction
    public var landingURL: String
    public var version: Int
    public var parentID: UUID?
    /// The headlines after the first (`headline`), and the descriptions after the first (`description`).
    public var moreHeadlines: [String] = []
    public var moreDescriptions: [String] = []

    /// Every headline, as the platforms receive them: the first one's " | " parts, then the others.
    public var headlines: [String] { CreativeText.headlineParts(headline) + moreHeadlines }
    /// Every description: the first (when there is one), then the others.
    public var descriptions: [String] { (description.map { [$0] } ?? []) + moreDescriptions }
}

/// A creative's content; for a revision, `nil` fields keep the revised version's values.
public struct AdCreativeDraft: Sendable, Equatable {
    public var headline: String?
    public var description: String??
    public var mediaURL: String??
    public var callToAction: CallToAction?
    public var landingURL: String?
    /// Every headline or description at once, the first becoming `headline`/`description`; instead of those.
    public var headlines: [String]?
    public var descriptions: [String]?

    public init(
        headline: String?, description: String??, mediaURL: String??, callToAction: CallToAction?, landingURL: String?,
        headlines: [String]? = nil, descriptions: [String]? = nil
    ) {
        self.headline = headline
        self.description = description
        self.mediaURL = mediaURL
        self.callToAction = callToAction
        self.landingURL = landingURL
        self.headlines = headlines
        self.descriptions = descriptions
    }
}

/// Why a campaign, unit or creative operation was refused. `field` is the input path, e.g. `budget.amount`.
/// What a `CampaignError.notFound` did not find, as a reader names it.
public enum CampaignRecord: String, Sendable {
    case campaign = "Campaign", unit = "Campaign unit", creative = "Ad creative"
}

public enum CampaignError: Error, Sendable, Equatable {
    case validation(field: String, message: String)
    case notFound(CampaignRecord)
    /// Only drafts can be deleted.
    case notDraft(CampaignStatus)
}

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

import Foundation

/// The object types the API hands out ids for, each named once: its GraphQL name, and how a sentence names it.
enum NodeType: String, Sendable, CaseIterable {
    case organization = "Organization"
    case campaign = "Campaign"
    case campaignUnit = "CampaignUnit"
    case adCreative = "AdCreative"
    case audience = "Audience"
    case adAccount = "AdAccount"
    case integration = "Integration"
    case job = "Job"
    case automationRule = "AutomationRule"
    case automationRuleRun = "AutomationRuleRun"
    case automationAlert = "AutomationAlert"
    case executionLogEntry = "ExecutionLogEntry"

    /// `Campaign:`, what a global id's text starts with before its uuid.
    var idPrefix: [UInt8] { Array((rawValue + ":").utf8) }

    /// "Campaign unit", as in "Campaign unit not found.".
    var displayName: String {
        switch self {
        case .campaignUnit: "Campaign unit"
        case .adCreative: "Ad creative"
        case .adAccount: "Ad account"
        case .automationRule: "Rule"
        case .automationRuleRun: "Rule run"
        case .automationAlert: "Alert"
        case .executionLogEntry: "Log entry"
        default: rawValue
        }
    }
}

/// Opaque object ids: base64 of `Type:uuid` (e.g. `Audience:1b4e28ba-…`). Decoding is strict — the
/// exact canonical encoding of a known type only — so a tampered id is simply not found.
struct GlobalID: Equatable {
    var type: NodeType
    var id: UUID

    var encoded: String { Data(type.idPrefix + Array(id.uuidString.lowercased().utf8)).base64EncodedString() }

    static func encode(_ type: NodeType, _ id: UUID) -> String { GlobalID(type: type, id: id).encoded }

    /// `encode`'s id as a JSON string, from a uuid already in its lowercase text form (as PostgreSQL prints it),
    /// written without Foundation: a planned read writes one for every object of a page.
    static func writeJSON(_ type: NodeType, uuidText: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        Base64.append(type.idPrefix, uuidText, into: &output)
        output.append(UInt8(ascii: "\""))
    }

    init(type: NodeType, id: UUID) {
        self.type = type
        self.id = id
    }

    init?(_ text: String) {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text,
              let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let type = NodeType(rawValue: String(parts[0])), let id = UUID(uuidString: String(parts[1])),
              id.uuidString.lowercased() == parts[1] else { return nil }
        self.type = type
        self.id = id
    }

    /// The id of a `type` object, or `nil` for anything else (malformed, another type).
    static func decode(_ text: String, as type: NodeType) -> UUID? {
        guard let global = GlobalID(text), global.type == type else { return nil }
        return global.id
    }
}

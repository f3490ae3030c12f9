import Foundation

/// A campaign, ad set, ad creative or ad the simulator created, with its fields as the Graph API shows them.
struct MetaSimulatedObject {
    enum Kind: String {
        case campaign, adset, adcreative, ad

        /// The account edge that creates and lists it (`act_{id}/campaigns`).
        var edge: String {
            switch self {
            case .campaign: return "campaigns"
            case .adset: return "adsets"
            case .adcreative: return "adcreatives"
            case .ad: return "ads"
            }
        }

        init?(edge: String) {
            guard let kind = [Kind.campaign, .adset, .adcreative, .ad].first(where: { $0.edge == edge }) else { return nil }
            self = kind
        }
    }

    var id: String
    var kind: Kind
    var accountID: String
    /// The day it was created (`YYYY-MM-DD`, UTC): insights start there.
    var createdDay: String
    var fields: [String: Any]

    var status: String? { fields["status"] as? String }

    var json: [String: Any] { json(reviewDelay: .infinity) }

    /// The object as the Graph API shows it: the simulator's own keys (`_…`) left out, and an ad's
    /// `effective_status` and `ad_review_feedback` from its review (`MetaSimulatedObject+Review`).
    func json(reviewDelay: Double) -> [String: Any] {
        var object = fields.filter { !$0.key.hasPrefix("_") }
        object["id"] = id
        object["account_id"] = accountID
        if kind == .ad { presentReview(into: &object, reviewDelay: reviewDelay) }
        return object
    }

    var snapshot: [String: Any] { ["id": id, "kind": kind.rawValue, "accountID": accountID, "createdDay": createdDay, "fields": fields] }

    init(id: String, kind: Kind, accountID: String, createdDay: String, fields: [String: Any]) {
        self.id = id
        self.kind = kind
        self.accountID = accountID
        self.createdDay = createdDay
        self.fields = fields
    }

    init?(snapshot: [String: Any]) {
        guard let id = snapshot["id"] as? String, let kind = (snapshot["kind"] as? String).flatMap(Kind.init(rawValue:)),
              let accountID = snapshot["accountID"] as? String, let createdDay = snapshot["createdDay"] as? String,
              let fields = snapshot["fields"] as? [String: Any] else { return nil }
        self.init(id: id, kind: kind, accountID: accountID, createdDay: createdDay, fields: fields)
    }
}

import FastCGI
import Foundation

/// `POST act_{id}/campaigns|adsets|adcreatives|ads`: checks what the Graph API checks where it matters to
/// us (required fields, objectives, budgets as whole minor units, targeting, the card title's 40 characters,
/// call-to-action types, references to existing objects of the same account), then stores the object.
extension MetaSimulator {
    static let objectives: Set<String> = [
        "OUTCOME_AWARENESS", "OUTCOME_TRAFFIC", "OUTCOME_ENGAGEMENT", "OUTCOME_LEADS", "OUTCOME_APP_PROMOTION", "OUTCOME_SALES",
    ]
    static let callToActionTypes: Set<String> = [
        "SHOP_NOW", "LEARN_MORE", "SIGN_UP", "BOOK_NOW", "CONTACT_US", "DOWNLOAD", "GET_OFFER", "SUBSCRIBE",
        "APPLY_NOW", "GET_QUOTE", "ORDER_NOW", "BUY_NOW", "WATCH_MORE", "NO_BUTTON",
    ]
    static let deliveryStatuses: Set<String> = ["ACTIVE", "PAUSED"]
    /// The longest card title (`link_data.name`) a feed ad shows.
    static let headlineMaxLength = 40

    func create(_ kind: MetaSimulatedObject.Kind, accountID: String, _ parameters: [String: String]) throws -> FastCGIResponse {
        let account = try account(accountID)
        guard let name = parameters["name"], !name.isEmpty else { throw MetaSimulatedError.missing("name") }
        var fields: [String: Any] = ["name": name]
        switch kind {
        case .campaign: try campaignFields(parameters, account: account, into: &fields)
        case .adset: try adSetFields(parameters, account: account, into: &fields)
        case .adcreative: try creativeFields(parameters, account: account, into: &fields)
        case .ad: try adFields(parameters, account: account, into: &fields)
        }
        let id: String = lock.withLock {
            let id = String(nextID)
            nextID += 1
            objects.append(MetaSimulatedObject(id: id, kind: kind, accountID: account.id, createdDay: Self.today(), fields: fields))
            return id
        }
        return .simulatorJSON(200, ["id": id])
    }

    func campaignFields(_ parameters: [String: String], account: MetaSimulatedAccount, into fields: inout [String: Any]) throws {
        guard let objective = parameters["objective"] else { throw MetaSimulatedError.missing("objective") }
        guard Self.objectives.contains(objective) else {
            throw MetaSimulatedError.invalidParameter(["objective"], "Objective \(objective) is not one of \(Self.objectives.sorted().joined(separator: ", ")).")
        }
        guard let categoriesText = parameters["special_ad_categories"] else { throw MetaSimulatedError.missing("special_ad_categories") }
        guard let categories = try? JSONSerialization.jsonObject(with: Data(categoriesText.utf8)) as? [String] else {
            throw MetaSimulatedError.invalidParameter(["special_ad_categories"], "special_ad_categories must be a JSON array of categories.")
        }
        fields["objective"] = objective
        fields["special_ad_categories"] = categories
        fields["status"] = try status(parameters)
        if let strategy = parameters["bid_strategy"] { fields["bid_strategy"] = strategy }
        let daily = parameters["daily_budget"], lifetime = parameters["lifetime_budget"]
        if daily != nil, lifetime != nil {
            throw MetaSimulatedError.invalidParameter(["daily_budget"], "A campaign has either a daily or a lifetime budget, not both.")
        }
        for (field, value) in [("daily_budget", daily), ("lifetime_budget", lifetime)] {
            guard let value else { continue }
            guard let minor = Int(value), minor > 0, String(minor) == value else {
                throw MetaSimulatedError.invalidParameter(
                    [field], "\(field) must be a positive whole number of minor units of \(account.currency) (offset \(MetaSimulatedAccount.offset(account.currency))), got \"\(value)\".",
                    subcode: 1_885_272)
            }
            fields[field] = value
        }
    }

    func adSetFields(_ parameters: [String: String], account: MetaSimulatedAccount, into fields: inout [String: Any]) throws {
        guard let campaignID = parameters["campaign_id"] else { throw MetaSimulatedError.missing("campaign_id") }
        try requireObject(campaignID, kind: .campaign, accountID: account.id, field: "campaign_id")
        for required in ["billing_event", "optimization_goal"] {
            guard let value = parameters[required], !value.isEmpty else { throw MetaSimulatedError.missing(required) }
            fields[required] = value
        }
        try MetaSimulatedPage.checkPromotedObject(parameters["promoted_object"], optimizationGoal: parameters["optimization_goal"] ?? "")
        if let promoted = parameters["promoted_object"] { fields["promoted_object"] = promoted }
        guard let targetingText = parameters["targeting"] else { throw MetaSimulatedError.missing("targeting") }
        guard let targeting = try? JSONSerialization.jsonObject(with: Data(targetingText.utf8)) as? [String: Any] else {
            throw MetaSimulatedError.invalidParameter(["targeting"], "targeting must be a JSON object.")
        }
        let geo = targeting["geo_locations"] as? [String: Any] ?? [:]
        let countries = geo["countries"] as? [String] ?? []
        let regions = geo["regions"] as? [[String: Any]] ?? []
        let cities = geo["cities"] as? [[String: Any]] ?? []
        guard !countries.isEmpty || !regions.isEmpty || !cities.isEmpty else {
            throw MetaSimulatedError.invalidParameter(["targeting", "geo_locations"], "Your audience needs at least one location.", subcode: 1_487_756)
        }
        guard regions.allSatisfy({ $0["key"] is String }) else {
            throw MetaSimulatedError.invalidParameter(["targeting", "geo_locations", "regions"], "Every region needs a key.")
        }
        try checkTargeting(targeting)
        if reachesTheEU(targeting) {
            // Meta's public references give no subcode for this refusal: code 100, blaming the missing field.
            for field in ["dsa_beneficiary", "dsa_payor"] {
                guard let value = parameters[field], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw MetaSimulatedError(
                        code: 100, message: "Invalid parameter",
                        userMessage: "Ads that reach the European Union must say who benefits from them and who pays for them: set dsa_beneficiary and dsa_payor.",
                        userTitle: "Beneficiary and payer required", blame: [field])
                }
                fields[field] = value
            }
        }
        let ageMin = targeting["age_min"] as? Int ?? 18, ageMax = targeting["age_max"] as? Int ?? 65
        guard (13...65).contains(ageMin), (13...65).contains(ageMax), ageMin <= ageMax else {
            throw MetaSimulatedError.invalidParameter(["targeting", "age_min"], "Ages must be between 13 and 65, the minimum not above the maximum.")
        }
        try schedule(parameters, campaignID: campaignID, into: &fields)
        fields["campaign_id"] = campaignID
        fields["targeting"] = targeting
        fields["status"] = try status(parameters)
    }

    /// `start_time`/`end_time` (ISO 8601): under a campaign's lifetime budget the ad set must end
    /// (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#Creating: "end_time … required when
    /// lifetime_budget is specified"), and an end is after the start.
    func schedule(_ parameters: [String: String], campaignID: String, into fields: inout [String: Any]) throws {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        func time(_ name: String) throws -> Date? {
            guard let text = parameters[name] else { return nil }
            guard let date = format.date(from: text.replacingOccurrences(of: "+0000", with: "Z")) else {
                throw MetaSimulatedError.invalidParameter([name], "\(name) must be an ISO 8601 time, got \(text).")
            }
            fields[name] = text
            return date
        }
        let start = try time("start_time"), end = try time("end_time")
        let campaignHasLifetimeBudget = lock.withLock { objects.first { $0.id == campaignID }?.fields["lifetime_budget"] != nil }
        if campaignHasLifetimeBudget, end == nil {
            throw MetaSimulatedError.invalidParameter(["end_time"], "An ad set under a lifetime budget needs an end_time.")
        }
        if let start, let end, end <= start {
            throw MetaSimulatedError.invalidParameter(["end_time"], "end_time must be after start_time.")
        }
    }

    func creativeFields(_ parameters: [String: String], account: MetaSimulatedAccount, into fields: inout [String: Any]) throws {
        guard let specText = parameters["object_story_spec"] else { throw MetaSimulatedError.missing("object_story_spec") }
        guard let spec = try? JSONSerialization.jsonObject(with: Data(specText.utf8)) as? [String: Any],
              let linkData = spec["link_data"] as? [String: Any] else {
            throw MetaSimulatedError.invalidParameter(["object_story_spec"], "object_story_spec must be a JSON object with link_data.")
        }
        try MetaSimulatedPage.check(spec["page_id"])
        guard let link = linkData["link"] as? String, let url = URL(string: link), ["http", "https"].contains(url.scheme ?? "") else {
            throw MetaSimulatedError.invalidParameter(["object_story_spec", "link_data", "link"], "link_data.link must be an http(s) URL.")
        }
        try checkImage(linkData, accountID: account.id)
        if let headline = linkData["name"] as? String, headline.count > Self.headlineMaxLength {
            throw MetaSimulatedError.invalidParameter(
                ["object_story_spec", "link_data", "name"],
                "The headline has \(headline.count) characters; feed ads allow \(Self.headlineMaxLength).", subcode: 1_487_929)
        }
        if let callToAction = linkData["call_to_action"] as? [String: Any] {
            guard let type = callToAction["type"] as? String, Self.callToActionTypes.contains(type) else {
                throw MetaSimulatedError.invalidParameter(
                    ["object_story_spec", "link_data", "call_to_action", "type"],
                    "\(callToAction["type"] ?? "nothing") is not a call to action type.")
            }
        }
        fields["object_story_spec"] = spec
    }

    func adFields(_ parameters: [String: String], account: MetaSimulatedAccount, into fields: inout [String: Any]) throws {
        guard let adSetID = parameters["adset_id"] else { throw MetaSimulatedError.missing("adset_id") }
        try requireObject(adSetID, kind: .adset, accountID: account.id, field: "adset_id")
        guard let creativeText = parameters["creative"] else { throw MetaSimulatedError.missing("creative") }
        guard let creative = try? JSONSerialization.jsonObject(with: Data(creativeText.utf8)) as? [String: Any],
              let creativeID = creative["creative_id"] as? String else {
            throw MetaSimulatedError.invalidParameter(["creative"], "creative must be {\"creative_id\": \"…\"}.")
        }
        try requireObject(creativeID, kind: .adcreative, accountID: account.id, field: "creative")
        fields["adset_id"] = adSetID
        fields["creative"] = ["id": creativeID]
        fields["status"] = try status(parameters)
        MetaSimulatedObject.submitForReview(&fields)
    }

    func status(_ parameters: [String: String]) throws -> String {
        guard let status = parameters["status"] else { throw MetaSimulatedError.missing("status") }
        guard Self.deliveryStatuses.contains(status) else {
            throw MetaSimulatedError.invalidParameter(["status"], "status must be ACTIVE or PAUSED.")
        }
        return status
    }

    func requireObject(_ id: String, kind: MetaSimulatedObject.Kind, accountID: String, field: String) throws {
        let found = lock.withLock { objects.contains { $0.id == id && $0.kind == kind && $0.accountID == accountID } }
        guard found else {
            throw MetaSimulatedError.invalidParameter([field], "\(field) \(id) is not a \(kind.rawValue) of act_\(accountID).", subcode: 1_487_472)
        }
    }
}

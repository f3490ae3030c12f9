import Foundation

/// Mutations: the per-service `…:mutate` endpoints and googleAds:mutate, with the checks Google makes that
/// matter to us. Every mutate is applied to a copy of the store and kept only when all operations pass.
extension GoogleAdsSimulator {
    /// `{collection}:mutate` with `operations`; answers `{"results": [{"resourceName": ...}]}`.
    func mutate(collection: String, _ body: [String: Any], customerID: String) throws -> [String: Any] {
        guard GoogleAdsCollections.all.contains(collection) else {
            throw GoogleAdsFailure(httpStatus: 404, status: "NOT_FOUND", errorCode: ["requestError": "UNKNOWN"], message: "No service \(collection).")
        }
        guard let operations = body["operations"] as? [[String: Any]], !operations.isEmpty else {
            throw GoogleAdsFailure.required([("operations", nil)])
        }
        var copy = store
        var temporaryIDs: [String: String] = [:]
        var results: [[String: Any]] = []
        for (index, operation) in operations.enumerated() {
            let name = try copy.apply(operation, collection: collection, customerID: customerID, temporaryIDs: &temporaryIDs, path: [("operations", index)])
            results.append(["resourceName": name])
        }
        store = copy
        return ["results": results]
    }

    /// googleAds:mutate with `mutateOperations`, each `{"<service>Operation": {...}}`; all or none. The members are
    /// `MutateOperation`'s (google/ads/googleads/v25/services/google_ads_service.proto): it has no
    /// `customAudienceOperation` — custom audiences are created through CustomAudienceService's own mutate.
    func batchMutate(_ body: [String: Any], customerID: String) throws -> [String: Any] {
        guard let operations = body["mutateOperations"] as? [[String: Any]], !operations.isEmpty else {
            throw GoogleAdsFailure.required([("mutate_operations", nil)])
        }
        var copy = store
        var temporaryIDs: [String: String] = [:]
        var responses: [[String: Any]] = []
        for (index, wrapped) in operations.enumerated() {
            // A member `MutateOperation` lacks (a `customAudienceOperation`, say) does not parse: the whole request is refused.
            if let unknown = wrapped.keys.sorted().first(where: { GoogleAdsCollections.byOperation[$0] == nil }) {
                throw GoogleAdsFailure.unknownField(unknown, at: "mutate_operations[\(index)]")
            }
            guard wrapped.count == 1, let (kind, value) = wrapped.first, let operation = value as? [String: Any],
                  let collection = GoogleAdsCollections.byOperation[kind] else {
                throw GoogleAdsFailure.invalid("mutateError", "MUTATE_NOT_ALLOWED", "Unknown or missing operation.", at: [("mutate_operations", index)])
            }
            let path: [(String, Int?)] = [("mutate_operations", index), (GoogleAdsCollections.snakeCase(kind), nil)]
            let name = try copy.apply(operation, collection: collection, customerID: customerID, temporaryIDs: &temporaryIDs, path: path)
            responses.append([kind.replacingOccurrences(of: "Operation", with: "Result"): ["resourceName": name]])
        }
        store = copy
        return ["mutateOperationResponses": responses]
    }
}

/// The collections the simulator keeps, by their REST names, and their googleAds:mutate operation names.
enum GoogleAdsCollections {
    /// The `MutateOperation` members the simulator keeps (a subset of the proto's; others are unknown here).
    static let byOperation = [
        "campaignBudgetOperation": "campaignBudgets", "campaignOperation": "campaigns", "adGroupOperation": "adGroups",
        "campaignCriterionOperation": "campaignCriteria", "adGroupCriterionOperation": "adGroupCriteria",
        "adGroupAdOperation": "adGroupAds",
    ]
    /// Collections with a `{collection}:mutate` endpoint (custom audiences only through their own service).
    static let all = Set(byOperation.values).union(["customAudiences"])
    /// The field other objects refer to a collection's objects by (`campaign`, `adGroup`, ...).
    static let referenceField = [
        "campaignBudgets": "campaignBudget", "campaigns": "campaign", "adGroups": "adGroup", "customAudiences": "customAudience",
    ]
    /// GAQL resource (`ad_group`) → collection (`adGroups`).
    static let byQueryResource = [
        "campaign_budget": "campaignBudgets", "campaign": "campaigns", "ad_group": "adGroups", "campaign_criterion": "campaignCriteria",
        "ad_group_criterion": "adGroupCriteria", "custom_audience": "customAudiences", "ad_group_ad": "adGroupAds",
    ]

    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
        return result
    }

    static func camelCase(_ name: String) -> String {
        let parts = name.split(separator: "_")
        guard let first = parts.first else { return name }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

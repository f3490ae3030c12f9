import Foundation

/// One create, update or remove operation on one collection, checked the way Google checks it.
extension GoogleAdsStore {
    typealias Path = [(String, Int?)]

    static let statuses: Set<String> = ["ENABLED", "PAUSED"]
    static let ageRanges: Set<String> = ["AGE_RANGE_18_24", "AGE_RANGE_25_34", "AGE_RANGE_35_44", "AGE_RANGE_45_54",
                                         "AGE_RANGE_55_64", "AGE_RANGE_65_UP", "AGE_RANGE_UNDETERMINED"]
    static let biddingStrategies = ["maximizeConversions", "maximizeConversionValue", "targetSpend", "manualCpc", "targetCpa", "targetRoas"]

    /// Applies one operation; returns the resource name it created or changed.
    mutating func apply(_ operation: [String: Any], collection: String, customerID: String,
                        temporaryIDs: inout [String: String], path: Path) throws -> String {
        if let object = operation["create"] as? [String: Any] {
            return try create(object, collection: collection, customerID: customerID, temporaryIDs: &temporaryIDs, path: path + [("create", nil)])
        }
        if let object = operation["update"] as? [String: Any] {
            return try update(object, mask: operation["updateMask"] as? String ?? "", collection: collection, customerID: customerID,
                              temporaryIDs: temporaryIDs, path: path + [("update", nil)])
        }
        if let name = operation["remove"] as? String {
            let resolved = temporaryIDs[name] ?? name
            guard objects[resolved] != nil, resolved.hasPrefix("customers/\(customerID)/\(collection)/") else {
                throw GoogleAdsFailure.invalid("mutateError", "RESOURCE_NOT_FOUND", "Resource was not found.", at: path + [("remove", nil)])
            }
            setStatus("REMOVED", of: resolved)
            return resolved
        }
        throw GoogleAdsFailure.invalid("mutateError", "MUTATE_NOT_ALLOWED", "The operation has no create, update or remove.", at: path)
    }

    private mutating func create(_ input: [String: Any], collection: String, customerID: String,
                                 temporaryIDs: inout [String: String], path: Path) throws -> String {
        var object = input
        // References to objects (possibly created earlier in this request under a temporary id).
        for (referencedCollection, field) in GoogleAdsCollections.referenceField {
            guard let reference = object[field] as? String else { continue }
            let resolved = temporaryIDs[reference] ?? reference
            guard let referenced = objects[resolved], resolved.hasPrefix("customers/\(customerID)/\(referencedCollection)/"),
                  referenced["status"] as? String != "REMOVED" else {
                throw GoogleAdsFailure.invalid("mutateError", "RESOURCE_NOT_FOUND", "Resource was not found.",
                                               at: path + [(GoogleAdsCollections.snakeCase(field), nil)])
            }
            object[field] = resolved
        }
        if let nested = object["customAudience"] as? [String: Any], let reference = nested["customAudience"] as? String {
            let resolved = temporaryIDs[reference] ?? reference
            guard objects[resolved] != nil, resolved.hasPrefix("customers/\(customerID)/customAudiences/") else {
                throw GoogleAdsFailure.invalid("mutateError", "RESOURCE_NOT_FOUND", "Resource was not found.",
                                               at: path + [("custom_audience", nil), ("custom_audience", nil)])
            }
            object["customAudience"] = ["customAudience": resolved]
        }
        try GoogleAdsValidation.check(object, collection: collection, path: path, store: self)

        let id = newID()
        let resourceName: String
        switch collection {
        case "campaignCriteria":
            resourceName = "customers/\(customerID)/campaignCriteria/\(GoogleResourceID.id(object["campaign"]))~\(id)"
            object["criterionId"] = id
            object["type"] = Self.criterionType(object)
        case "adGroupCriteria":
            resourceName = "customers/\(customerID)/adGroupCriteria/\(GoogleResourceID.id(object["adGroup"]))~\(id)"
            object["criterionId"] = id
            object["type"] = Self.criterionType(object)
        case "adGroupAds":
            resourceName = "customers/\(customerID)/adGroupAds/\(GoogleResourceID.id(object["adGroup"]))~\(id)"
            var ad = object["ad"] as? [String: Any] ?? [:]
            ad["id"] = id
            ad["resourceName"] = "customers/\(customerID)/ads/\(id)"
            object["ad"] = ad
            Self.submitForReview(&object)
        default:
            resourceName = "customers/\(customerID)/\(collection)/\(id)"
            object["id"] = id
        }
        if let temporary = input["resourceName"] as? String {
            guard temporary.hasPrefix("customers/\(customerID)/\(collection)/-") else {
                throw GoogleAdsFailure.invalid("mutateError", "INVALID_RESOURCE_NAME", "A created object's resource name must use a temporary (negative) id.",
                                               at: path + [("resource_name", nil)])
            }
            temporaryIDs[temporary] = resourceName
        }
        object["resourceName"] = resourceName
        if ["campaigns", "adGroups", "adGroupAds", "adGroupCriteria", "campaignCriteria", "customAudiences", "campaignBudgets"].contains(collection),
           object["status"] == nil {
            object["status"] = "ENABLED"
        }
        insert(object, as: resourceName)
        return resourceName
    }

    /// An update: the object by `resourceName`, and only the fields its `updateMask` names (required:
    /// FieldMaskError.FIELD_MASK_MISSING). Budget amounts are checked as on create (positive, whole multiples of the
    /// currency's minimum unit) and keep their kind (`amount_micros` for daily, `total_amount_micros` for total budgets).
    /// Sources: https://developers.google.com/google-ads/api/docs/mutating/overview,
    /// https://developers.google.com/google-ads/api/reference/rpc/v26/FieldMaskErrorEnum.FieldMaskError,
    /// https://developers.google.com/google-ads/api/reference/rpc/v26/CampaignBudget
    private mutating func update(_ input: [String: Any], mask: String, collection: String, customerID: String,
                                 temporaryIDs: [String: String], path: Path) throws -> String {
        guard let name = input["resourceName"] as? String else { throw GoogleAdsFailure.required(path + [("resource_name", nil)]) }
        guard objects[name] != nil, name.hasPrefix("customers/\(customerID)/\(collection)/") else {
            throw GoogleAdsFailure.invalid("mutateError", "RESOURCE_NOT_FOUND", "Resource was not found.", at: path + [("resource_name", nil)])
        }
        let fields = mask.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !fields.isEmpty else {
            throw GoogleAdsFailure.invalid("fieldMaskError", "FIELD_MASK_MISSING", "The field mask must be set for an update.", at: path)
        }
        for field in fields {
            let key = GoogleAdsCollections.camelCase(field)
            switch key {
            case "status":
                guard let status = input["status"] as? String, Self.statuses.contains(status) else {
                    throw GoogleAdsFailure.invalid("requestError", "INVALID_ENUM_VALUE", "Status must be ENABLED or PAUSED.", at: path + [("status", nil)])
                }
                setStatus(status, of: name)
            case "name":
                guard let value = input["name"] as? String, !value.isEmpty else { throw GoogleAdsFailure.required(path + [("name", nil)]) }
                objects[name]?["name"] = value
            case "amountMicros" where collection == "campaignBudgets", "totalAmountMicros" where collection == "campaignBudgets":
                // The budget's amount, checked as on create; a budget keeps its kind (daily amount or total amount).
                let other = key == "amountMicros" ? "totalAmountMicros" : "amountMicros"
                guard objects[name]?[other] == nil else {
                    throw GoogleAdsFailure.invalid("fieldMaskError", "FIELD_NOT_FOUND",
                                                   "This budget has \(GoogleAdsCollections.snakeCase(other)), not \(field).", at: path + [(field, nil)])
                }
                try GoogleAdsValidation.checkBudget([key: input[key] as Any], path: path)
                objects[name]?[key] = GoogleAdsValue.string(input[key])
            case "endDateTime" where collection == "campaigns":
                // A new end, in the same format as on create; never before the start.
                let value = input["endDateTime"] as? String ?? ""
                try GoogleAdsValidation.checkSchedule(["endDateTime": value], store: self, path: path)
                if let start = objects[name]?["startDateTime"] as? String, value < start {
                    throw GoogleAdsFailure.invalid("campaignError", "START_DATE_AFTER_END_DATE", "The end date is before the start date.",
                                                   at: path + [("end_date_time", nil)])
                }
                objects[name]?["endDateTime"] = value
            default:
                throw GoogleAdsFailure.invalid("fieldMaskError", "FIELD_NOT_FOUND", "The simulator updates only status, name, end dates and budget amounts.", at: path + [(field, nil)])
            }
        }
        return name
    }
}

extension GoogleAdsStore {
    /// The output-only `type` of a criterion, from the criterion it holds.
    static func criterionType(_ object: [String: Any]) -> String {
        let kinds = ["location": "LOCATION", "ageRange": "AGE_RANGE", "customAudience": "CUSTOM_AUDIENCE", "userInterest": "USER_INTEREST", "keyword": "KEYWORD"]
        return kinds.first { object[$0.key] != nil }?.value ?? "UNKNOWN"
    }
}

/// Ids at the end of resource names.
enum GoogleResourceID {
    static func id(_ resourceName: Any?) -> String {
        (resourceName as? String)?.split(separator: "/").last.map(String.init) ?? ""
    }
}

import Foundation

/// The checks Google makes on created objects that matter to us: required fields, a search campaign with a
/// bidding strategy, budget micros in whole currency-units' hundredths, responsive search ad text lengths.
enum GoogleAdsValidation {
    typealias Path = [(String, Int?)]

    static let headlineMaxLength = 30
    static let descriptionMaxLength = 90

    static func check(_ object: [String: Any], collection: String, path: Path, store: GoogleAdsStore) throws {
        func required(_ field: String) throws {
            let value = object[field]
            if value == nil || (value as? String)?.isEmpty == true { throw GoogleAdsFailure.required(path + [(GoogleAdsCollections.snakeCase(field), nil)]) }
        }
        if let status = object["status"] as? String, !GoogleAdsStore.statuses.contains(status) {
            throw GoogleAdsFailure.invalid("requestError", "INVALID_ENUM_VALUE", "Status must be ENABLED or PAUSED.", at: path + [("status", nil)])
        }
        switch collection {
        case "campaignBudgets":
            try required("name")
            try checkBudget(object, path: path)
        case "campaigns":
            try required("name")
            try required("campaignBudget")
            try required("advertisingChannelType")
            try required("containsEuPoliticalAdvertising")
            guard object["advertisingChannelType"] as? String == "SEARCH" else {
                throw GoogleAdsFailure.invalid("campaignError", "CANNOT_SET_ADVERTISING_CHANNEL_TYPE",
                                               "The simulator creates SEARCH campaigns only.", at: path + [("advertising_channel_type", nil)])
            }
            guard GoogleAdsStore.biddingStrategies.contains(where: { object[$0] != nil }) else {
                throw GoogleAdsFailure.invalid("fieldError", "REQUIRED", "A bidding strategy is required.", at: path + [("campaign_bidding_strategy", nil)])
            }
            try checkSchedule(object, store: store, path: path)
        case "adGroups":
            try required("name")
            try required("campaign")
        case "campaignCriteria":
            try required("campaign")
            guard let location = object["location"] as? [String: Any], let constant = location["geoTargetConstant"] as? String,
                  constant.hasPrefix("geoTargetConstants/"), Int(constant.dropFirst("geoTargetConstants/".count)) != nil else {
                throw GoogleAdsFailure.invalid("criterionError", "INVALID_GEO_TARGET_CONSTANT", "The simulator takes location criteria with a geo target constant.",
                                               at: path + [("location", nil), ("geo_target_constant", nil)])
            }
        case "customAudiences":
            try required("name")
            guard let members = object["members"] as? [[String: Any]], !members.isEmpty else { throw GoogleAdsFailure.required(path + [("members", nil)]) }
            for (index, member) in members.enumerated() where member["memberType"] as? String != "KEYWORD" || (member["keyword"] as? String ?? "").isEmpty {
                throw GoogleAdsFailure.invalid("customAudienceError", "INVALID_MEMBER_TYPE", "Members must be KEYWORD members with a keyword.",
                                               at: path + [("members", index)])
            }
        case "adGroupCriteria":
            try required("adGroup")
            if let age = object["ageRange"] as? [String: Any] {
                guard let type = age["type"] as? String, GoogleAdsStore.ageRanges.contains(type) else {
                    throw GoogleAdsFailure.invalid("requestError", "INVALID_ENUM_VALUE", "Unknown age range.", at: path + [("age_range", nil), ("type", nil)])
                }
            } else if let keyword = object["keyword"] as? [String: Any] {
                try checkKeyword(keyword, path: path + [("keyword", nil)])
            } else if object["customAudience"] == nil && object["userInterest"] == nil {
                throw GoogleAdsFailure.invalid("fieldError", "REQUIRED", "A criterion needs ageRange, customAudience, userInterest or keyword.", at: path + [("criterion", nil)])
            }
        case "adGroupAds":
            try required("adGroup")
            try checkResponsiveSearchAd(object["ad"] as? [String: Any], path: path + [("ad", nil)])
        default:
            break
        }
    }

    /// `KeywordInfo`: text at most 80 characters and 10 words, a `KeywordMatchType` of EXACT, PHRASE or BROAD
    /// (https://developers.google.com/google-ads/api/reference/rpc/latest/KeywordInfo; the errors are
    /// `CriterionError` KEYWORD_TEXT_TOO_LONG and KEYWORD_HAS_TOO_MANY_WORDS, an empty text INVALID_KEYWORD_TEXT).
    /// An enum value the proto lacks does not parse at all (INVALID_ARGUMENT with a field violation).
    static let keywordMatchTypes: Set<String> = ["EXACT", "PHRASE", "BROAD"]

    private static func checkKeyword(_ keyword: [String: Any], path: Path) throws {
        guard let matchType = keyword["matchType"] as? String else { throw GoogleAdsFailure.required(path + [("match_type", nil)]) }
        guard keywordMatchTypes.contains(matchType) else {
            var failure = GoogleAdsFailure.unknownField(matchType, at: "match_type")
            let description = "Invalid value at 'keyword.match_type' (type.googleapis.com/google.ads.googleads.v26.enums.KeywordMatchTypeEnum.KeywordMatchType), \"\(matchType)\""
            failure.message = description
            failure.payloadViolation = ("keyword.match_type", description)
            throw failure
        }
        let text = (keyword["text"] as? String ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            throw GoogleAdsFailure.invalid("criterionError", "INVALID_KEYWORD_TEXT", "Keyword text is invalid.", at: path + [("text", nil)])
        }
        if text.count > 80 {
            throw GoogleAdsFailure.invalid("criterionError", "KEYWORD_TEXT_TOO_LONG", "Keyword text is too long.", at: path + [("text", nil)])
        }
        if text.split(separator: " ").count > 10 {
            throw GoogleAdsFailure.invalid("criterionError", "KEYWORD_HAS_TOO_MANY_WORDS", "Keyword has too many words.", at: path + [("text", nil)])
        }
    }

    static func checkBudget(_ object: [String: Any], path: Path) throws {
        let field = object["amountMicros"] != nil ? "amountMicros" : "totalAmountMicros"
        guard let text = GoogleAdsValue.string(object[field]) else { throw GoogleAdsFailure.required(path + [("amount_micros", nil)]) }
        guard let micros = Int64(text), micros > 0 else {
            throw GoogleAdsFailure.invalid("rangeError", "TOO_LOW",
                                           "The budget must be a positive amount.", at: path + [(GoogleAdsCollections.snakeCase(field), nil)])
        }
        guard micros % 10_000 == 0 else {
            throw GoogleAdsFailure.invalid("campaignBudgetError", "NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT",
                                           "The budget amount must be a multiple of the minimum currency unit (10000 micros).",
                                           at: path + [(GoogleAdsCollections.snakeCase(field), nil)])
        }
    }

    /// `start_date_time`/`end_date_time` as "yyyy-MM-dd HH:mm:ss" (DateError.INVALID_FIELD_FORMAT otherwise); a campaign
    /// spending a total budget must end (CampaignError.END_DATE_TIME_REQUIRED_FOR_TOTAL_BUDGET, v23+;
    /// https://developers.google.com/google-ads/api/reference/rpc/v26/CampaignErrorEnum.CampaignError).
    static func checkSchedule(_ campaign: [String: Any], store: GoogleAdsStore, path: Path) throws {
        for field in ["startDateTime", "endDateTime"] {
            guard let value = campaign[field] else { continue }
            let text = value as? String ?? ""
            let shape = text.count == 19 && text.enumerated().allSatisfy { index, character in
                switch index {
                case 4, 7: character == "-"
                case 10: character == " "
                case 13, 16: character == ":"
                default: character.isASCII && character.isNumber
                }
            }
            guard shape else {
                throw GoogleAdsFailure.invalid("dateError", "INVALID_FIELD_FORMAT", "The date time must be yyyy-MM-dd HH:mm:ss.",
                                               at: path + [(GoogleAdsCollections.snakeCase(field), nil)])
            }
        }
        if let budget = campaign["campaignBudget"] as? String, store.objects[budget]?["totalAmountMicros"] != nil, campaign["endDateTime"] == nil {
            throw GoogleAdsFailure.invalid("campaignError", "END_DATE_TIME_REQUIRED_FOR_TOTAL_BUDGET",
                                           "Campaigns with total budgets must have end date/time specified.", at: path + [("end_date_time", nil)])
        }
    }

    private static func checkResponsiveSearchAd(_ ad: [String: Any]?, path: Path) throws {
        guard let ad else { throw GoogleAdsFailure.required(path) }
        guard let urls = ad["finalUrls"] as? [String], !urls.isEmpty, urls.allSatisfy({ $0.hasPrefix("http://") || $0.hasPrefix("https://") }) else {
            throw GoogleAdsFailure.invalid("urlFieldError", "INVALID_URL", "The ad needs final URLs (http or https).", at: path + [("final_urls", nil)])
        }
        guard let rsa = ad["responsiveSearchAd"] as? [String: Any] else { throw GoogleAdsFailure.required(path + [("responsive_search_ad", nil)]) }
        let rsaPath = path + [("responsive_search_ad", nil)]
        // ResponsiveSearchAdInfo: 3 to 15 headlines, 2 to 4 descriptions; a count outside is a CollectionSizeError
        // (https://developers.google.com/google-ads/api/reference/rpc/v26/ResponsiveSearchAdInfo,
        // https://developers.google.com/google-ads/api/reference/rpc/v26/CollectionSizeErrorEnum.CollectionSizeError).
        for (field, counts, maximumLength) in [("headlines", 3...15, headlineMaxLength), ("descriptions", 2...4, descriptionMaxLength)] {
            guard let assets = rsa[field] as? [[String: Any]], !assets.isEmpty else { throw GoogleAdsFailure.required(rsaPath + [(field, nil)]) }
            guard counts.contains(assets.count) else {
                let tooFew = assets.count < counts.lowerBound
                throw GoogleAdsFailure.invalid(
                    "collectionSizeError", tooFew ? "TOO_FEW" : "TOO_MANY", tooFew ? "Too few." : "Too many.", at: rsaPath + [(field, nil)])
            }
            for (index, asset) in assets.enumerated() {
                let text = asset["text"] as? String ?? ""
                if text.isEmpty { throw GoogleAdsFailure.required(rsaPath + [(field, index), ("text", nil)]) }
                if text.count > maximumLength {
                    throw GoogleAdsFailure.invalid("stringLengthError", "TOO_LONG", "Too long: \(text.count) characters, at most \(maximumLength).",
                                                   at: rsaPath + [(field, index), ("text", nil)])
                }
                let topics = editorialTopics(text, isHeadline: field == "headlines")
                if !topics.isEmpty {
                    var failure = GoogleAdsFailure.invalid(
                        "policyFindingError", "POLICY_FINDING",
                        "The resource has been disapproved since the policy summary includes policy topics of type PROHIBITED.",
                        at: rsaPath + [(field, index), ("text", nil)])
                    failure.policyTopics = topics
                    throw failure
                }
            }
        }
    }

    /// Google checks ad text against its editorial policy when the ad is created, and refuses a violation with a
    /// `PolicyFindingError` whose details name the policy topics (policy exemption guide:
    /// https://developers.google.com/google-ads/api/docs/policy-exemption/overview; the policy:
    /// https://support.google.com/adspolicy/answer/6021546). Google's own detection is richer; the simulator
    /// refuses the plain cases — a word of four or more capitals, a repeated symbol, "!" in a headline — under
    /// topic names of its own.
    static func editorialTopics(_ text: String, isHeadline: Bool) -> [String] {
        var topics: [String] = []
        if text.split(whereSeparator: { !$0.isLetter }).contains(where: { $0.count >= 4 && $0.allSatisfy(\.isUppercase) }) {
            topics.append("CAPITALIZATION")
        }
        let symbols: Set<Character> = ["!", "?", "$", "€", "£", "*", "#", "@", "%", "&", "+", "~", "^", "="]
        if zip(text, text.dropFirst()).contains(where: { $0 == $1 && symbols.contains($0) }) || (isHeadline && text.contains("!")) {
            topics.append("PUNCTUATION")
        }
        return topics
    }
}

/// proto3 JSON values: int64 as a string or, leniently, a number.
enum GoogleAdsValue {
    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}

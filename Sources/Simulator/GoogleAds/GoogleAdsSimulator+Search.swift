import Foundation

/// googleAds:search and googleAds:searchStream: rows of the queried resource with the selected fields, and
/// for `FROM campaign` with metrics, one row per campaign and day it was ENABLED (SimulatedMetrics figures); for
/// `FROM ad_group_ad`, one row per ad and day both it and its campaign were ENABLED, the campaign's figures
/// shared among its ads (`SimulatedMetrics.split`).
extension GoogleAdsSimulator {
    func search(_ body: [String: Any], account: GoogleAdsStore.Account, stream: Bool) throws -> Any {
        guard let text = body["query"] as? String, !text.isEmpty else { throw GoogleAdsFailure.required([("query", nil)]) }
        let query = try GoogleAdsQuery(text)
        var rows = try store.rows(for: query, account: account)
        if let limit = query.limit { rows = Array(rows.prefix(limit)) }
        let fieldMask = query.fields.map { field in field.split(separator: ".").map { GoogleAdsCollections.camelCase(String($0)) }.joined(separator: ".") }
            .joined(separator: ",")
        if stream {
            return [["results": rows, "fieldMask": fieldMask, "requestId": "sim-\(UInt32.random(in: 0...UInt32.max))"]]
        }
        return ["results": rows, "fieldMask": fieldMask, "totalResultsCount": String(rows.count)]
    }
}

extension GoogleAdsStore {
    func rows(for query: GoogleAdsQuery, account: GoogleAdsStore.Account) throws -> [[String: Any]] {
        let wantsMetrics = query.fields.contains { $0.hasPrefix("metrics.") }
        if query.resource == "customer" {
            let customer: [String: Any] = ["resourceName": "customers/\(account.id)", "id": account.id,
                                           "descriptiveName": account.name, "currencyCode": account.currency, "status": "ENABLED",
                                           "manager": account.manager]
            guard query.conditions.allSatisfy({ query.matches($0.field, value(of: $0.field, in: ["customer": customer])) }) else { return [] }
            return [select(query.fields, from: ["customer": customer])]
        }
        if query.resource == "customer_client" {
            // The account itself at level 0 and, for a manager, its clients at level 1.
            let clients = [(account, 0)] + accounts.filter { !$0.removed && account.manager && $0.managerID == account.id }.map { ($0, 1) }
            return clients.compactMap { client, level in
                let row: [String: Any] = ["customerClient": [
                    "resourceName": "customers/\(account.id)/customerClients/\(client.id)", "id": client.id, "clientCustomer": "customers/\(client.id)",
                    "descriptiveName": client.name, "currencyCode": client.currency, "manager": client.manager, "level": String(level),
                ] as [String: Any]]
                guard query.conditions.allSatisfy({ query.matches($0.field, value(of: $0.field, in: row)) }) else { return nil }
                return select(query.fields, from: row)
            }
        }
        guard let collection = GoogleAdsCollections.byQueryResource[query.resource] else {
            throw GoogleAdsFailure.invalid("queryError", "INVALID_RESOURCE_NAME_IN_FROM_CLAUSE", "The simulator cannot query \(query.resource).", at: [("query", nil)])
        }
        guard !wantsMetrics || ["campaign", "ad_group_ad"].contains(query.resource) else {
            throw GoogleAdsFailure.invalid("queryError", "PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE", "The simulator has metrics for campaigns and ads only.", at: [("query", nil)])
        }
        var rows: [[String: Any]] = []
        for stored in objects(customerID: account.id, collection: collection) where stored["status"] as? String != "REMOVED" {
            let object = collection == "adGroupAds" ? reviewed(stored) : stored
            let context = related(object, resource: query.resource)
            guard query.conditions.filter({ !$0.field.hasPrefix("segments.") })
                .allSatisfy({ query.matches($0.field, value(of: $0.field, in: context)) }) else { continue }
            guard wantsMetrics || query.fields.contains("segments.date") else {
                rows.append(select(query.fields, from: context))
                continue
            }
            for day in try days(query) {
                guard let resourceName = object["resourceName"] as? String, wasEnabled(resourceName, onDay: day) else { continue }
                let date = GoogleAdsDay.iso(day)
                let figures: SimulatedDay
                if query.resource == "ad_group_ad" {
                    guard let campaign = context["campaign"] as? [String: Any], let share = adShares(of: campaign, customerID: account.id, day: day)[resourceName] else { continue }
                    figures = share
                } else {
                    figures = SimulatedMetrics.day(objectID: object["id"] as? String ?? "", day: date)
                }
                var withMetrics = context
                withMetrics["segments"] = ["date": date]
                withMetrics["metrics"] = [
                    "impressions": String(figures.impressions), "clicks": String(figures.clicks),
                    "costMicros": String(figures.spendMinor * 10_000), "conversions": Double(figures.conversions),
                    "conversionsValue": Double(figures.conversionValueMinor) / 100,
                ]
                rows.append(select(query.fields, from: withMetrics))
            }
        }
        return rows
    }

    /// The campaign's figures of `day` shared among its ads enabled that day, by ad resource name; none when the
    /// campaign itself was not enabled.
    private func adShares(of campaign: [String: Any], customerID: String, day: Int) -> [String: SimulatedDay] {
        guard let campaignName = campaign["resourceName"] as? String, wasEnabled(campaignName, onDay: day) else { return [:] }
        let ads = objects(customerID: customerID, collection: "adGroupAds").compactMap { ad -> String? in
            guard let name = ad["resourceName"] as? String, ad["status"] as? String != "REMOVED",
                  let adGroup = (ad["adGroup"] as? String).flatMap({ objects[$0] }), adGroup["campaign"] as? String == campaignName,
                  wasEnabled(name, onDay: day) else { return nil }
            return name
        }
        let date = GoogleAdsDay.iso(day)
        return SimulatedMetrics.split(SimulatedMetrics.day(objectID: campaign["id"] as? String ?? "", day: date), among: ads, day: date)
    }

    /// The object under its resource's name, with the objects it refers to (`campaign` of an ad group).
    private func related(_ object: [String: Any], resource: String) -> [String: Any] {
        var context: [String: Any] = [GoogleAdsCollections.camelCase(resource): object]
        for (_, field) in GoogleAdsCollections.referenceField where field != GoogleAdsCollections.camelCase(resource) {
            if let name = object[field] as? String, let referenced = objects[name] {
                context[field] = referenced
                if let campaign = referenced["campaign"] as? String, context["campaign"] == nil { context["campaign"] = objects[campaign] }
            }
        }
        return context
    }

    /// `campaign.advertising_channel_type` → context["campaign"]["advertisingChannelType"].
    private func value(of field: String, in context: [String: Any]) -> String? {
        var current: Any? = context
        for part in field.split(separator: ".") {
            current = (current as? [String: Any])?[GoogleAdsCollections.camelCase(String(part))]
        }
        return GoogleAdsValue.string(current)
    }

    /// Only the selected fields, nested as the API nests them, each object with its resource name.
    private func select(_ fields: [String], from context: [String: Any]) -> [String: Any] {
        var row: [String: Any] = [:]
        for field in fields {
            let parts = field.split(separator: ".").map { GoogleAdsCollections.camelCase(String($0)) }
            guard let top = parts.first, var source = context[top] as? [String: Any] else { continue }
            var target = row[top] as? [String: Any] ?? [:]
            if let name = source["resourceName"] { target["resourceName"] = name }
            target = Self.copy(Array(parts.dropFirst()), from: &source, into: target)
            row[top] = target
        }
        return row
    }

    private static func copy(_ path: [String], from source: inout [String: Any], into target: [String: Any]) -> [String: Any] {
        guard let key = path.first, let value = source[key] else { return target }
        var target = target
        if path.count == 1 {
            target[key] = value
        } else if var nested = value as? [String: Any] {
            target[key] = copy(Array(path.dropFirst()), from: &nested, into: target[key] as? [String: Any] ?? [:])
        }
        return target
    }

    /// The days of the `segments.date BETWEEN` (or `=`) condition, required with metrics; never after today.
    private func days(_ query: GoogleAdsQuery) throws -> [Int] {
        let today = Int(Date().timeIntervalSince1970 / 86_400)
        for condition in query.conditions where condition.field == "segments.date" {
            switch condition {
            case .between(_, let low, let high):
                guard let first = GoogleAdsDay.days(low), let last = GoogleAdsDay.days(high) else { break }
                return first <= min(last, today) ? Array(first...min(last, today)) : []
            case .equals(_, let day):
                guard let only = GoogleAdsDay.days(day) else { break }
                return only <= today ? [only] : []
            default:
                break
            }
        }
        throw GoogleAdsFailure.invalid("queryError", "EXPECTED_FILTERS_ON_DATE_RANGE",
                                       "Metrics by segments.date need a finite date range (segments.date BETWEEN 'YYYY-MM-DD' AND 'YYYY-MM-DD').",
                                       at: [("query", nil)])
    }
}

/// Days since 1970-01-01 (UTC) ↔ ISO dates, for metrics. The UTC calendar (made once, not per row) and the
/// ISO writing are MetaSimulatedDays': both platforms write days alike.
enum GoogleAdsDay {
    static func days(_ iso: String) -> Int? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
              let date = MetaSimulatedDays.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return nil }
        return Int(date.timeIntervalSince1970 / 86_400)
    }

    static func iso(_ days: Int) -> String {
        MetaSimulatedDays.string(Date(timeIntervalSince1970: Double(days) * 86_400))
    }
}

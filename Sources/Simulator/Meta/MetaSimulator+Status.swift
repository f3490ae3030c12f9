import FastCGI
import Foundation

/// Changes to existing objects: `POST /{object-id}` with the fields to change, and `DELETE /{object-id}`.
extension MetaSimulator {
    /// Fields `POST /{object-id}` changes, by kind (the rest of the request, such as the token, is not a field).
    /// Source: https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group#Updating
    static let updatableFields: [MetaSimulatedObject.Kind: Set<String>] = [
        .campaign: ["status", "name", "daily_budget", "lifetime_budget"],
        .adset: ["status", "name", "end_time"],
        .ad: ["status", "name"],
        .adcreative: ["name"],
    ]
    static let notFields: Set<String> = ["access_token", "appsecret_proof", "method", "format", "suppress_http_code"]
    /// The smallest daily budget the simulator takes, in minor units (1.00 in a two-decimal currency). Meta's own
    /// minimum depends on the currency and the billing event; a lower budget is refused as too low.
    static let minimumDailyBudgetMinor = 100

    /// `POST /{object-id}`: the given fields only, all checked before any is applied (all or nothing), as Meta does.
    func update(objectID: String, _ parameters: [String: String]) throws -> FastCGIResponse {
        let given = parameters.filter { !Self.notFields.contains($0.key) }
        try lock.withLock {
            guard let index = objects.firstIndex(where: { $0.id == objectID }) else { throw MetaSimulatedError.unknownObject(objectID) }
            var object = objects[index]
            guard !given.isEmpty else { throw MetaSimulatedError.invalidParameter([], "Nothing to update: give at least one field.") }
            let allowed = Self.updatableFields[object.kind] ?? []
            for name in given.keys.sorted() where !allowed.contains(name) {
                if name == "status", object.kind == .adcreative {
                    throw MetaSimulatedError.invalidParameter(["status"], "Ad creatives have no delivery status.")
                }
                throw MetaSimulatedError.invalidParameter([name], "\(name) cannot be changed on a \(object.kind.rawValue) here.")
            }
            if let status = given["status"] {
                guard ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED"].contains(status) else {
                    throw MetaSimulatedError.invalidParameter(["status"], "status must be one of ACTIVE, PAUSED, ARCHIVED, DELETED.")
                }
                object.fields["status"] = status
            }
            if let name = given["name"] {
                guard !name.isEmpty else { throw MetaSimulatedError.missing("name") }
                object.fields["name"] = name
            }
            if let end = given["end_time"] {
                // ISO 8601 with an offset, after the start (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#Updating).
                guard end.count >= 19, end.dropFirst(4).first == "-", end.dropFirst(10).first == "T" else {
                    throw MetaSimulatedError.invalidParameter(["end_time"], "end_time must be an ISO 8601 time such as 2026-12-24T23:59:59+0000.")
                }
                if let start = object.fields["start_time"] as? String, end < start {
                    throw MetaSimulatedError.invalidParameter(["end_time"], "The end time is before the start time.")
                }
                object.fields["end_time"] = end
            }
            try updateBudget(&object, given)
            objects[index] = object
        }
        return .simulatorJSON(200, ["success": true])
    }

    /// A campaign's budget: the kind it was created with (Meta refuses a switch between daily and lifetime budgets),
    /// a whole positive number of minor units, a daily budget not below the minimum, and a lifetime budget not below
    /// what the campaign has spent so far. Caller holds the lock.
    /// Sources: https://developers.facebook.com/docs/marketing-api/bidding/overview/budgets,
    /// https://developers.facebook.com/docs/marketing-api/reference/minimum-budget (minimums per account and optimization),
    /// Marketing API v2.7 release notes (daily and lifetime budgets cannot be switched by an edit).
    private func updateBudget(_ object: inout MetaSimulatedObject, _ given: [String: String]) throws {
        for field in ["daily_budget", "lifetime_budget"] {
            guard let value = given[field] else { continue }
            let other = field == "daily_budget" ? "lifetime_budget" : "daily_budget"
            guard object.fields[other] == nil, given[other] == nil else {
                throw MetaSimulatedError.invalidParameter(
                    [field], "You can't switch a campaign between a daily and a lifetime budget; this one has a \(other.replacingOccurrences(of: "_", with: " ")).")
            }
            guard let minor = Int(value), minor > 0, String(minor) == value else {
                throw MetaSimulatedError.invalidParameter([field], "\(field) must be a positive whole number of minor units, got \"\(value)\".", subcode: 1_885_272)
            }
            if field == "daily_budget", minor < Self.minimumDailyBudgetMinor {
                throw MetaSimulatedError.invalidParameter(
                    [field], "Your budget is too low: the minimum daily budget is \(Self.minimumDailyBudgetMinor) minor units.", subcode: 1_885_272)
            }
            if field == "lifetime_budget" {
                let spent = MetaSimulatedDays.range(object.createdDay, Self.today())
                    .reduce(0) { $0 + SimulatedMetrics.day(objectID: object.id, day: $1).spendMinor }
                guard minor > spent else {
                    throw MetaSimulatedError.invalidParameter(
                        [field], "The lifetime budget must be more than the \(spent) minor units the campaign has already spent.", subcode: 1_885_272)
                }
            }
            object.fields[field] = value
        }
    }

    /// `DELETE /{object-id}`; a creative an ad uses cannot go, nor an object with children.
    func delete(objectID: String) throws -> FastCGIResponse {
        try lock.withLock {
            guard let index = objects.firstIndex(where: { $0.id == objectID }) else { throw MetaSimulatedError.unknownObject(objectID) }
            let inUse = objects.contains { object in
                (object.fields["campaign_id"] as? String) == objectID || (object.fields["adset_id"] as? String) == objectID
                    || ((object.fields["creative"] as? [String: Any])?["id"] as? String) == objectID
            }
            guard !inUse else {
                throw MetaSimulatedError(code: 100, subcode: 1_487_118, message: "Object \(objectID) is in use and cannot be deleted.")
            }
            objects.remove(at: index)
        }
        return .simulatorJSON(200, ["success": true])
    }
}

import Foundation

/// A saved targeting definition: who a campaign unit's ads are shown to.
public struct Audience: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var locations: [String]
    public var ageMin: Int
    public var ageMax: Int
    public var interests: [String]
    /// Locations picked from the platforms' targeting search, with their ids; `locations` are their names.
    /// Empty for audiences saved as plain strings, which `targetedLocations` reads as entries.
    public var locationTargets: [TargetingEntry]
    public var interestTargets: [TargetingEntry]
    public var createdAt: Date

    public init(id: UUID, name: String, locations: [String], ageMin: Int, ageMax: Int, interests: [String], createdAt: Date,
                locationTargets: [TargetingEntry] = [], interestTargets: [TargetingEntry] = []) {
        self.id = id
        self.name = name
        self.locations = locations
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
        self.locationTargets = locationTargets
        self.interestTargets = interestTargets
        self.createdAt = createdAt
    }

    /// The locations as entries: the picked ones, or else the plain strings read as `legacyLocation`s.
    public var targetedLocations: [TargetingEntry] {
        locationTargets.isEmpty ? locations.map(TargetingEntry.legacyLocation) : locationTargets
    }

    /// The interests as entries: the picked ones, or else the plain names (without ids).
    public var targetedInterests: [TargetingEntry] {
        interestTargets.isEmpty ? interests.map(TargetingEntry.legacyInterest) : interestTargets
    }
}

/// What a caller supplies to create an audience, or the full state after an update.
public struct AudienceDraft: Sendable, Equatable {
    public var name: String
    public var locations: [String]
    public var ageMin: Int
    public var ageMax: Int
    public var interests: [String]
    /// When not empty, these replace `locations` (which become their names).
    public var locationTargets: [TargetingEntry]
    /// When not empty, these replace `interests` (which become their names).
    public var interestTargets: [TargetingEntry]

    public init(name: String, locations: [String], ageMin: Int, ageMax: Int, interests: [String] = [],
                locationTargets: [TargetingEntry] = [], interestTargets: [TargetingEntry] = []) {
        self.name = name
        self.locations = locations
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
        self.locationTargets = locationTargets
        self.interestTargets = interestTargets
    }
}

/// A partial change: `nil` leaves the field as it is.
public struct AudienceChanges: Sendable, Equatable {
    public var name: String?
    public var locations: [String]?
    public var ageMin: Int?
    public var ageMax: Int?
    public var interests: [String]?
    public var locationTargets: [TargetingEntry]?
    public var interestTargets: [TargetingEntry]?

    public init(name: String? = nil, locations: [String]? = nil, ageMin: Int? = nil, ageMax: Int? = nil, interests: [String]? = nil,
                locationTargets: [TargetingEntry]? = nil, interestTargets: [TargetingEntry]? = nil) {
        self.name = name
        self.locations = locations
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
        self.locationTargets = locationTargets
        self.interestTargets = interestTargets
    }

    /// Plain `locations` (or `interests`) given without entries replace the entries too, so names and
    /// entries never disagree.
    func applied(to audience: Audience) -> AudienceDraft {
        AudienceDraft(
            name: name ?? audience.name, locations: locations ?? audience.locations,
            ageMin: ageMin ?? audience.ageMin, ageMax: ageMax ?? audience.ageMax, interests: interests ?? audience.interests,
            locationTargets: locationTargets ?? (locations != nil ? [] : audience.locationTargets),
            interestTargets: interestTargets ?? (interests != nil ? [] : audience.interestTargets))
    }
}

/// Why an audience operation was refused. `field` names the input field (`name`, `locations`,
/// `ageMin`, `ageMax`, `interests`) so the API can point at it.
public enum AudienceError: Error, Sendable, Equatable {
    case validation(field: String, message: String)
    /// No such audience in the caller's organization (also for other organizations' audiences).
    case notFound
    /// The audience is targeted by campaign units and cannot be deleted.
    case inUse
}

/// The rules an audience must satisfy, checked before anything reaches the database.
public enum AudienceRules {
    public static let ages = 13...65

    /// The draft with names and list entries trimmed, or the first rule it breaks.
    public static func validated(_ draft: AudienceDraft) throws(AudienceError) -> AudienceDraft {
        var draft = draft
        try validateTargets(&draft)
        draft.name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if draft.name.isEmpty {
            throw .validation(field: "name", message: "Name must not be empty.")
        }
        try InputLimits.name.check(draft.name, field: "name", else: AudienceError.validation)
        draft.locations = draft.locations.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try InputLimits.locations.check(draft.locations, field: "locations", else: AudienceError.validation)
        if draft.locations.isEmpty {
            throw .validation(field: "locations", message: "At least one location is required.")
        }
        if draft.locations.contains(where: \.isEmpty) {
            throw .validation(field: "locations", message: "Locations must not be empty strings.")
        }
        if !ages.contains(draft.ageMin) {
            throw .validation(field: "ageMin", message: "ageMin must be between \(ages.lowerBound) and \(ages.upperBound).")
        }
        if !ages.contains(draft.ageMax) {
            throw .validation(field: "ageMax", message: "ageMax must be between \(ages.lowerBound) and \(ages.upperBound).")
        }
        if draft.ageMin > draft.ageMax {
            throw .validation(field: "ageMin", message: "ageMin must not be greater than ageMax.")
        }
        draft.interests = draft.interests.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try InputLimits.interests.check(draft.interests, field: "interests", else: AudienceError.validation)
        if draft.interests.contains(where: \.isEmpty) {
            throw .validation(field: "interests", message: "Interests must not be empty strings.")
        }
        return draft
    }

    /// Entries checked and, when given, their names become `locations` / `interests`.
    private static func validateTargets(_ draft: inout AudienceDraft) throws(AudienceError) {
        for (field, entries, locations) in [("locationTargets", draft.locationTargets, true), ("interestTargets", draft.interestTargets, false)] {
            if entries.count > TargetingEntryRules.maximumEntries {
                throw .validation(field: field, message: "At most \(TargetingEntryRules.maximumEntries) entries.")
            }
            for entry in entries {
                if let problem = TargetingEntryRules.problem(entry) { throw .validation(field: field, message: problem) }
                if entry.kind.isLocation != locations {
                    throw .validation(field: field, message: "\(field) takes \(locations ? "COUNTRY, REGION or CITY" : "INTEREST") entries.")
                }
            }
        }
        draft.locationTargets = draft.locationTargets.map { var entry = $0; entry.name = entry.name.trimmingCharacters(in: .whitespaces); return entry }
        draft.interestTargets = draft.interestTargets.map { var entry = $0; entry.name = entry.name.trimmingCharacters(in: .whitespaces); return entry }
        if !draft.locationTargets.isEmpty { draft.locations = draft.locationTargets.map(\.name) }
        if !draft.interestTargets.isEmpty { draft.interests = draft.interestTargets.map(\.name) }
    }
}

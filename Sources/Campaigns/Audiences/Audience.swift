import Foundation

/// A saved targeting definition: who a campaign unit's ads are shown to.
public struct Audience: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var locations: [String]
    public var ageMin: Int
    public var ageMax: Int
    public var interests: [String]
    public var createdAt: Date

    public init(id: UUID, name: String, locations: [String], ageMin: Int, ageMax: Int, interests: [String], createdAt: Date) {
        self.id = id
        self.name = name
        self.locations = locations
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
        self.createdAt = createdAt
    }
}

/// What a caller supplies to create an audience, or the full state after an update.
public struct AudienceDraft: Sendable, Equatable {
    public var name: String
    public var locations: [String]
    public var ageMin: Int
    public var ageMax: Int
    public var interests: [String]

    public init(name: String, locations: [String], ageMin: Int, ageMax: Int, interests: [String] = []) {
        self.name = name
        self.locations = locations
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
    }
}

/// A partial change: `nil` leaves the field as it is.
public struct AudienceChanges: Sendable, Equatable {
    public var name: String?
    public var locations: [String]?
    public var ageMin: Int?
    public var ageMax: Int?
    public var interests: [String]?

    public init(name: String? = nil, locations: [String]? = nil, ageMin: Int? = nil, ageMax: Int? = nil, interests: [String]? = nil) {
        self.name = name
        self.locations = locations
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
    }

    func applied(to audience: Audience) -> AudienceDraft {
        AudienceDraft(
            name: name ?? audience.name, locations: locations ?? audience.locations,
            ageMin: ageMin ?? audience.ageMin, ageMax: ageMax ?? audience.ageMax, interests: interests ?? audience.interests)
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
}

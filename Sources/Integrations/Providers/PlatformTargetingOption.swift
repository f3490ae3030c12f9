import Foundation

/// One answer of a platform's targeting search: the platform's id, a name and, for locations, the country.
public struct PlatformTargetingOption: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case country, region, city, interest
    }

    public var kind: Kind
    /// Google: the geo target constant id; Meta: the location key or interest id.
    public var id: String
    public var name: String
    public var countryCode: String?
    /// What tells same-named options apart: "Los Angeles, California, United States", an interest's path.
    public var detail: String?

    public init(kind: Kind, id: String, name: String, countryCode: String?, detail: String?) {
        self.kind = kind
        self.id = id
        self.name = name
        self.countryCode = countryCode
        self.detail = detail
    }
}

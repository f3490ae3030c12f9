import Foundation
import Integrations
import Postgres

/// What `targetingSearch` looks for.
public enum TargetingSearchKind: String, Sendable {
    case location = "LOCATION", interest = "INTEREST"
}

/// Why a targeting search was refused before reaching the platform.
public enum TargetingSearchError: Error, Sendable, Equatable {
    case validation(field: String, message: String)
    /// The organization has no connected integration of that platform (the search needs its token).
    case notConnected(Platform)
}

/// The platforms' own targeting search, through the organization's connection: Meta's `/search`
/// (`adgeolocation`, `adinterest`) and Google's `geoTargetConstants:suggest`. The answers are
/// `TargetingEntry`s carrying that platform's id, ready to save in an audience. Google has no interest search
/// here: Search campaigns target keywords, so an INTEREST search on Google answers nothing.
public struct TargetingSearchService: Sendable {
    public static let maximumQueryLength = 100

    let providers: PlatformProviders
    let tokens: TokenService

    public init(providers: PlatformProviders, tokens: TokenService) {
        self.providers = providers
        self.tokens = tokens
    }

    public func search(platform: Platform, kind: TargetingSearchKind, query: String, in session: TenantSession) throws -> [TargetingEntry] {
        let query = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty, query.count <= Self.maximumQueryLength else {
            throw TargetingSearchError.validation(field: "query", message: "query must have 1 to \(Self.maximumQueryLength) characters.")
        }
        if platform == .googleAds && kind == .interest { return [] }
        guard let integration = try ConnectionService().integrations(in: session).first(where: { $0.platform == platform && $0.connected }) else {
            throw TargetingSearchError.notConnected(platform)
        }
        let options = try tokens.withAccessToken(integrationID: integration.id, organizationID: session.organizationID, on: session.connection) { token in
            switch platform {
            case .googleAds: return try providers.google.suggestGeoTargets(query: query, accessToken: token)
            case .metaAds: return try providers.meta.targetingSearch(interests: kind == .interest, query: query, accessToken: token)
            }
        }
        return options.prefix(50).map { option in
            let entryKind: TargetingEntry.Kind = switch option.kind {
            case .country: .country
            case .region: .region
            case .city: .city
            case .interest: .interest
            }
            return TargetingEntry(
                kind: entryKind, name: option.name, countryCode: option.countryCode,
                googleID: platform == .googleAds ? option.id : nil, metaID: platform == .metaAds ? option.id : nil, detail: option.detail)
        }
    }
}

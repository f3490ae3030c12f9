import FastCGI
import Foundation

/// The Meta Marketing (Graph) API, simulated: `meta-www` serves the OAuth dialog (it approves at once),
/// `meta-graph` the Graph API — tokens, `/me/adaccounts`, the ad account edges that create campaigns, ad
/// sets, creatives and ads, status changes and daily insights — in the real API's shapes and error format.
public final class MetaSimulator: SimulatedPlatform, @unchecked Sendable {
    public let name = "meta_ads"
    public let prefixes = ["meta-graph", "meta-www"]
    public let tokens: TokenIssuer

    let lock = NSLock()
    var accounts: [MetaSimulatedAccount] = MetaSimulatedAccount.seeded
    /// In creation order.
    var objects: [MetaSimulatedObject] = []
    /// Uploaded images: hash → the accounts that have it.
    var images: [String: Set<String>] = [:]
    var nextID = firstID
    /// Seconds a new ad stays PENDING_REVIEW before it reads as approved (control `review_delay`).
    var reviewDelay: Double = 60

    /// Ids look like Meta's: long numeric strings.
    static let firstID = 120_210_000_000_000_001

    public init(tokenLifetime: TimeInterval, redirectURIs: Set<String> = []) {
        tokens = TokenIssuer(tokenPrefix: "EAAsim-", accessTokenLifetime: tokenLifetime, redirectURIs: redirectURIs)
    }

    public func handle(_ request: SimulatorRequest) -> FastCGIResponse {
        var segments = request.path.split(separator: "/").map(String.init)
        guard let version = segments.first, version.range(of: #"^v[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil else {
            return MetaSimulatedError(code: 2500, message: "Unknown path components: \(request.path)").response
        }
        segments.removeFirst()
        do {
            if request.prefix == "meta-www" {
                guard request.method == "GET", segments == ["dialog", "oauth"] else { throw Self.unknownPath(request) }
                return try dialog(request)
            }
            return try graph(request, segments)
        } catch let error as MetaSimulatedError {
            return error.response
        } catch {
            return MetaSimulatedError(status: 500, code: 1, message: "An unknown error occurred: \(error)").response
        }
    }

    /// Routes a Graph API request by its path after the version.
    func graph(_ request: SimulatorRequest, _ segments: [String]) throws -> FastCGIResponse {
        switch (request.method, segments.count) {
        case ("GET", 2) where segments == ["oauth", "access_token"], ("POST", 2) where segments == ["oauth", "access_token"]:
            return try accessToken(request)
        case ("GET", 2) where segments == ["me", "adaccounts"]:
            try authorize(request)
            return page(request, rows: lock.withLock { accounts.map(\.json) })
        case ("GET", 2) where segments == ["me", "accounts"]:
            try authorize(request)
            return page(request, rows: MetaSimulatedPage.seeded.map(\.json))
        case ("POST", 2) where segments[0].hasPrefix("act_") && segments[1] == "adimages":
            try authorize(request)
            return try uploadImage(request, accountID: MetaSimulatedAccount.digits(segments[0]))
        case ("POST", 2) where segments[0].hasPrefix("act_"):
            try authorize(request)
            guard let kind = MetaSimulatedObject.Kind(edge: segments[1]) else { throw Self.unknownPath(request) }
            return try create(kind, accountID: MetaSimulatedAccount.digits(segments[0]), Self.parameters(request))
        case ("GET", 2) where segments[0].hasPrefix("act_") && segments[1] == "adspixels":
            try authorize(request)
            _ = try account(segments[0])
            return page(request, rows: MetaSimulatedPage.pixels.map { ["id": $0.id, "name": $0.name] })
        case ("GET", 2) where segments[0].hasPrefix("act_") && segments[1] == "dsa_recommendations":
            // Meta suggests names from the account's recent activity; the simulator suggests the account's own name.
            try authorize(request)
            let account = try account(segments[0])
            return page(request, rows: [["recommendations": [account.name]]])
        case ("GET", 2) where segments[0].hasPrefix("act_") && segments[1] == "delivery_estimate":
            try authorize(request)
            return try deliveryEstimate(request, accountID: try account(segments[0]).id)
        case ("GET", 2) where segments[0].hasPrefix("act_") && segments[1] == "insights":
            try authorize(request)
            return try insights(request, accountID: MetaSimulatedAccount.digits(segments[0]))
        case ("GET", 2) where segments[0].hasPrefix("act_"):
            try authorize(request)
            guard let kind = MetaSimulatedObject.Kind(edge: segments[1]) else { throw Self.unknownPath(request) }
            let accountID = try account(segments[0]).id
            let filters = try Self.listFilters(request.query["filtering"])
            return page(request, rows: lock.withLock {
                objects.filter { $0.kind == kind && $0.accountID == accountID && filters.allSatisfy($0.matches) }.map { $0.json(reviewDelay: reviewDelay) }
            })
        case ("POST", 1):
            try authorize(request)
            return try update(objectID: segments[0], Self.parameters(request))
        case ("DELETE", 1):
            try authorize(request)
            return try delete(objectID: segments[0])
        case ("GET", 1) where segments == ["search"]:
            try authorize(request)
            return try targetingSearch(request)
        case ("GET", 1):
            try authorize(request)
            guard let object = lock.withLock({ objects.first { $0.id == segments[0] } }) else { throw MetaSimulatedError.unknownObject(segments[0]) }
            return .simulatorJSON(200, object.json(reviewDelay: lock.withLock { reviewDelay }))
        default:
            throw Self.unknownPath(request)
        }
    }

    /// Query, form and JSON body parameters together, the way the Graph API takes them; nested JSON values
    /// as JSON text, numbers as their decimal text.
    static func parameters(_ request: SimulatorRequest) -> [String: String] {
        var parameters = request.parameters
        for (name, value) in request.json ?? [:] {
            switch value {
            case let text as String: parameters[name] = text
            case let number as NSNumber: parameters[name] = number.stringValue
            default:
                if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
                    parameters[name] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        return parameters
    }

    /// Refuses a request without a valid access token, in the error 190 shape.
    func authorize(_ request: SimulatorRequest) throws {
        guard let token = request.accessToken, !token.isEmpty else { throw MetaSimulatedError.missingToken }
        switch tokens.validity(ofAccessToken: token) {
        case .valid: return
        case .expired: throw MetaSimulatedError.expiredToken
        case .unknown: throw MetaSimulatedError.invalidToken
        }
    }

    /// The ad account `act_…`, or error 100 when the user has no such account.
    func account(_ node: String) throws -> MetaSimulatedAccount {
        let id = MetaSimulatedAccount.digits(node)
        guard let account = lock.withLock({ accounts.first { $0.id == id } }) else { throw MetaSimulatedError.unknownObject("act_\(id)") }
        return account
    }

    static func unknownPath(_ request: SimulatorRequest) -> MetaSimulatedError {
        MetaSimulatedError(code: 2500, message: "Unknown path components: \(request.method) \(request.path)")
    }

    static func today() -> String { MetaSimulatedDays.string(Date()) }
}

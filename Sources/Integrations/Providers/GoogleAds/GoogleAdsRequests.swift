import Foundation

/// Builds every Google Ads API request before it is sent, so that a dry run can show exactly what a real
/// call sends. The access token and developer token travel only in `secretHeaders`.
extension GoogleAdsProvider {
    public func listAccessibleCustomersRequest(accessToken: String) -> PlatformRequest {
        PlatformRequest(method: "GET", url: apiURL("customers:listAccessibleCustomers"), headers: publicHeaders(), secretHeaders: secretHeaders(accessToken))
    }

    /// `loginCustomerID`: the manager account through which this user reaches `customerID`, when not directly.
    public func searchRequest(customerID: String, loginCustomerID: String? = nil, query: String, stream: Bool, accessToken: String) -> PlatformRequest {
        PlatformRequest(
            method: "POST", url: apiURL("customers/\(customerID)/googleAds:\(stream ? "searchStream" : "search")"),
            headers: publicHeaders(loginCustomerID), secretHeaders: secretHeaders(accessToken), body: PlatformRequest.jsonBody(["query": query]),
            isSafeToRepeat: true)
    }

    /// `customers/{id}/{service}:mutate` (`campaignBudgets`, `campaigns`, `adGroups`, `adGroupCriteria`,
    /// `campaignCriteria`, `adGroupAds`, …) with `operations` such as `{"create": {...}}` or
    /// `{"update": {...}, "updateMask": "status"}`.
    public func mutateRequest(customerID: String, loginCustomerID: String? = nil, service: String, operations: [[String: Any]],
                              accessToken: String) -> PlatformRequest {
        PlatformRequest(
            method: "POST", url: apiURL("customers/\(customerID)/\(service):mutate"),
            headers: publicHeaders(loginCustomerID), secretHeaders: secretHeaders(accessToken), body: PlatformRequest.jsonBody(["operations": operations]),
            isSafeToRepeat: !operations.contains { $0["create"] != nil })
    }

    /// `customers/{id}/googleAds:mutate`: operations of several services applied atomically, all or none;
    /// later operations refer to objects created earlier through temporary (negative) ids.
    public func batchMutateRequest(customerID: String, loginCustomerID: String? = nil, operations: [GoogleAdsOperation],
                                   accessToken: String) -> PlatformRequest {
        PlatformRequest(
            method: "POST", url: apiURL("customers/\(customerID)/googleAds:mutate"),
            headers: publicHeaders(loginCustomerID), secretHeaders: secretHeaders(accessToken),
            body: PlatformRequest.jsonBody(["mutateOperations": operations.map(\.json)]),
            isSafeToRepeat: !operations.contains { $0.operation["create"] != nil })
    }

    /// Sends a per-service mutate; returns the resource names of the results, in operation order.
    public func mutate(_ request: PlatformRequest, accessToken: String) throws -> [String] {
        let answer = try sendJSON(request, accessToken: accessToken)
        return (answer["results"] as? [[String: Any]] ?? []).compactMap { $0["resourceName"] as? String }
    }

    /// Sends a googleAds:mutate; returns the resource names of the results, in operation order.
    public func batchMutate(_ request: PlatformRequest, accessToken: String) throws -> [String] {
        let answer = try sendJSON(request, accessToken: accessToken)
        return (answer["mutateOperationResponses"] as? [[String: Any]] ?? []).compactMap { response in
            response.values.lazy.compactMap { ($0 as? [String: Any])?["resourceName"] as? String }.first
        }
    }

    func apiURL(_ path: String) -> URL {
        var root = settings.google.apiURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        return URL(string: "\(root)/\(GoogleAdsAPI.version)/\(path)")!
    }

    /// `login-customer-id` names the manager account a request goes through: per account, found when the
    /// connection's accounts are listed (a user reaches an agency's client accounts through its manager).
    func publicHeaders(_ loginCustomerID: String? = nil) -> [String: String] {
        var headers = ["Accept": "application/json"]
        if let manager = loginCustomerID.flatMap(GoogleCustomerID.normalized) { headers["login-customer-id"] = manager }
        return headers
    }

    func secretHeaders(_ accessToken: String) -> [String: String] {
        var headers = ["Authorization": "Bearer \(accessToken)"]
        if let developerToken = settings.google.developerToken { headers["developer-token"] = developerToken }
        return headers
    }
}

/// One operation of a googleAds:mutate: which service's operation (`campaignBudgetOperation`, ...) and its body.
public struct GoogleAdsOperation: @unchecked Sendable {
    /// e.g. `campaignOperation`.
    public var kind: String
    /// e.g. `["create": [...]]`.
    public var operation: [String: Any]

    public init(_ kind: String, _ operation: [String: Any]) {
        self.kind = kind
        self.operation = operation
    }

    public static func create(_ kind: String, _ object: [String: Any]) -> GoogleAdsOperation {
        GoogleAdsOperation(kind, ["create": object])
    }

    var json: [String: Any] { [kind: operation] }
}

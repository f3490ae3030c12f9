import FastCGI
import Foundation

/// The REST API: authentication first (developer token, access token, customer access), then the method.
extension GoogleAdsSimulator {
    func api(_ request: SimulatorRequest) -> FastCGIResponse {
        do {
            let segments = request.path.split(separator: "/").map(String.init)
            guard segments.count >= 2, segments[0].hasPrefix("v"), Int(segments[0].dropFirst()) != nil else { throw notFound(request) }
            try authenticate(request)
            if segments.count == 2, segments[1] == "customers:listAccessibleCustomers", request.method == "GET" {
                return listAccessibleCustomers()
            }
            if segments.count == 2, segments[1] == "geoTargetConstants:suggest", request.method == "POST" {
                return .simulatorJSON(200, try suggestGeoTargets(request.json ?? [:]))
            }
            guard segments.count == 4, segments[1] == "customers", request.method == "POST" else { throw notFound(request) }
            let customerID = segments[2]
            let method = segments[3]
            guard let body = request.json else {
                throw GoogleAdsFailure(httpStatus: 400, status: "INVALID_ARGUMENT", errorCode: ["requestError": "BAD_REQUEST"],
                                       message: "The request body is not a JSON object.")
            }
            return try lock.withLock {
                guard let account = store.account(customerID) else {
                    throw GoogleAdsFailure.permissionDenied(
                        "CUSTOMER_NOT_ENABLED", "The customer account \(customerID) can't be accessed because it is not yet enabled or has been deactivated.")
                }
                // A client account is reached through its manager, named in login-customer-id; a login-customer-id
                // must be the account itself or its manager.
                let login = request.header("login-customer-id")
                let allowed = login == nil ? account.managerID == nil : (login == account.id || login == account.managerID)
                guard allowed, login.map({ store.account($0) != nil }) ?? true else {
                    throw GoogleAdsFailure.permissionDenied(
                        "USER_PERMISSION_DENIED", "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header.")
                }
                switch method {
                case "googleAds:search": return .simulatorJSON(200, try search(body, account: account, stream: false))
                case "googleAds:searchStream": return .simulatorJSON(200, try search(body, account: account, stream: true))
                case "googleAds:mutate": return .simulatorJSON(200, try batchMutate(body, customerID: customerID))
                default:
                    guard method.hasSuffix(":mutate") else { throw notFound(request) }
                    return .simulatorJSON(200, try mutate(collection: String(method.dropLast(":mutate".count)), body, customerID: customerID))
                }
            }
        } catch let failure as GoogleAdsFailure {
            return failure.response
        } catch {
            return GoogleAdsFailure(httpStatus: 500, status: "INTERNAL", errorCode: ["internalError": "INTERNAL_ERROR"], message: "\(error)").response
        }
    }

    /// The OAuth token decides; a `developer-token` header is ignored, as Google has done since it sunset developer
    /// tokens on 2026-09-09 (access belongs to the OAuth client's Cloud project).
    private func authenticate(_ request: SimulatorRequest) throws {
        switch tokens.validity(ofAccessToken: request.accessToken) {
        case .valid: return
        case .expired:
            throw GoogleAdsFailure.unauthenticated("OAUTH_TOKEN_EXPIRED", "Request had invalid authentication credentials. The OAuth token has expired.")
        case .unknown:
            throw GoogleAdsFailure.unauthenticated("OAUTH_TOKEN_INVALID", "Request had invalid authentication credentials. Expected OAuth 2 access token.")
        }
    }

    private func listAccessibleCustomers() -> FastCGIResponse {
        // The customers the user reaches directly: managers' clients are reached through their managers.
        let names = lock.withLock { store.accounts.filter { !$0.removed && $0.managerID == nil }.map { "customers/\($0.id)" } }
        return .simulatorJSON(200, ["resourceNames": names])
    }

    private func notFound(_ request: SimulatorRequest) -> GoogleAdsFailure {
        GoogleAdsFailure(httpStatus: 404, status: "NOT_FOUND", errorCode: ["requestError": "UNKNOWN"],
                         message: "The simulator has no Google Ads method \(request.method) \(request.path).")
    }
}

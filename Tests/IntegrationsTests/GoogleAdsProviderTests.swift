import Campaigns
import Foundation
import Integrations
import Testing
import TestSupport

/// The Google Ads provider against the simulator over real HTTP: OAuth, accounts, errors, retries.
@Suite(.serialized) struct GoogleAdsProviderTests {
    @Test func consentURLCarriesGooglesParametersAndTheCodeExchangesForTokensThatRefresh() async throws {
        let google = try GoogleAdsFixture()
        let url = google.provider.authorizationURL(state: "s+1/2", redirectURI: GoogleAdsFixture.redirectURI)
        let query = Dictionary(uniqueKeysWithValues: (URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(query == [
            "client_id": "simulator-google-client", "redirect_uri": GoogleAdsFixture.redirectURI, "response_type": "code",
            "scope": "https://www.googleapis.com/auth/adwords", "access_type": "offline", "prompt": "consent", "state": "s+1/2",
        ])
        let approved = try await google.approve(state: "s+1/2")
        #expect(approved.state == "s+1/2")

        let tokens = try google.provider.exchangeCode(approved.code, redirectURI: GoogleAdsFixture.redirectURI)
        #expect(tokens.accessToken.hasPrefix("google-at-"))
        #expect(tokens.refreshToken?.hasPrefix("google-rt-") == true)
        let lifetime = try #require(tokens.expiresAt).timeIntervalSinceNow
        #expect(lifetime > 3500 && lifetime <= 3600)
        // A code works once.
        #expect(throws: PlatformError.reconnectRequired(message: "Google OAuth: invalid_grant (Malformed auth code.)")) {
            try google.provider.exchangeCode(approved.code, redirectURI: GoogleAdsFixture.redirectURI)
        }

        let refreshed = try google.provider.refresh(tokens)
        #expect(refreshed.accessToken != tokens.accessToken)
        #expect(refreshed.refreshToken == tokens.refreshToken)
        #expect(try google.provider.listAdAccounts(accessToken: refreshed.accessToken).count == 3)
    }

    @Test func anExpiredAccessTokenIsTokenExpiredAndARefreshCuresIt() async throws {
        let google = try GoogleAdsFixture()
        let tokens = try await google.connect()
        try await google.control("google_ads/expire_tokens", [:])
        let error = try #require(throws: PlatformError.self) { try google.provider.listAdAccounts(accessToken: tokens.accessToken) }
        guard case .tokenExpired(let message) = error else { Issue.record("expected tokenExpired, got \(error)"); return }
        #expect(message.contains("OAUTH_TOKEN_EXPIRED"))
        let refreshed = try google.provider.refresh(tokens)
        #expect(try google.provider.listAdAccounts(accessToken: refreshed.accessToken).map(\.externalID) == ["1234567890", "2345678901", "4815162342"])
    }

    @Test func aRevokedRefreshTokenMeansReconnect() async throws {
        let google = try GoogleAdsFixture()
        let tokens = try await google.connect()
        try await google.control("google_ads/revoke_tokens", [:])
        #expect(throws: PlatformError.reconnectRequired(message: "Google OAuth: invalid_grant (Token has been expired or revoked.)")) {
            try google.provider.refresh(tokens)
        }
        let error = try #require(throws: PlatformError.self) { try google.provider.listAdAccounts(accessToken: tokens.accessToken) }
        guard case .tokenExpired = error else { Issue.record("expected tokenExpired, got \(error)"); return }
    }

    @Test func rateLimitsAndServerErrorsAreRetriedThenSurfaced() async throws {
        let google = try GoogleAdsFixture()
        let tokens = try await google.connect()
        let path = "customers:listAccessibleCustomers"

        try await google.fail("rate_limit", path: path, times: 2)
        #expect(try google.provider.listAdAccounts(accessToken: tokens.accessToken).count == 3)
        #expect(try await google.requestCount(path) == 3)

        try await google.fail("server_error", path: path, times: 10)
        let serverError = try #require(throws: PlatformError.self) { try google.provider.listAdAccounts(accessToken: tokens.accessToken) }
        #expect(serverError == .transient(message: "Google Ads answered 500: An internal error has occurred. [internalError: INTERNAL_ERROR]"))
        #expect(try await google.requestCount(path) == 3 + 4)

        try await google.control("reset", [:])
        let fresh = try await google.connect()
        try await google.fail("rate_limit", path: path, times: 10)
        let rateLimited = try #require(throws: PlatformError.self) { try google.provider.listAdAccounts(accessToken: fresh.accessToken) }
        #expect(rateLimited == .rateLimited(retryAfter: 0.05, message: "Google Ads: Too many requests. Retry in 1 seconds. [quotaError: RESOURCE_EXHAUSTED]"))
        #expect(try await google.requestCount(path) == 4)

        // The token endpoint is retried too.
        try await google.fail("server_error", path: "/token", times: 1)
        #expect(try google.provider.refresh(fresh).accessToken.hasPrefix("google-at-"))
    }

    @Test func accountsFollowRenamesRemovalsAndAdditions() async throws {
        let google = try GoogleAdsFixture()
        let tokens = try await google.connect()
        #expect(try google.provider.listAdAccounts(accessToken: tokens.accessToken) == [
            PlatformAdAccount(externalID: "1234567890", name: "Tasty Chips Co. – US", currency: "USD"),
            PlatformAdAccount(externalID: "2345678901", name: "Tasty Chips Co. – CA", currency: "CAD"),
            PlatformAdAccount(externalID: "4815162342", name: "Tasty Chips – Search", currency: "USD"),
        ])
        try await google.control("google_ads/rename_account", ["customerId": "1234567890", "name": "Tasty Chips USA"])
        try await google.control("google_ads/remove_account", ["customerId": "4815162342"])
        try await google.control("google_ads/add_account", ["customerId": "3456789012", "name": "Tasty Chips Co. – UK", "currency": "GBP"])
        #expect(try google.provider.listAdAccounts(accessToken: tokens.accessToken) == [
            PlatformAdAccount(externalID: "1234567890", name: "Tasty Chips USA", currency: "USD"),
            PlatformAdAccount(externalID: "2345678901", name: "Tasty Chips Co. – CA", currency: "CAD"),
            PlatformAdAccount(externalID: "3456789012", name: "Tasty Chips Co. – UK", currency: "GBP"),
        ])
        // A removed account refuses requests.
        let error = try #require(throws: PlatformError.self) {
            try google.provider.search(customerID: "4815162342", query: "SELECT customer.id FROM customer", accessToken: tokens.accessToken)
        }
        guard case .permanent(let message) = error else { Issue.record("expected permanent, got \(error)"); return }
        #expect(message.contains("CUSTOMER_NOT_ENABLED"))
    }

    /// Google sunset developer tokens on 2026-09-09: the header is optional and ignored, so none is sent unless
    /// configured, and a stale one changes nothing.
    @Test func theDeveloperTokenIsOptionalAndIgnored() async throws {
        let google = try GoogleAdsFixture()
        let tokens = try await google.connect()
        #expect(google.settings.google.developerToken == nil)
        let request = google.provider.searchRequest(customerID: "2345678901", query: "SELECT customer.id FROM customer", stream: false, accessToken: tokens.accessToken)
        #expect(request.secretHeaders == ["Authorization": "Bearer \(tokens.accessToken)"])
        var settings = google.settings
        settings.google.developerToken = "a-token-from-before-the-sunset"
        let configured = GoogleAdsProvider(settings: settings)
        #expect(configured.searchRequest(customerID: "2345678901", query: "SELECT customer.id FROM customer", stream: false, accessToken: tokens.accessToken)
            .secretHeaders["developer-token"] == "a-token-from-before-the-sunset")
        let withToken = try configured.listAdAccounts(accessToken: tokens.accessToken)
        #expect(!withToken.isEmpty)
        #expect(try google.provider.listAdAccounts(accessToken: tokens.accessToken) == withToken)
    }

    /// An agency's client accounts are reached through its manager account: listed from the manager's
    /// `customer_client`, each keeps the manager as its login-customer-id, and requests without it are refused.
    @Test func clientAccountsOfAManagerAreListedAndReachedThroughIt() async throws {
        let google = try GoogleAdsFixture()
        _ = try await google.control("google_ads/add_account", ["customerId": "5556667777", "name": "Snack Agency", "currency": "USD", "manager": true])
        _ = try await google.control("google_ads/add_account", ["customerId": "7778889999", "name": "Tasty Chips Co. – UK", "currency": "GBP", "managerId": "5556667777"])
        let tokens = try await google.connect()
        let accounts = try google.provider.listAdAccounts(accessToken: tokens.accessToken)
        let uk = try #require(accounts.first { $0.externalID == "7778889999" }, "\(accounts)")
        #expect(uk.loginCustomerID == "5556667777")
        #expect(uk.currency == "GBP")
        #expect(!accounts.contains { $0.externalID == "5556667777" }, "a manager runs no campaigns")
        #expect(accounts.filter { $0.externalID != "7778889999" }.allSatisfy { $0.loginCustomerID == nil })

        let request = google.provider.searchRequest(customerID: "7778889999", loginCustomerID: "555-666-7777", query: "SELECT customer.id FROM customer",
                                                    stream: false, accessToken: tokens.accessToken)
        #expect(request.headers == ["Accept": "application/json", "login-customer-id": "5556667777"])
        #expect(request.secretHeaders == ["Authorization": "Bearer \(tokens.accessToken)"])
        #expect(try google.provider.search(customerID: "7778889999", loginCustomerID: "5556667777", query: "SELECT customer.id FROM customer",
                                           accessToken: tokens.accessToken).count == 1)
        for login in [nil, "1234567890"] {
            let error = try #require(throws: PlatformError.self) {
                try google.provider.search(customerID: "7778889999", loginCustomerID: login, query: "SELECT customer.id FROM customer", accessToken: tokens.accessToken)
            }
            guard case .permanent(let message) = error else { Issue.record("expected permanent, got \(error)"); return }
            #expect(message.contains("USER_PERMISSION_DENIED"))
        }
    }

    @Test func noSecretAppearsInErrorsOrPlannedRequests() async throws {
        let google = try GoogleAdsFixture()
        let tokens = try await google.connect()
        let secrets = [tokens.accessToken, try #require(tokens.refreshToken), google.settings.google.clientSecret]
        var errors: [PlatformError] = []
        var badClient = google.settings
        badClient.google.clientSecret = "wrong-secret-\(UUID())"
        do { _ = try GoogleAdsProvider(settings: badClient).refresh(tokens) } catch let error as PlatformError { errors.append(error) }
        do { _ = try google.provider.exchangeCode("no-such-code", redirectURI: GoogleAdsFixture.redirectURI) } catch let error as PlatformError { errors.append(error) }
        try await google.fail("server_error", path: "campaigns:mutate", times: 10)
        do {
            try google.adapter.setCampaignStatus(.paused, externalCampaignID: "1", in: google.account(tokens))
        } catch let error as PlatformError { errors.append(error) }
        try await google.control("google_ads/expire_tokens", [:])
        do { _ = try google.provider.listAdAccounts(accessToken: tokens.accessToken) } catch let error as PlatformError { errors.append(error) }
        try await google.control("google_ads/revoke_tokens", [:])
        do { _ = try google.provider.refresh(tokens) } catch let error as PlatformError { errors.append(error) }

        #expect(errors.count == 5)
        #expect(errors.contains { if case .permanent = $0 { return true } else { return false } })
        for error in errors {
            for secret in secrets + [badClient.google.clientSecret] {
                #expect(!error.description.contains(secret), "\(error) shows a secret")
            }
        }

        let plan = google.adapter.plannedLaunchRequests(
            campaign: GoogleAdsSpecs.campaign(), adGroups: [GoogleAdsSpecs.adGroup(campaignID: "")], ads: [GoogleAdsSpecs.ad(adGroupID: "")],
            in: google.account(tokens))
        #expect(plan.count == 3)
        let text = plan.map { "\($0.method) \($0.url) \($0.body ?? "")" }.joined(separator: "\n")
        for secret in secrets { #expect(!text.contains(secret)) }
        let tokenRequest = PlannedPlatformRequest(step: "refresh", request: google.provider.tokenRequest([
            ("grant_type", "refresh_token"), ("refresh_token", try #require(tokens.refreshToken)), ("client_secret", google.settings.google.clientSecret),
        ]))
        #expect(tokenRequest.body == "grant_type=refresh_token&refresh_token=REDACTED&client_secret=REDACTED")
    }
}

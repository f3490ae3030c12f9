import Foundation
import Integrations
import Testing

/// The Meta provider against the simulated Graph API over real HTTP (nginx → campaignd simulate).
@Suite struct MetaProviderTests {
    @Test func dialogRedirectsWithACodeThatBecomesALongLivedToken() async throws {
        let meta = try MetaSimulatorFixture()
        let redirectURI = "http://127.0.0.1:9/oauth/meta?from=test"
        let url = meta.provider.authorizationURL(state: "s-42", redirectURI: redirectURI)
        #expect(url.path.hasSuffix("/meta-www/\(MetaGraphAPI.version)/dialog/oauth"))
        let query = Dictionary(FormEncoding.decode(url.query ?? ""), uniquingKeysWith: { $1 })
        #expect(query["client_id"] == "simulator-meta-app")
        #expect(query["redirect_uri"] == redirectURI)
        #expect(query["state"] == "s-42")
        #expect(query["scope"] == "ads_management,ads_read,pages_show_list")

        let location = try await meta.redirectLocation(url)
        #expect(location.hasPrefix(redirectURI + "&code="))
        #expect(location.hasSuffix("&state=s-42"))
        let code = try #require(FormEncoding.decode(URLComponents(string: location)!.percentEncodedQuery!).first { $0.0 == "code" }?.1)

        let before = Date()
        let tokens = try meta.provider.exchangeCode(code, redirectURI: redirectURI)
        #expect(tokens.refreshToken == nil)
        let expiresAt = try #require(tokens.expiresAt)
        // About 60 days, as Meta's long-lived tokens.
        #expect(abs(expiresAt.timeIntervalSince(before) - 60 * 86_400) < 120)
        // The code gave a short-lived token, exchanged at once for the long-lived one we keep.
        let issued = try await meta.state()["tokens"] as? [String: Any]
        #expect((issued?["accessTokens"] as? [String: Any])?.count == 2)
        #expect(try meta.provider.listAdAccounts(accessToken: tokens.accessToken).count == 2)

        // A code is single-use; the refusal names neither the code nor the app secret.
        #expect {
            try meta.provider.exchangeCode(code, redirectURI: redirectURI)
        } throws: { error in
            guard case PlatformError.invalidRequest = error else { return false }
            return !"\(error)".contains(code) && !"\(error)".contains(meta.settings.meta.appSecret)
        }
    }

    @Test func accountListingFollowsRenamesRemovalsAdditionsAndPages() async throws {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()
        let seeded = try meta.provider.listAdAccounts(accessToken: tokens.accessToken)
        #expect(seeded == [
            PlatformAdAccount(externalID: "1000000001", name: "Tasty Chips Co.", currency: "USD"),
            PlatformAdAccount(externalID: "1000000002", name: "Tasty Chips Co. EU", currency: "EUR"),
        ])

        try await meta.control("meta_ads/rename_account", ["accountId": "act_1000000001", "name": "Tasty Chips Co. US"])
        try await meta.control("meta_ads/remove_account", ["accountId": "1000000002"])
        try await meta.control("meta_ads/add_account", ["accountId": "1000000003", "name": "Tasty Chips Co. Japan", "currency": "JPY"])
        #expect(try meta.provider.listAdAccounts(accessToken: tokens.accessToken) == [
            PlatformAdAccount(externalID: "1000000001", name: "Tasty Chips Co. US", currency: "USD"),
            PlatformAdAccount(externalID: "1000000003", name: "Tasty Chips Co. Japan", currency: "JPY"),
        ])

        // More accounts than one page holds (100): paging.next is followed.
        for index in 0..<100 {
            try await meta.control("meta_ads/add_account", ["accountId": String(2_000_000_000 + index), "name": "Brand \(index)", "currency": "EUR"])
        }
        let all = try meta.provider.listAdAccounts(accessToken: tokens.accessToken)
        #expect(all.count == 102)
        #expect(Set(all.map(\.externalID)).count == 102)
        #expect(all.last == PlatformAdAccount(externalID: "2000000099", name: "Brand 99", currency: "EUR"))
    }

    /// Meta documents no server-side way to extend a long-lived token: once it expires, only the user renews it.
    @Test func anExpiredConnectionIsTokenExpiredAndOnlyReconnectingRenewsIt() async throws {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()
        #expect(!AdPlatform.metaAds.renewsConnections)
        try await meta.control("meta_ads/expire_tokens")
        #expect {
            try meta.provider.listAdAccounts(accessToken: tokens.accessToken)
        } throws: { error in
            guard case PlatformError.tokenExpired(let message) = error else { return false }
            return message.contains("code 190") && !message.contains(tokens.accessToken)
        }
        #expect {
            try meta.provider.refresh(tokens)
        } throws: { error in
            guard case PlatformError.reconnectRequired(let message) = error else { return false }
            return message.contains("connect Meta again") && !message.contains(tokens.accessToken)
        }
        // The simulated Graph API refuses to exchange an expired token, as Meta does.
        let exchange = try await meta.exchangeForLongLived(tokens.accessToken)
        #expect(exchange.status == 400, "\(exchange.text)")
        #expect(((try exchange.json()["error"] as? [String: Any])?["code"] as? Int) == 190)
    }

    /// Exchanging a long-lived token again gives a token that ends when it does: no silent extension to rely on.
    @Test func aLongLivedTokenExchangedAgainKeepsItsEnd() async throws {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()
        let expiresAt = try #require(tokens.expiresAt)
        let exchange = try await meta.exchangeForLongLived(tokens.accessToken)
        #expect(exchange.status == 200, "\(exchange.text)")
        let expiresIn = try #require(try exchange.json()["expires_in"] as? Int)
        // The same end, give or take the time the requests took (an extension would add 60 days).
        #expect(abs(Date(timeIntervalSinceNow: Double(expiresIn)).timeIntervalSince(expiresAt)) < 60)
    }

    @Test func aRevokedTokenNeedsReconnecting() async throws {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()
        try await meta.control("meta_ads/revoke_tokens")
        #expect {
            try meta.provider.listAdAccounts(accessToken: tokens.accessToken)
        } throws: { error in
            if case PlatformError.tokenExpired = error { return true } else { return false }
        }
        #expect {
            try meta.provider.refresh(tokens)
        } throws: { error in
            guard case PlatformError.reconnectRequired(let message) = error else { return false }
            return !message.contains(tokens.accessToken) && !message.contains(meta.settings.meta.appSecret)
        }
    }

    @Test func rateLimitsAndServerErrorsAreRetriedThenSurfaced() async throws {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()

        // Two failures, three attempts: the call succeeds.
        try await meta.fail("/me/adaccounts", with: "rate_limit", times: 2)
        #expect(try meta.provider.listAdAccounts(accessToken: tokens.accessToken).count == 2)
        try await meta.fail("/me/adaccounts", with: "server_error", times: 2)
        #expect(try meta.provider.listAdAccounts(accessToken: tokens.accessToken).count == 2)

        // Three failures: the last one surfaces, typed.
        try await meta.fail("/me/adaccounts", with: "rate_limit", times: 3)
        #expect {
            try meta.provider.listAdAccounts(accessToken: tokens.accessToken)
        } throws: { error in
            guard case PlatformError.rateLimited(let retryAfter, let message) = error else { return false }
            return retryAfter == MetaErrorParser.defaultRetryAfter && message.contains("code 17")
        }
        try await meta.fail("/campaigns", with: "rate_limit", times: 3)
        #expect {
            _ = try meta.provider.createCampaign(
                MetaCampaignParameters(name: "C", objective: "OUTCOME_TRAFFIC", status: "ACTIVE", budget: .daily(minorUnits: 100)),
                accountID: "1000000001", accessToken: tokens.accessToken)
        } throws: { error in
            guard case PlatformError.rateLimited(_, let message) = error else { return false }
            return message.contains("code 613")
        }
        try await meta.fail("/me/adaccounts", with: "server_error", times: 3)
        #expect {
            try meta.provider.listAdAccounts(accessToken: tokens.accessToken)
        } throws: { error in
            guard case PlatformError.transient(let message) = error else { return false }
            return message.contains("code 2")
        }
        // Nothing was created by the refused campaign, and the rules are used up.
        #expect(try await meta.objects("campaign").isEmpty)
        #expect(try meta.provider.listAdAccounts(accessToken: tokens.accessToken).count == 2)

        // An expired token is not retried: one injected failure, one refused call, then success.
        try await meta.fail("/me/adaccounts", with: "expired_token", times: 1)
        #expect(throws: PlatformError.self) { try meta.provider.listAdAccounts(accessToken: tokens.accessToken) }
        #expect(try meta.provider.listAdAccounts(accessToken: tokens.accessToken).count == 2)
    }

    @Test func anUnreachableGraphAPIIsTransientAndItsErrorShowsNoSecret() throws {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        var settings = PlatformSettings.simulator(URL(string: "http://127.0.0.1:9/simulator")!)
        settings.meta.appSecret = "app-secret-never-shown"
        settings.retryPolicy = RetryPolicy(maximumAttempts: 2, baseDelay: 0.01, maximumDelay: 0.02)
        let provider = MetaAdsProvider(settings: settings)
        // The secret and the code travel in the form body: the URL the error names has no query at all.
        #expect {
            try provider.exchangeCode("code-never-shown", redirectURI: "http://127.0.0.1:9/cb")
        } throws: { error in
            guard case PlatformError.transient(let message) = error else { return false }
            return message.contains("/oauth/access_token") && !message.contains("/oauth/access_token?")
                && !message.contains("app-secret-never-shown") && !message.contains("code-never-shown")
        }
    }

    @Test func stateSurvivesARestartOfTheSimulator() async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("meta-state-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["CAMPAIGND_SIMULATOR_STATE": folder.appendingPathComponent("state.json").path]

        var first: MetaSimulatorFixture? = try MetaSimulatorFixture(environment: environment)
        let tokens = try await first!.connect()
        try await first!.control("meta_ads/rename_account", ["accountId": "1000000001", "name": "Renamed"])
        let campaignID = try first!.provider.createCampaign(
            MetaCampaignParameters(name: "Kept", objective: "OUTCOME_SALES", status: "ACTIVE", budget: .lifetime(minorUnits: 90_000)),
            accountID: "1000000001", accessToken: tokens.accessToken)
        first = nil  // stops the simulator, which writes its state

        let second = try MetaSimulatorFixture(environment: environment)
        #expect(try second.provider.listAdAccounts(accessToken: tokens.accessToken).first?.name == "Renamed")
        let campaigns = try await second.objects("campaign")
        #expect(campaigns.map { $0["id"] as? String } == [campaignID])
        #expect((campaigns.first?["fields"] as? [String: Any])?["lifetime_budget"] as? String == "90000")
        let next = try second.provider.createCampaign(
            MetaCampaignParameters(name: "New", objective: "OUTCOME_SALES", status: "ACTIVE", budget: .daily(minorUnits: 100)),
            accountID: "1000000001", accessToken: tokens.accessToken)
        #expect(next != campaignID)
    }

    /// With a Facebook Login for Business configuration, the login asks for it instead of a scope, and still
    /// comes back with a code.
    @Test func aLoginForBusinessConfigurationReplacesTheScope() async throws {
        let meta = try MetaSimulatorFixture()
        var settings = meta.settings
        settings.meta.loginConfigurationID = "1234567890123456"
        let provider = MetaAdsProvider(settings: settings)
        let url = provider.authorizationURL(state: "s-1", redirectURI: "http://127.0.0.1:9/oauth/meta")
        let query = Dictionary(FormEncoding.decode(url.query ?? ""), uniquingKeysWith: { $1 })
        #expect(query["config_id"] == "1234567890123456")
        #expect(query["scope"] == nil)
        #expect(query["response_type"] == "code")
        let location = try await meta.redirectLocation(url)
        #expect(location.hasPrefix("http://127.0.0.1:9/oauth/meta?code="), "\(location)")

        var environment = ["META_LOGIN_CONFIG_ID": "not-a-number"]
        #expect(throws: PlatformSettingsError.self) { try PlatformSettings.fromEnvironment(environment) }
        environment["META_LOGIN_CONFIG_ID"] = "987"
        #expect(try PlatformSettings.fromEnvironment(environment).meta.loginConfigurationID == "987")
    }
}

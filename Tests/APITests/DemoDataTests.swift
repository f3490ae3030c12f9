import Foundation
import Postgres
import Testing
import TestSupport

/// `make run`'s demo setup, run against a real server and the platform simulator: it connects both platforms
/// through OAuth, loads the drafts, launches, pauses and completes some; then the Spicy Jalapeño campaigns launch
/// on both platforms, and pausing and resuming shows in the execution log.
@Suite struct DemoDataTests {
    @Test func theDemoSetupConnectsLoadsAndLaunchesThroughTheAPI() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let script = TestPaths.repository.appendingPathComponent("scripts/demo-setup.py").path
        for _ in 0..<2 {  // the second run finds everything in place and changes nothing
            let setup = try runCommand(
                "/usr/bin/env", ["python3", script, harness.server.baseURL.absoluteString, key, harness.database.url],
                environment: ["CAMPAIGND_SIMULATOR_URL": harness.server.simulatorURL.absoluteString,
                              "CAMPAIGND_SIMULATOR_SECRET": TestSimulator.controlSecret])
            try #require(setup.status == 0, "\(setup.output)")
        }

        let campaigns = try await harness.succeed("""
            { integrations { platform connected adAccounts { name currency } }
              campaigns(first: 20) { totalCount edges { node { id name status platform externalCampaignId } } } }
            """, key: key)
        let integrations = try #require(campaigns["integrations"] as? [[String: Any]])
        #expect(Set(integrations.compactMap { $0["platform"] as? String }) == ["GOOGLE_ADS", "META_ADS"])
        #expect(integrations.allSatisfy { $0["connected"] as? Bool == true })
        let nodes = ((campaigns["campaigns"] as? [String: Any])?["edges"] as? [[String: Any]] ?? []).compactMap { $0["node"] as? [String: Any] }
        #expect(nodes.count == 8)
        var statuses: [String: String] = [:]
        for node in nodes { statuses[node["name"] as? String ?? ""] = node["status"] as? String }
        #expect(statuses == [
            "Spicy Jalapeño Chips – Launch": "DRAFT", "Spicy Jalapeño Chips – Search": "DRAFT", "Holiday Gift Tins": "DRAFT",
            "Paprika Chips – Germany & France": "DRAFT",
            "Sea Salt Classics – Always On": "LIVE", "Sour Cream & Onion – Always On": "LIVE",
            "BBQ Crunch – Summer Grilling": "PAUSED", "Lunchbox Minis – Back to School": "COMPLETED",
        ])
        let launched = nodes.filter { $0["status"] as? String != "DRAFT" }
        #expect(launched.allSatisfy { ($0["externalCampaignId"] as? String)?.isEmpty == false })

        // The example creative launches on both platforms; pausing and resuming shows in the log.
        // Dry runs plan bodies the real platforms take: keywords on the Google ad group, no custom audience;
        // targeting ids and the Advantage+ audience flag on the Meta ad set.
        for (name, expected, absent) in [
            ("Spicy Jalapeño Chips – Search", [#""keyword":{"#, #""matchType":"PHRASE""#, "geoTargetConstants/2840"], ["customAudience"]),
            ("Spicy Jalapeño Chips – Launch", ["targeting_automation", "advantage_audience", "6003346592981", "countries"], [#""name":"snacks""#, "dsa_"]),
            // The EU draft's ad set names its beneficiary and payer, as Meta requires of ads reaching the EU.
            ("Paprika Chips – Germany & France", [#""dsa_beneficiary":"Tasty Chips Co.""#, #""dsa_payor":"Tasty Chips Co. GmbH""#, #""DE""#], []),
        ] {
            let id = try #require(nodes.first { $0["name"] as? String == name }?["id"] as? String)
            let dry = try await harness.succeed(
                "mutation($id: ID!) { launchCampaign(id: $id, dryRun: true) { plannedRequests { step body } } }", ["id": id], key: key)
            let planned = ((dry["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]] ?? [])
            let targeting = try #require(planned.first { ($0["step"] as? String)?.lowercased().contains("ad set") == true
                || ($0["step"] as? String)?.hasPrefix("adSet") == true || ($0["step"] as? String)?.contains("ad group") == true })
            let body = ((targeting["body"] as? String ?? "").removingPercentEncoding ?? "").replacingOccurrences(of: "\\/", with: "/")
            for text in expected { #expect(body.contains(text), "\(name): \(text) in \(body)") }
            for text in absent { #expect(!body.contains(text), "\(name): no \(text) in \(body)") }
        }

        // The Meta drafts' creatives run as the Page the connection can advertise for (set by the account sync).
        let metaDraft = try #require(nodes.first { $0["name"] as? String == "Spicy Jalapeño Chips – Launch" }?["id"] as? String)
        let metaDry = try await harness.succeed(
            "mutation($id: ID!) { launchCampaign(id: $id, dryRun: true) { plannedRequests { step body } } }", ["id": metaDraft], key: key)
        let metaBodies = (((metaDry["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }
        #expect(metaBodies.contains { $0.contains(#""page_id":"102030405060708""#) }, "\(metaBodies)")

        // The demo Search drafts plan responsive search ads with at least 3 headlines and 2 descriptions.
        for name in ["Spicy Jalapeño Chips – Search", "Holiday Gift Tins"] {
            let id = try #require(nodes.first { $0["name"] as? String == name }?["id"] as? String)
            let dry = try await harness.succeed(
                "mutation($id: ID!) { launchCampaign(id: $id, dryRun: true) { plannedRequests { step body } } }", ["id": id], key: key)
            let planned = ((dry["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]] ?? [])
            let ad = try #require(planned.first { ($0["step"] as? String)?.contains("responsive search ad") == true }, "\(name)")
            let body = try #require((ad["body"] as? String).flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
            let rsa = (((body["operations"] as? [[String: Any]])?.first?["create"] as? [String: Any])?["ad"] as? [String: Any])?["responsiveSearchAd"] as? [String: Any]
            #expect(((rsa?["headlines"] as? [Any])?.count ?? 0) >= 3, "\(name): \(body)")
            #expect(((rsa?["descriptions"] as? [Any])?.count ?? 0) >= 2, "\(name): \(body)")
        }

        for name in ["Spicy Jalapeño Chips – Launch", "Spicy Jalapeño Chips – Search"] {
            let id = try #require(nodes.first { $0["name"] as? String == name }?["id"] as? String)
            let launch = try await harness.succeed("mutation($id: ID!) { launchCampaign(id: $id) { campaign { status } } }", ["id": id], key: key)
            #expect(((launch["launchCampaign"] as? [String: Any])?["campaign"] as? [String: Any])?["status"] as? String == "LIVE", "\(name)")
            _ = try await harness.succeed("mutation($id: ID!) { pauseCampaign(id: $id) { status } }", ["id": id], key: key)
            let resumed = try await harness.succeed("""
                mutation($id: ID!) { resumeCampaign(id: $id) { status executionLog(first: 50) { edges { node { action status } } } } }
                """, ["id": id], key: key)
            let campaign = try #require(resumed["resumeCampaign"] as? [String: Any])
            #expect(campaign["status"] as? String == "LIVE")
            let actions = ((campaign["executionLog"] as? [String: Any])?["edges"] as? [[String: Any]] ?? [])
                .compactMap { ($0["node"] as? [String: Any]).map { "\($0["action"] ?? "")/\($0["status"] ?? "")".lowercased() } }
            #expect(actions.contains { $0.hasPrefix("pause") && $0.hasSuffix("/success") }, "\(actions)")
            #expect(actions.contains { $0.hasPrefix("resume") && $0.hasSuffix("/success") }, "\(actions)")
        }

        // The next metrics sync gives the rules figures: the demo's CPA guard pauses Sea Salt Classics on Google and
        // says why on its execution log; the Performance view's report compares both platforms over 30 days.
        let synced = try harness.metricsSync().syncAll()
        #expect(synced.failed == 0, "\(synced)")
        let runs = try await harness.succeed("mutation { evaluateAutomationRules { outcome campaign { name } } }", key: key)
        let outcomes = ((runs["evaluateAutomationRules"] as? [[String: Any]]) ?? [])
            .map { "\($0["outcome"] ?? "") \(($0["campaign"] as? [String: Any])?["name"] ?? "")" }
        #expect(outcomes.contains("PAUSED Sea Salt Classics – Always On"), "\(outcomes)")
        let seaSalt = try #require(nodes.first { $0["name"] as? String == "Sea Salt Classics – Always On" }?["id"] as? String)
        let paused = try await harness.succeed(
            "query($id: ID!) { campaign(id: $id) { status executionLog(first: 5) { edges { node { action message } } } } }", ["id": seaSalt], key: key)
        let pausedCampaign = try #require(paused["campaign"] as? [String: Any])
        #expect(pausedCampaign["status"] as? String == "PAUSED")
        let entries = (((pausedCampaign["executionLog"] as? [String: Any])?["edges"] as? [[String: Any]]) ?? []).compactMap { $0["node"] as? [String: Any] }
        #expect(entries.contains { $0["action"] as? String == "rule_pause" && ($0["message"] as? String)?.contains("Sea Salt CPA guard") == true }, "\(entries)")
        let report = try await harness.succeed("""
            query($from: Date!, $to: Date!) { performanceReport(from: $from, to: $to, groupBy: [PLATFORM]) { rows { platform currency } } }
            """, ["from": PerformanceReportTests.day(-29), "to": PerformanceReportTests.day(0)], key: key)
        let platforms = (((report["performanceReport"] as? [String: Any])?["rows"] as? [[String: Any]]) ?? []).compactMap { $0["platform"] as? String }
        #expect(Set(platforms) == ["GOOGLE_ADS", "META_ADS"], "\(report)")
    }
}

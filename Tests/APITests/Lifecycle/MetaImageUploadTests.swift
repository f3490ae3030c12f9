import Foundation
import Testing
import TestSupport

/// An image uploaded to this server reaches Meta as bytes (`act_/adimages`, then `link_data.image_hash`): Meta
/// could not fetch this server's own URL, which the strict simulator refuses as `picture`.
@Suite struct MetaImageUploadTests {
    /// The smallest PNG: a 1×1 pixel.
    static let png = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
        0x90, 0x77, 0x53, 0xDE, 0, 0, 0, 12, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0, 0, 0x03, 0x01, 0x01, 0,
        0x18, 0xDD, 0x8D, 0xB0, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ])

    @Test func anUploadedImageIsSentAsBytesAndTheCreativeUsesItsHash() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let (_, accounts) = try await harness.connect("meta_ads", key: key)
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", account: try #require(accounts["1000000001"]))
        let upload = try await harness.succeed(
            "mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { url } }",
            ["input": ["filename": "chips.png", "contentType": "image/png", "dataBase64": Self.png.base64EncodedString()]], key: key)
        let url = try #require((upload["uploadMedia"] as? [String: Any])?["url"] as? String)
        #expect(url.hasPrefix(harness.server.baseURL.absoluteString + "/media/"))
        // The first creative shows the uploaded image; the others keep their public image URL.
        try harness.sql("UPDATE ad_creatives SET media_url = \(url) WHERE id = (SELECT id FROM ad_creatives ORDER BY created_at, id LIMIT 1)")

        let dry = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let planned = ((dry["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]]) ?? []
        let uploads = planned.filter { ($0["step"] as? String)?.hasPrefix("adImage") == true }
        #expect(uploads.count == 1)
        #expect((uploads.first?["url"] as? String)?.hasSuffix("/act_1000000001/adimages") == true)
        #expect((uploads.first?["body"] as? String)?.contains("<\(Self.png.count) bytes of ") == true, "\(uploads)")
        let creatives = planned.filter { ($0["step"] as? String)?.hasPrefix("adCreative") == true }.compactMap { $0["body"] as? String }
        #expect(creatives.filter { $0.contains(#""image_hash":"{image1}""#) }.count == 1, "\(creatives)")
        #expect(!creatives.contains { $0.contains(url) }, "the server's own URL is never sent")

        let launched = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: key)
        #expect(((launched["launchCampaign"] as? [String: Any])?["campaign"] as? [String: Any])?["status"] as? String == "LIVE")
        let meta = try await harness.simulatorState("meta_ads")
        let stored = (meta["objects"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "adcreative" }
        let linkData = stored.compactMap { (($0["fields"] as? [String: Any])?["object_story_spec"] as? [String: Any])?["link_data"] as? [String: Any] }
        let hashes = linkData.compactMap { $0["image_hash"] as? String }
        #expect(hashes.count == 1 && (meta["images"] as? [String: Any])?[hashes[0]] != nil, "\(meta["images"] ?? "")")
        #expect(linkData.compactMap { $0["picture"] as? String }.allSatisfy { !$0.contains("127.0.0.1") })
    }
}

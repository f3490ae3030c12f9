import Foundation
import Testing
import TestSupport

/// `adPreview` and `uploadMedia` through nginx and the responder.
@Suite struct PreviewAndMediaAPITests {
    static let previewQuery = """
        query($input: AdPreviewInput!) { adPreview(input: $input) {
          platform placement badge advertiserName sponsoredLabel displayUrl domain headline
          headlineParts { text length maxLength tooLong } primaryText description imageUrl callToActionLabel
          warnings { code field part message } } }
        """

    static var tastyChips: [String: Any] { [
        "headline": "New Spicy Jalapeño Chips | 20% Off",
        "description": "Made with organic potatoes and real jalapeños. Crunch into the heat today!",
        "mediaUrl": "https://cdn.tastychips.co/ads/chips_bag_spicy.jpg", "callToAction": "SHOP_NOW",
        "landingUrl": "https://www.tastychips.co/spicy",
    ] }

    @Test func adPreviewAnswersBothPlatformsWithTheOrganizationAsAdvertiser() async throws {
        let harness = try StudioHarness()
        defer { harness.stop() }
        let body = try await harness.graphQL(Self.previewQuery, ["input": Self.tastyChips])
        #expect(body["errors"] == nil, "\(body)")
        let previews = try #require(field(body, "adPreview") as? [[String: Any]])
        #expect(previews.map { $0["platform"] as? String } == ["GOOGLE_ADS", "META_ADS"])
        let google = previews[0], meta = previews[1]
        #expect(google["placement"] as? String == "GOOGLE_SEARCH")
        #expect(google["badge"] as? String == "Sponsored")
        #expect(google["displayUrl"] as? String == "www.tastychips.co/spicy")
        #expect(google["headline"] as? String == "New Spicy Jalapeño Chips | 20% Off")
        #expect(google["imageUrl"] is NSNull)
        #expect((google["warnings"] as? [[String: Any]])?.map { $0["code"] as? String } == ["IMAGE_NOT_SUPPORTED"])
        #expect(meta["placement"] as? String == "META_FEED")
        #expect(meta["advertiserName"] as? String == "Tasty Chips Co.")
        #expect(meta["sponsoredLabel"] as? String == "Sponsored")
        #expect(meta["primaryText"] as? String == Self.tastyChips["description"] as? String)
        #expect(meta["imageUrl"] as? String == "https://cdn.tastychips.co/ads/chips_bag_spicy.jpg")
        #expect(meta["headline"] as? String == "New Spicy Jalapeño Chips")
        #expect(meta["domain"] as? String == "tastychips.co")
        #expect(meta["callToActionLabel"] as? String == "Shop Now")
        #expect((meta["warnings"] as? [Any])?.isEmpty == true)
        let parts = try #require(meta["headlineParts"] as? [[String: Any]])
        #expect(parts.first?["length"] as? Int == 24 && parts.first?["maxLength"] as? Int == 40 && parts.first?["tooLong"] as? Bool == false)
    }

    @Test func adPreviewOfOnePlatformWithATooLongPartAndAGivenAdvertiser() async throws {
        let harness = try StudioHarness()
        defer { harness.stop() }
        var input = Self.tastyChips
        input["headline"] = "Extra Crunchy Spicy Jalapeño Chips | 20% Off"
        input["platforms"] = ["GOOGLE_ADS"]
        input["advertiserName"] = "Someone Else"
        let body = try await harness.graphQL(Self.previewQuery, ["input": input])
        let previews = try #require(field(body, "adPreview") as? [[String: Any]], "\(body)")
        #expect(previews.count == 1)
        let warnings = try #require(previews[0]["warnings"] as? [[String: Any]])
        let tooLong = warnings.first { $0["code"] as? String == "HEADLINE_TOO_LONG" }
        #expect(tooLong?["field"] as? String == "headline")
        #expect(tooLong?["part"] as? Int == 0)
        #expect((previews[0]["headlineParts"] as? [[String: Any]])?.map { $0["tooLong"] as? Bool } == [true, false])
    }

    @Test func uploadMediaStoresAJPEGThatNginxServes() async throws {
        let harness = try StudioHarness()
        defer { harness.stop() }
        let jpeg = try Data(contentsOf: TastyChips.image)
        let body = try await harness.graphQL(
            "mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { url path contentType byteSize } }",
            ["input": ["filename": "chips_bag_spicy.jpg", "contentType": "image/jpeg", "dataBase64": jpeg.base64EncodedString()]])
        #expect(body["errors"] == nil, "\(body)")
        let upload = try #require(field(body, "uploadMedia") as? [String: Any])
        let url = try #require(upload["url"] as? String)
        let path = try #require(upload["path"] as? String)
        #expect(url == harness.server.baseURL.absoluteString + path)
        #expect(path.hasPrefix("/media/") && path.hasSuffix(".jpg"))
        #expect(upload["contentType"] as? String == "image/jpeg")
        #expect(upload["byteSize"] as? Int == jpeg.count)
        let served = try await HTTPClient.send(try #require(URL(string: url)))
        #expect(served.status == 200)
        #expect(served.header("Content-Type") == "image/jpeg")
        #expect(served.header("X-Content-Type-Options") == "nosniff")
        #expect(served.body == jpeg)
        // The file is where the responder was told to keep media.
        #expect(FileManager.default.fileExists(atPath: harness.server.mediaDirectory.path + String(path.dropFirst("/media".count))))
    }

    @Test func uploadMediaRefusesWhatIsNotTheDeclaredImage() async throws {
        let harness = try StudioHarness()
        defer { harness.stop() }
        let mutation = "mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { url } }"
        let html = Data("<html><script>alert(1)</script></html>".utf8).base64EncodedString()
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).base64EncodedString()
        let cases: [(String, String, String)] = [
            ("image/jpeg", html, "input.dataBase64"),
            ("image/jpeg", png, "input.contentType"),
            ("text/html", html, "input.contentType"),
            ("image/png", "not base64 at all!", "input.dataBase64"),
        ]
        for (type, data, expectedField) in cases {
            let body = try await harness.graphQL(mutation, ["input": ["filename": "x", "contentType": type, "dataBase64": data]])
            let error = errorInfo(body)
            #expect(error.code == "BAD_USER_INPUT", "\(body)")
            #expect(error.field == expectedField, "\(type): \(body)")
        }
        let stored = try FileManager.default.subpathsOfDirectory(atPath: harness.server.mediaDirectory.path)
        #expect(stored.filter { $0.contains(".") }.isEmpty, "\(stored)")
    }

    @Test func aBodyOverNginxsLimitIsRefusedAsGraphQL() async throws {
        let harness = try StudioHarness()
        defer { harness.stop() }
        // 11 MB: over client_max_body_size (10m), so nginx answers before the responder sees it.
        let image = Data([0xFF, 0xD8, 0xFF]) + Data(repeating: 0x41, count: 11 << 20)
        let body = try JSONSerialization.data(withJSONObject: [
            "query": "mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { url } }",
            "variables": ["input": ["filename": "huge.jpg", "contentType": "image/jpeg", "dataBase64": image.base64EncodedString()]],
        ])
        let response = try await HTTPClient.send(
            harness.server.url("/graphql"), method: "POST",
            headers: ["Content-Type": "application/json", "Authorization": "Bearer \(harness.key)"], body: body)
        #expect(response.status == 413)
        #expect(response.header("Content-Type")?.hasPrefix("application/json") == true, "\(response.headers)")
        let refusal = errorInfo(try response.json())
        #expect(refusal.code == "PAYLOAD_TOO_LARGE")
        #expect(refusal.message == "The request is larger than 10 MB, the most this server accepts.")
    }
}

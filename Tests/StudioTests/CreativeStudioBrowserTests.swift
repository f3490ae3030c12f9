import Foundation
import Testing
import TestSupport

/// The Creative Studio page in headless Chromium, through nginx, against the real server.
@Suite(.serialized) struct CreativeStudioBrowserTests {
    @Test func theTastyChipsCreativeShowsOnGoogleSearchAndMetaFeed() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try await StudioPage.walkToCreative(page)

        try await page.type("#headline", TastyChips.headline)
        try await page.type("#description", TastyChips.description)
        try await page.type("#landing-url", TastyChips.landing)
        // The chosen image shows in the Meta preview at once, while it is still uploading (slowed down here).
        try await page.throttleUploads(bytesPerSecond: 4000)
        try await page.chooseFile("#media-file", TastyChips.image)
        try await page.waitUntil("""
            document.querySelector('#preview-meta img.m-image')?.src.startsWith('blob:')
            && document.querySelector('#upload-status').textContent === 'Uploading chips_bag_spicy.jpg…'
            """, "the local image shows during the upload")
        #expect(try await !page.exists("#preview-google img"))
        try await page.throttleUploads(bytesPerSecond: nil)
        try await page.evaluate("document.querySelector('#call-to-action').value = 'SHOP_NOW'; document.querySelector('#call-to-action').dispatchEvent(new Event('change'))")

        let media = harness.server.baseURL.absoluteString + "/media/"
        try await page.waitUntil("""
            document.querySelector('#preview-google .g-url')?.textContent === 'www.tastychips.co/spicy'
            && document.querySelector('#preview-meta img.m-image')?.src.startsWith('\(media)')
            && document.querySelector('#preview-meta img.m-image').complete
            && document.querySelector('#previews').getAttribute('aria-busy') === 'false'
            """, "both previews show the whole creative with the uploaded image")

        // Google Search: "Ad · www.tastychips.co/spicy", the joined headline, the description, no image.
        #expect(try await page.text("#preview-google .g-top") == "Sponsored · www.tastychips.co/spicy")
        #expect(try await page.text("#preview-google .g-badge") == "Sponsored")
        #expect(try await page.text("#preview-google .g-headline") == TastyChips.headline)
        #expect(try await page.text("#preview-google .g-description") == TastyChips.description)
        #expect(try await !page.exists("#preview-google img"))
        #expect(try await !page.exists("#preview-google .too-long"))

        // Meta Feed: page name, Sponsored, primary text, the uploaded image, the card and its button.
        #expect(try await page.text("#preview-meta .m-page") == "Tasty Chips Co.")
        #expect(try await page.text("#preview-meta .m-sponsored")?.hasPrefix("Sponsored") == true)
        #expect(try await page.text("#preview-meta .m-primary") == TastyChips.description)
        #expect(try await page.evaluate("document.querySelector('#preview-meta img.m-image').naturalWidth") as? Int == 400)
        #expect(try await page.text("#preview-meta .m-card .m-headline") == "New Spicy Jalapeño Chips")
        #expect(try await page.text("#preview-meta .m-card .m-domain") == "tastychips.co")
        #expect(try await page.evaluate("getComputedStyle(document.querySelector('#preview-meta .m-domain')).textTransform") as? String == "uppercase")
        #expect(try await page.text("#preview-meta .m-card .m-cta") == "Shop Now")
        #expect(try await page.exists("#preview-meta .preview-ok"))
        // The image is the one uploaded: nginx serves the same bytes.
        let source = try #require(try await page.evaluate("document.querySelector('#preview-meta img.m-image').src") as? String)
        let served = try await HTTPClient.send(try #require(URL(string: source)))
        #expect(served.body == (try Data(contentsOf: TastyChips.image)))

        let artifacts = TestArtifacts.directory.appendingPathComponent("studio")
        try await page.screenshot("#preview-google", to: artifacts.appendingPathComponent("google-search-preview.png"))
        try await page.screenshot("#preview-meta", to: artifacts.appendingPathComponent("meta-feed-preview.png"))
        try await page.emulateScreen(width: 1280, height: 900)
        try await page.screenshot("main", to: artifacts.appendingPathComponent("creative-step-1280.png"))
        #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("meta-feed-preview.png").path))
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    @Test func typingUpdatesBothPreviewsAndALongPartIsFlaggedOnGoogleOnly() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try await StudioPage.walkToCreative(page)
        try await page.type("#landing-url", TastyChips.landing)
        try await page.type("#headline", TastyChips.headline)
        try await page.waitUntil("document.querySelector('#preview-meta .m-headline')?.textContent === 'New Spicy Jalapeño Chips'", "the first headline shows")

        // A first part of 34 characters: over Google's 30, within Meta's 40.
        try await page.type("#headline", "Extra Crunchy Spicy Jalapeño Chips | 20% Off")
        try await page.waitUntil("""
            document.querySelector('#preview-google .g-headline')?.textContent === 'Extra Crunchy Spicy Jalapeño Chips (too long: 34 of 30 characters) | 20% Off'
            && document.querySelector('#preview-meta .m-headline')?.textContent === 'Extra Crunchy Spicy Jalapeño Chips'
            """, "both previews show the new headline")
        #expect(try await page.text("#preview-google .part.too-long[data-part='0']")?.hasPrefix("Extra Crunchy Spicy Jalapeño Chips") == true)
        #expect(try await !page.exists("#preview-google .part.too-long[data-part='1']"))
        #expect(try await page.text("#preview-google .preview-warnings li[data-code=HEADLINE_TOO_LONG]")?.contains("34") == true)
        #expect(try await !page.exists("#preview-meta .too-long"))
        #expect(try await !page.exists("#preview-meta .preview-warnings"))
        try await page.screenshot("#previews", to: TestArtifacts.directory.appendingPathComponent("studio/headline-too-long.png"))

        // Typing the description shows it in both at once.
        try await page.type("#description", "Hot.")
        try await page.waitUntil("""
            document.querySelector('#preview-google .g-description')?.textContent === 'Hot.'
            && document.querySelector('#preview-meta .m-primary')?.textContent === 'Hot.'
            """, "both previews show the description")
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    @Test func theLastImageChosenWinsWhicheverUploadFinishesLast() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try await StudioPage.walkToCreative(page)
        // The JPEG (9.8 KB) is still uploading, slowly, when a tiny PNG is chosen; the PNG's upload finishes first.
        let png = harness.server.directory.appendingPathComponent("dot.png")
        try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")).write(to: png)
        try await page.throttleUploads(bytesPerSecond: 4000)
        try await page.chooseFile("#media-file", TastyChips.image)
        try await page.waitUntil("document.querySelector('#upload-status').textContent === 'Uploading chips_bag_spicy.jpg…'", "the JPEG is uploading")
        try await page.chooseFile("#media-file", png)
        try await page.waitUntil("document.querySelector('#upload-status').textContent.startsWith('Uploaded dot.png')", "the PNG is uploaded")
        // Both files are stored once the JPEG's upload is over; the page keeps the PNG.
        let media = harness.server.mediaDirectory.path
        let deadline = Date().addingTimeInterval(20)
        while !((try? FileManager.default.subpathsOfDirectory(atPath: media))?.contains { $0.hasSuffix(".jpg") } ?? false), Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: media).contains { $0.hasSuffix(".jpg") })
        try await Task.sleep(for: .milliseconds(500))
        try await page.waitUntil("document.querySelector('#previews').getAttribute('aria-busy') === 'false'", "the previews are drawn")
        #expect(try await page.text("#upload-status")?.hasPrefix("Uploaded dot.png") == true)
        #expect(try await (page.evaluate("document.querySelector('#preview-meta img.m-image').src") as? String)?.hasSuffix(".png") == true)
        #expect(try await (page.evaluate("JSON.parse(sessionStorage.getItem('campaignd.studio')).creative.mediaUrl") as? String)?.hasSuffix(".png") == true)
    }

    @Test func aRefusedUploadAndAWrongKeyAreExplained() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try await StudioPage.walkToCreative(page)
        let fake = harness.server.directory.appendingPathComponent("not-really.jpg")
        try Data("<html>not an image</html>".utf8).write(to: fake)
        try await page.chooseFile("#media-file", fake)
        try await page.waitUntil("!document.querySelector('#media-file-error').hidden", "the upload error shows")
        #expect(try await page.text("#media-file-error") == "The file is not a JPEG, PNG, GIF or WebP image.")
        #expect(try await page.evaluate("document.querySelector('#media-file').getAttribute('aria-invalid')") as? String == "true")
        #expect(try await page.text("#alert")?.contains("The file is not a JPEG, PNG, GIF or WebP image.") == true)
        #expect(try await page.text("#upload-status") == "No image.")

        // An image over uploadMedia's 5 MB, or not an image type at all: said at the field in the page's own words
        // (the server's refusals read differently), before anything is sent.
        let huge = harness.server.directory.appendingPathComponent("huge.jpg")
        try (Data([0xFF, 0xD8, 0xFF]) + Data(repeating: 0x41, count: 11 << 20)).write(to: huge)
        try await page.chooseFile("#media-file", huge)
        try await page.waitUntil("document.querySelector('#media-file-error').textContent.startsWith('huge.jpg')", "the size error shows", timeout: 30)
        #expect(try await page.text("#media-file-error") == "huge.jpg is 11.0 MB; an image can be at most 5 MB.")
        let text = harness.server.directory.appendingPathComponent("notes.txt")
        try Data("not an image".utf8).write(to: text)
        try await page.chooseFile("#media-file", text)
        try await page.waitUntil("document.querySelector('#media-file-error').textContent.startsWith('notes.txt')", "the type error shows")
        #expect(try await page.text("#media-file-error") == "notes.txt is not a JPEG, PNG, GIF or WebP image.")
        #expect(try await page.text("#upload-status") == "No image.")


        // A return from OAuth with an error: the page says what the code means, never text from the address.
        let spoof = harness.server.baseURL.absoluteString + "/?connect=META_ADS&error=access_denied&error_description=Your%20key%20expired%3A%20email%20it%20to%20help%40evil.example"
        try await page.navigate(try #require(URL(string: spoof)))
        try await page.waitUntil("!document.querySelector('#alert').hidden", "the OAuth error shows")
        #expect(try await page.text("#alert") == "Meta did not connect: access was not granted on the platform.")
        #expect(try await page.text("body")?.contains("evil.example") == false)

        // A key the server does not know sends the user back to the key form with a message.
        try await page.evaluate("sessionStorage.setItem('campaignd.apiKey', 'cmk_wrong'); location.reload()")
        try await page.waitUntil("document.querySelector('#api-key') && !document.querySelector('#alert').hidden", "the key form shows again")
        #expect(try await page.text("#alert")?.contains("did not accept the API key") == true)
        #expect(try await page.evaluate("sessionStorage.getItem('campaignd.apiKey')") is NSNull)
    }
}

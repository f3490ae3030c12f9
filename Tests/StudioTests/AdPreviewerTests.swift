import Campaigns
import Testing

/// The previews' content, computed by the domain from the capability table.
@Suite struct AdPreviewerTests {
    static let tastyChips = AdPreviewRequest(
        headline: "New Spicy Jalapeño Chips | 20% Off",
        description: "Made with organic potatoes and real jalapeños. Crunch into the heat today!",
        mediaURL: "https://cdn.tastychips.co/ads/chips_bag_spicy.jpg", callToAction: .shopNow,
        landingURL: "https://www.tastychips.co/spicy", advertiserName: "Tasty Chips Co.", platforms: [.googleAds, .metaAds])

    @Test func googleSearchShowsBadgeDisplayURLJoinedHeadlineAndDescriptionButNoImage() throws {
        let previews = AdPreviewer().previews(for: Self.tastyChips)
        #expect(previews.map(\.platform) == [.googleAds, .metaAds])
        let google = previews[0]
        #expect(google.placement == .googleSearch)
        #expect(google.badge == "Sponsored")
        #expect(google.displayURL == "www.tastychips.co/spicy")
        #expect(google.headline == "New Spicy Jalapeño Chips | 20% Off")
        #expect(google.headlineParts.map(\.text) == ["New Spicy Jalapeño Chips", "20% Off"])
        #expect(google.headlineParts.map(\.length) == [24, 7])
        #expect(google.headlineParts.allSatisfy { $0.maximumLength == 30 && $0.isShown })
        var five = Self.tastyChips
        five.headline = "One | Two | Three | Four | Five"
        let rotating = AdPreviewer().preview(five, on: .googleAds)
        #expect(rotating.headline == "One | Two | Three", "Google shows three headlines at a time")
        #expect(rotating.headlineParts.map(\.isShown) == [true, true, true, false, false])
        #expect(google.description == "Made with organic potatoes and real jalapeños. Crunch into the heat today!")
        #expect(google.imageURL == nil)
        #expect(google.advertiserName == nil && google.sponsoredLabel == nil && google.callToActionLabel == nil)
        // The image is ignored on Search, and says so; nothing else is wrong.
        #expect(google.warnings.map(\.code) == [.imageNotSupported])
        #expect(google.warnings.first?.field == "mediaUrl")
    }

    @Test func metaFeedShowsPageSponsoredPrimaryTextImageAndCard() throws {
        let meta = AdPreviewer().preview(Self.tastyChips, on: .metaAds)
        #expect(meta.placement == .metaFeed)
        #expect(meta.advertiserName == "Tasty Chips Co.")
        #expect(meta.sponsoredLabel == "Sponsored")
        #expect(meta.primaryText == "Made with organic potatoes and real jalapeños. Crunch into the heat today!")
        #expect(meta.imageURL == "https://cdn.tastychips.co/ads/chips_bag_spicy.jpg")
        #expect(meta.headline == "New Spicy Jalapeño Chips")
        #expect(meta.headlineParts.map(\.text) == ["New Spicy Jalapeño Chips"])
        #expect(meta.headlineParts.first?.maximumLength == 40)
        #expect(meta.domain == "tastychips.co")
        #expect(meta.callToActionLabel == "Shop Now")
        #expect(meta.badge == nil && meta.displayURL == nil && meta.description == nil)
        #expect(meta.warnings.isEmpty)
    }

    @Test func aHeadlinePartOver30CharactersIsFlaggedOnGoogleOnly() throws {
        var request = Self.tastyChips
        request.headline = "Extra Crunchy Spicy Jalapeño Chips | 20% Off"   // first part: 34 characters
        let previews = AdPreviewer().previews(for: request)
        let google = previews[0], meta = previews[1]
        #expect(google.headlineParts.map(\.isTooLong) == [true, false])
        let tooLong = google.warnings.filter { $0.code == .headlineTooLong }
        #expect(tooLong.count == 1)
        #expect(tooLong.first?.part == 0)
        #expect(tooLong.first?.message.contains("34") == true)
        #expect(meta.headlineParts.map(\.isTooLong) == [false])
        #expect(meta.warnings.isEmpty)
    }

    @Test func metaFlagsAFirstPartOver40Characters() throws {
        var request = Self.tastyChips
        request.headline = "The Extra Crunchy Spicy Jalapeño Potato Chips"   // 45 characters
        let meta = AdPreviewer().preview(request, on: .metaAds)
        #expect(meta.warnings.map(\.code) == [.headlineTooLong])
        #expect(meta.warnings.first?.part == 0)
    }

    @Test func descriptionOver90CharactersIsFlaggedOnGoogle() throws {
        var request = Self.tastyChips
        request.description = String(repeating: "a", count: 91)
        let google = AdPreviewer().preview(request, on: .googleAds)
        #expect(google.warnings.map(\.code).contains(.descriptionTooLong))
        request.description = String(repeating: "a", count: 90)
        #expect(!AdPreviewer().preview(request, on: .googleAds).warnings.map(\.code).contains(.descriptionTooLong))
    }

    @Test func unfinishedCreativesGetWarningsNotErrors() throws {
        var request = Self.tastyChips
        request.headline = " | "
        request.landingURL = "tastychips"
        request.mediaURL = "  "
        request.description = ""
        for preview in AdPreviewer().previews(for: request) {
            #expect(preview.headline == "")
            #expect(preview.headlineParts.isEmpty)
            #expect(Set(preview.warnings.map(\.code)) == [.headlineMissing, .landingURLInvalid])
            #expect(preview.displayURL == nil && preview.domain == nil && preview.imageURL == nil)
            #expect(preview.description == nil && preview.primaryText == nil)
        }
    }

    @Test func displayURLDropsSchemeQueryAndTrailingSlash() throws {
        var request = Self.tastyChips
        request.landingURL = "HTTPS://Shop.Example.com/summer/?utm_source=ads"
        let previews = AdPreviewer().previews(for: request)
        #expect(previews[0].displayURL == "shop.example.com/summer")
        #expect(previews[1].domain == "shop.example.com")
        request.landingURL = "http://www.example.com/"
        #expect(AdPreviewer().preview(request, on: .googleAds).displayURL == "www.example.com")
    }

    @Test func platformsComeInTheRequestedOrderOnceEach() throws {
        var request = Self.tastyChips
        request.platforms = [.metaAds, .googleAds, .metaAds]
        #expect(AdPreviewer().previews(for: request).map(\.platform) == [.metaAds, .googleAds])
        request.platforms = []
        #expect(AdPreviewer().previews(for: request).isEmpty)
    }

    @Test func aCallToActionGoogleDoesNotTakeIsFlaggedThereOnly() throws {
        var request = Self.tastyChips
        request.callToAction = .getOffer
        let previews = AdPreviewer().previews(for: request)
        #expect(previews[0].warnings.map(\.code) == [.imageNotSupported, .callToActionNotAccepted])
        #expect(previews[0].warnings.last?.field == "callToAction")
        #expect(previews[1].warnings.isEmpty)
        #expect(previews[1].callToActionLabel == "Get Offer")
    }

    @Test func eachTooLongPartIsNamedByItsIndexAndTooManyPartsAreFlagged() throws {
        var request = Self.tastyChips
        request.mediaURL = nil
        request.headline = "Short | A second part that is far too long | Fine | Another part well over thirty chars"
        let google = AdPreviewer().preview(request, on: .googleAds)
        #expect(google.warnings.filter { $0.code == .headlineTooLong }.map(\.part) == [1, 3])
        request.headline = (1...16).map { "Part \($0)" }.joined(separator: " | ")
        let many = AdPreviewer().preview(request, on: .googleAds)
        #expect(many.warnings.map(\.code) == [.tooManyHeadlines])
        #expect(many.headlineParts.count == 15)
    }

    @Test func warningsAreTheCapabilityTablesProblems() throws {
        var request = Self.tastyChips
        request.headline = "Extra Crunchy Spicy Jalapeño Chips | 20% Off"
        request.callToAction = .getOffer
        let problems = PlatformCapabilities.googleSearch.problems(
            headline: request.headline, description: request.description, mediaURL: request.mediaURL, callToAction: request.callToAction)
        #expect(AdPreviewer().preview(request, on: .googleAds).warnings.map(\.message) == problems.map(\.message))
    }

    /// Google's editorial review: capitals, repeated symbols and a headline's exclamation mark are review risks on
    /// Google (the launch goes ahead), nothing on Meta; acronyms of three letters pass.
    @Test func googlesEditorialStandardsAreReviewRisksOnGoogleOnly() throws {
        var shouting = Self.tastyChips
        shouting.headline = "FREE!!! BEST CHIPS EVER $$$"
        shouting.mediaURL = nil
        let previews = AdPreviewer().previews(for: shouting)
        #expect(previews[0].warnings.map(\.code) == [.excessiveCapitalization, .gimmickyPunctuation])
        #expect(previews[0].warnings.map(\.severity) == [.reviewRisk, .reviewRisk])
        #expect(previews[0].warnings.first?.message == "\"FREE\" is in capitals; Google's review disapproves excessive capitalization.")
        #expect(previews[1].warnings.isEmpty, "\(previews[1].warnings)")

        var calm = shouting
        calm.headline = "USA BBQ Chips | Crunchy!"
        let google = AdPreviewer().preview(calm, on: .googleAds)
        #expect(google.warnings.map(\.code) == [.gimmickyPunctuation])
        #expect(google.warnings.first?.message == "Google's review disapproves an exclamation mark in a headline.")
        calm.headline = "USA BBQ Chips | Crunchy"
        #expect(AdPreviewer().preview(calm, on: .googleAds).warnings.isEmpty)
    }

    /// A landing page only this network reaches blocks the launch on both platforms; a public one does not.
    @Test func aPrivateLandingPageBlocksOnBothPlatforms() throws {
        for (url, blocked) in [
            ("http://localhost:8080/spicy", true), ("https://127.0.0.1/", true), ("https://10.1.2.3/x", true), ("https://172.20.0.1", true),
            ("https://192.168.1.10/", true), ("https://shop.local/", true), ("https://intranet/", true), ("https://[::1]/", true),
            ("https://www.tastychips.co/spicy", false), ("https://172.32.0.1/", false), ("https://8.8.8.8/", false),
        ] {
            var request = Self.tastyChips
            request.landingURL = url
            request.mediaURL = nil
            for preview in AdPreviewer().previews(for: request) {
                let warning = preview.warnings.first { $0.code == .landingURLNotPublic }
                #expect((warning != nil) == blocked, "\(url) on \(preview.platform)")
                #expect(warning.map { $0.severity == .blocking && $0.field == "landingUrl" } ?? true)
            }
        }
    }

    /// Meta's feed shows about 125 characters of primary text, cut at a word, then "See more".
    @Test func metaCutsLongPrimaryTextAtAWordNear125Characters() throws {
        var request = Self.tastyChips
        request.description = String(repeating: "Crunchy chips ", count: 15)
        let meta = AdPreviewer().preview(request, on: .metaAds)
        let visible = try #require(meta.primaryTextVisibleLength)
        #expect(visible == 125, "a word ending at the limit is kept")
        #expect(meta.primaryText.map { Array($0)[visible] } == " ")
        request.description = String(repeating: "Jalapeños ", count: 20)
        #expect(AdPreviewer().preview(request, on: .metaAds).primaryTextVisibleLength == 119)
        #expect(AdPreviewer().preview(Self.tastyChips, on: .metaAds).primaryTextVisibleLength == nil)
        #expect(AdPreviewer().preview(request, on: .googleAds).primaryTextVisibleLength == nil)
    }
}

import Campaigns
import Testing

@Suite struct PlatformCapabilitiesTests {
    @Test func googleTakesEveryHeadlinePartWithinThirtyCharactersAndNoImage() {
        let google = PlatformCapabilities.of(.googleAds)
        #expect(google.headlineParts("New Spicy Jalapeño Chips | 20% Off") == ["New Spicy Jalapeño Chips", "20% Off"])
        #expect(google.problems(headline: "New Spicy Jalapeño Chips | 20% Off", description: nil, mediaURL: nil, callToAction: .shopNow).isEmpty)
        let problems = google.problems(
            headline: "Fresh | Crunchy Kettle Cooked Jalapeño Chips", description: String(repeating: "x", count: 91),
            mediaURL: "/media/a.jpg", callToAction: .getOffer)
        #expect(problems.map(\.code) == [.tooLong, .tooLong, .imageNotSupported, .callToActionNotAccepted])
        #expect(problems.map(\.field) == ["headline", "description", "mediaUrl", "callToAction"])
    }

    @Test func metaChecksOnlyTheFirstPartAgainstFortyCharacters() {
        let meta = PlatformCapabilities.of(.metaAds)
        #expect(meta.headlineParts("New Spicy Jalapeño Chips | 20% Off") == ["New Spicy Jalapeño Chips"])
        #expect(meta.problems(headline: "Short | " + String(repeating: "y", count: 60), description: nil, mediaURL: "/m.jpg", callToAction: .getOffer).isEmpty)
        let tooLong = meta.problems(headline: String(repeating: "é", count: 41), description: nil, mediaURL: nil, callToAction: .shopNow)
        #expect(tooLong.map(\.code) == [.tooLong])
        #expect(meta.objectives[.sales] == "OUTCOME_SALES")
    }
}

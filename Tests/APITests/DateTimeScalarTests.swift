import Campaigns
import Foundation
import Testing
@testable import API

@Suite struct DateTimeScalarTests {
    /// The arithmetic formatting agrees with Foundation's ISO 8601 formatter, the slow oracle.
    @Test func formatsLikeFoundationsISO8601Formatter() {
        let oracle = ISO8601DateFormatter()
        oracle.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let instants: [Double] = [0, 1_795_000_000.123, 1_795_000_000.9995, 951_782_400.5, -86_400.25, 4_102_444_799.999, 1_709_164_800]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = oracle.string(from: Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000))
            #expect(date.graphQLDateTime == expected, "\(seconds)")
        }
        #expect(Date(timeIntervalSince1970: 1_795_000_000.123).graphQLDateTime == "2026-11-18T11:06:40.123Z")
    }

    @Test func cursorsMustNameARealInstant() {
        let id = UUID()
        #expect(CreationCursor(createdAt: "2024-02-29T23:59:59.123456Z", id: id) != nil)
        #expect(CreationCursor(createdAt: "2023-02-29T10:00:00.000000Z", id: id) == nil)
        #expect(CreationCursor(createdAt: "2024-13-01T10:00:00.000000Z", id: id) == nil)
        #expect(CreationCursor(createdAt: "2024-01-01T24:00:00.000000Z", id: id) == nil)
        #expect(CreationCursor(createdAt: "2024-01-01T10:60:00.000000Z", id: id) == nil)
        #expect(CreationCursor(createdAt: "2024-01-01 10:00:00.000000Z", id: id) == nil)
    }
}

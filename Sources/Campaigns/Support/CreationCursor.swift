import Foundation
import Postgres

/// A position in an order by creation (audiences, campaigns and execution log entries, newest first):
/// (created_at DESC, id DESC). `createdAt` is the exact
/// instant as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds, like the database), so no row is skipped or
/// repeated across pages.
public struct CreationCursor: Sendable, Equatable {
    public var createdAt: String
    public var id: UUID

    /// `nil` unless `createdAt` has exactly the form above.
    public init?(createdAt: String, id: UUID) {
        let pattern = Array("dddd-dd-ddTdd:dd:dd.ddddddZ")
        let characters = Array(createdAt)
        guard characters.count == pattern.count else { return nil }
        for (character, expected) in zip(characters, pattern) {
            if expected == "d" ? !("0"..."9").contains(character) : character != expected { return nil }
        }
        // A real calendar instant (no month 13, no 25 o'clock), so the database never refuses the cast.
        // Checked by arithmetic: Foundation's ISO 8601 formatter builds an ICU formatter per call on Linux,
        // which cost more than the whole query of a page.
        let time = createdAt.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
        guard CalendarDate(iso: String(createdAt.prefix(10))) != nil, time.count == 3,
              time[0] < 24, time[1] < 60, time[2] < 60 else { return nil }
        self.createdAt = createdAt
        self.id = id
    }
}

import Campaigns
import Foundation

/// The opaque `after` cursor of the lists ordered by creation (audiences, execution logs, jobs): base64 of the
/// instant and the id, read back strictly (a cursor that is not exactly what this wrote is refused).
enum PageCursor {
    static func encode(_ cursor: CreationCursor) -> String {
        encode(createdAt: cursor.createdAt, id: cursor.id)
    }

    static func encode(createdAt: String, id: UUID) -> String {
        Data("\(createdAt)|\(id.uuidString.lowercased())".utf8).base64EncodedString()
    }

    static func decode(_ text: String) -> CreationCursor? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text,
              let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[1])), id.uuidString.lowercased() == parts[1] else { return nil }
        return CreationCursor(createdAt: String(parts[0]), id: id)
    }
}

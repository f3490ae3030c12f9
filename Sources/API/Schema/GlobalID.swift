import Foundation

/// Opaque object ids: base64 of `Type:uuid` (e.g. `Audience:1b4e28ba-…`). Decoding is strict — the
/// exact canonical encoding of a known form only — so a tampered id is simply not found.
struct GlobalID: Equatable {
    var typeName: String
    var id: UUID

    var encoded: String { Data("\(typeName):\(id.uuidString.lowercased())".utf8).base64EncodedString() }

    static func encode(_ typeName: String, _ id: UUID) -> String { GlobalID(typeName: typeName, id: id).encoded }

    init(typeName: String, id: UUID) {
        self.typeName = typeName
        self.id = id
    }

    init?(_ text: String) {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text,
              let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let id = UUID(uuidString: String(parts[1])),
              id.uuidString.lowercased() == parts[1] else { return nil }
        typeName = String(parts[0])
        self.id = id
    }

    /// The id of a `typeName` object, or `nil` for anything else (malformed, another type).
    static func decode(_ text: String, as typeName: String) -> UUID? {
        guard let global = GlobalID(text), global.typeName == typeName else { return nil }
        return global.id
    }
}

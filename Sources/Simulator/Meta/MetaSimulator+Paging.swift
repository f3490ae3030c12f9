import FastCGI
import Foundation

/// List edges page the way the Graph API does: `limit` rows, opaque `after` cursors and an absolute
/// `paging.next` link while more rows follow.
extension MetaSimulator {
    /// One page of a list edge: `{"data": [...], "paging": {"cursors": {...}, "next": ...}}`, `limit` rows
    /// from the `after` cursor.
    func page(_ request: SimulatorRequest, rows: [[String: Any]]) -> FastCGIResponse {
        let limit = max(1, min(Int(request.query["limit"] ?? "") ?? 25, 500))
        let start = request.query["after"].flatMap(Self.decodeCursor) ?? 0
        let end = min(rows.count, start + limit)
        let slice = start < end ? Array(rows[start..<end]) : []
        var paging: [String: Any] = ["cursors": ["before": Self.encodeCursor(start), "after": Self.encodeCursor(end)]]
        if end < rows.count, let authority = request.authority {
            var query = request.query
            query.removeValue(forKey: "access_token")
            query["after"] = Self.encodeCursor(end)
            let text = query.sorted { $0.key < $1.key }.map { "\(Self.escape($0.key))=\(Self.escape($0.value))" }.joined(separator: "&")
            paging["next"] = "http://\(authority)/simulator/\(request.prefix)\(request.path)?\(text)"
        }
        return .simulatorJSON(200, ["data": slice, "paging": paging])
    }

    static func encodeCursor(_ offset: Int) -> String { Data("offset:\(offset)".utf8).base64EncodedString() }

    static func decodeCursor(_ cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasPrefix("offset:") ? Int(text.dropFirst(7)) : nil
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

import Foundation

/// The two media types a GraphQL response can take, and the negotiation between them.
enum ResponseMediaType: String, Sendable {
    /// GraphQL over HTTP's own type: HTTP statuses tell request errors apart.
    case graphQLResponse = "application/graphql-response+json"
    /// The legacy type every client understands: 200 whenever GraphQL ran.
    case json = "application/json"

    var contentType: String { rawValue + "; charset=utf-8" }

    /// Picks the client's most preferred type we can produce; nil when it accepts neither. No
    /// `Accept` header, or a wildcard, means `application/json`, which older clients expect.
    static func negotiate(accept: String?) -> ResponseMediaType? {
        guard let accept, !accept[...].trimmingHTTPWhitespace.isEmpty else { return .json }
        var best: (type: ResponseMediaType, quality: Double)?
        for entry in accept.split(separator: ",") {
            let parts = entry.split(separator: ";").map { $0.trimmingHTTPWhitespace.lowercased() }
            guard let range = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            let type: ResponseMediaType?
            switch range {
            case ResponseMediaType.graphQLResponse.rawValue: type = .graphQLResponse
            case ResponseMediaType.json.rawValue, "application/*", "*/*": type = .json
            default: type = nil
            }
            guard let type, quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (type, quality) }
        }
        return best?.type
    }
}

enum MediaType {
    /// `application/json; charset=utf-8` → `application/json`.
    static func essence(of contentType: String) -> String {
        let end = contentType.utf8.firstIndex(of: UInt8(ascii: ";")) ?? contentType.endIndex
        return contentType[..<end].trimmingHTTPWhitespace.lowercased()
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace), found byte by byte: headers are
    /// read on every request, and Foundation's trimming builds a character set each time.
    var trimmingHTTPWhitespace: Substring {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let start = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[start..<utf8.index(after: last)]
    }
}

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
        guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return .json }
        var best: (type: ResponseMediaType, quality: Double)?
        for entry in accept.split(separator: ",") {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
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
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}

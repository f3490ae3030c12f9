import GraphQL

/// Apollo's automatic persisted queries: a client sends `extensions.persistedQuery = {version: 1, sha256Hash}`
/// without the query; the server answers with the document it stored under that hash, or
/// `PERSISTED_QUERY_NOT_FOUND`, after which the client sends both and the server stores the text. Documents hold
/// no data, so one store serves every organization; it is bounded in count and memory, least recently used first.
public final class PersistedQueries: Sendable {
    private let documents: DocumentCache<String>

    public init(capacity: Int = 10_000, maxBytes: Int = 16 << 20) {
        documents = DocumentCache(capacity: capacity, maxTotalBytes: maxBytes, entryCost: { $0.utf8.count })
    }

    func document(forHash hash: String) -> String? { documents.entry(for: hash) }

    func store(_ text: String, hash: String) { documents.insert(text, for: hash) }

    var count: Int { documents.statistics.count }
}

/// What a request's `extensions.persistedQuery` asks for.
struct PersistedQueryReference: Sendable, Equatable {
    /// 64 lowercase hexadecimal digits.
    var hash: String

    /// The extension's reference, nil without one, or the refusal of a malformed or unsupported one.
    static func parse(_ extensions: JSON?) -> Result<PersistedQueryReference?, HTTPRefusal> {
        guard case .object(let fields)? = extensions, let value = fields["persistedQuery"], value != .null else { return .success(nil) }
        guard case .object(let persisted) = value else { return .failure(.badRequest("\"extensions.persistedQuery\" must be a JSON object.")) }
        guard case .int(1)? = persisted["version"] else {
            return .failure(HTTPRefusal(status: 400, message: "Unsupported persisted query version: only version 1 is.", code: .persistedQueryNotSupported))
        }
        guard case .string(let hash)? = persisted["sha256Hash"], hash.utf8.count == 64,
              hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return .failure(.badRequest("\"extensions.persistedQuery.sha256Hash\" must be 64 lowercase hexadecimal digits."))
        }
        return .success(PersistedQueryReference(hash: hash))
    }
}

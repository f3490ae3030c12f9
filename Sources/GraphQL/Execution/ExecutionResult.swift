import Synchronization

/// The outcome of executing a request: `data` (absent when the request failed before execution) and errors.
///
/// The data is kept as the executor built it and written straight to bytes; `data` as a `JSON` value is
/// computed only when asked for.
public struct ExecutionResult: Sendable {
    public var errors: [GraphQLError]
    nonisolated(unsafe) private let tree: ResultNode?
    private let arena: ResultArena?
    private let literalData: JSON?

    init(tree: ResultNode, arena: ResultArena, errors: [GraphQLError]) {
        self.tree = tree
        self.arena = arena
        self.literalData = nil
        self.errors = errors
    }

    /// A result built by hand, e.g. a request error with no data (`data: nil`).
    public init(data: JSON?, errors: [GraphQLError] = []) {
        self.tree = nil
        self.arena = nil
        self.literalData = data
        self.errors = errors
    }

    /// The result tree's root, for tests.
    var rootNode: ResultNode? { tree }

    /// False when the request failed before execution started (then the response has no `data` key).
    public var hasData: Bool { tree != nil || literalData != nil }

    /// The `data` entry: an object, `null` when a non-null root field failed, `nil` when absent.
    public var data: JSON? {
        if let tree { return tree.json }
        return literalData
    }

    /// The response as a JSON value: `{"errors": […], "data": …}`, each key only when present.
    public var json: JSON {
        var object = JSONObject()
        if !errors.isEmpty { object["errors"] = .array(errors.map(\.responseJSON)) }
        if let data { object["data"] = data }
        return .object(object)
    }

    /// Appends the response's JSON text: `errors` first (as graphql-js orders them), then `data` in
    /// selection order.
    public func write(into buffer: inout [UInt8]) {
        var sink = ByteSink(capacity: 1024)
        write(into: &sink)
        buffer.append(contentsOf: UnsafeBufferPointer(start: sink.base, count: sink.count))
    }

    func write(into sink: inout ByteSink) {
        sink.append(UInt8(ascii: "{"))
        if !errors.isEmpty {
            sink.append(Array(#""errors":["#.utf8))
            for (index, error) in errors.enumerated() {
                if index > 0 { sink.append(UInt8(ascii: ",")) }
                var buffer: [UInt8] = []
                JSONWriter.write(error.responseJSON, into: &buffer)
                sink.append(buffer)
            }
            sink.append(UInt8(ascii: "]"))
        }
        if hasData {
            if !errors.isEmpty { sink.append(UInt8(ascii: ",")) }
            sink.append(Array(#""data":"#.utf8))
            if let tree {
                tree.write(into: &sink)
            } else {
                var buffer: [UInt8] = []
                JSONWriter.write(literalData!, into: &buffer)
                sink.append(buffer)
            }
        }
        sink.append(UInt8(ascii: "}"))
    }

    /// The response as UTF-8 JSON bytes.
    public func serializedBytes() -> [UInt8] {
        serializedBytes(maximumBytes: .max)!
    }

    /// The response as UTF-8 JSON bytes, or `nil` when it would be longer than `maximumBytes` (found while
    /// writing, with about that much memory spent at most).
    public func serializedBytes(maximumBytes: Int) -> [UInt8]? {
        // The response is written straight into the array's storage, sized from the number of objects
        // and lists and the largest bytes-per-node ratio seen so far, so large responses are neither
        // regrown nor copied. Should the estimate fall short, the writer continues in its own memory.
        let nodes = arena?.nodeCount ?? 0
        let estimate = Swift.min(1024 + nodes * Self.bytesPerNode.load(ordering: .relaxed), Swift.max(maximumBytes, 1024))
        var overflow: [UInt8]? = nil
        var exceeded = false
        let bytes = [UInt8](unsafeUninitializedCapacity: estimate) { buffer, initialized in
            var sink = ByteSink(writingInto: buffer)
            sink.limit = maximumBytes
            write(into: &sink)
            exceeded = sink.exceeded || sink.count > maximumBytes
            if exceeded {
                initialized = 0
            } else if sink.ownsStorage {
                overflow = sink.finish()
                initialized = 0
            } else {
                initialized = sink.count
            }
        }
        if exceeded { return nil }
        let result = overflow ?? bytes
        if nodes > 0 {
            let ratio = result.count / nodes + 1
            if ratio > Self.bytesPerNode.load(ordering: .relaxed) {
                Self.bytesPerNode.store(Swift.min(ratio + ratio / 8, 4096), ordering: .relaxed)
            }
        }
        return result
    }

    /// The largest response size per result node seen (plus a margin), to size the next response.
    private static let bytesPerNode = Atomic<Int>(64)

    /// The response as JSON text.
    public func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }
}

extension GraphQLError {
    /// The error as the response lists it: `message`, then `locations`, `path`, `extensions` when present.
    public var responseJSON: JSON {
        var object = JSONObject()
        object["message"] = .string(message)
        if !locations.isEmpty {
            object["locations"] = .array(locations.map {
                .object(JSONObject([("line", .int($0.line)), ("column", .int($0.column))]))
            })
        }
        if let path {
            object["path"] = .array(path.map {
                switch $0 {
                case .key(let key): .string(key)
                case .index(let index): .int(index)
                }
            })
        }
        if !extensions.isEmpty { object["extensions"] = .object(extensions) }
        return .object(object)
    }
}

/// A JSON value: variables and extensions coming in, results and errors going out.
///
/// Objects keep their keys in insertion order, because a GraphQL response lists fields in
/// selection order.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

/// A JSON object whose keys keep their insertion order.
///
/// Entries sit in one array in insertion order. Small objects (the common case: a response object or
/// a row of data) are searched by comparing keys in order, which is cheaper than hashing the key;
/// larger ones also keep a position index. One array (rather than keys and values apart) keeps
/// copying an object to a single reference count.
public struct JSONObject: Sendable, Equatable {
    private var storage: [(key: String, value: JSON)] = []
    /// Position of each key, kept only while the object has more than `linearLimit` keys.
    private var positions: [String: Int]? = nil

    /// Up to this many keys a lookup scans the keys instead of hashing.
    private static var linearLimit: Int { 12 }

    public init() {}

    public init(_ pairs: [(String, JSON)]) {
        storage.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in insertion order.
    public var keys: [String] { storage.map(\.key) }
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// The position of `key` in insertion order.
    @inline(__always)
    func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return storage.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where buffer[index].key == key { return index }
            return nil
        }
    }

    /// The value for `key`, checking position `hint` first and updating it to where the key was found:
    /// objects of one list usually share a key order, so the scan is mostly skipped.
    @inline(__always)
    func value(forKey key: String, hint: inout Int) -> JSON? {
        let guess = hint
        if guess < storage.count, storage[guess].key == key { return storage[guess].value }
        guard let index = position(of: key) else { return nil }
        hint = index
        return storage[index].value
    }

    /// Setting an existing key keeps its position; setting `nil` removes it.
    public subscript(key: String) -> JSON? {
        get {
            guard let index = position(of: key) else { return nil }
            return storage[index].value
        }
        set {
            if let newValue {
                if let index = position(of: key) {
                    storage[index].value = newValue
                    return
                }
                storage.append((key, newValue))
                if positions != nil {
                    positions![key] = storage.count - 1
                } else if storage.count > Self.linearLimit {
                    buildPositions()
                }
            } else if let index = position(of: key) {
                storage.remove(at: index)
                if positions != nil {
                    if storage.count > Self.linearLimit { buildPositions() } else { positions = nil }
                }
            }
        }
    }

    private mutating func buildPositions() {
        var index: [String: Int] = [:]
        index.reserveCapacity(storage.count)
        for (position, entry) in storage.enumerated() { index[entry.key] = position }
        positions = index
    }

    /// The entries in insertion order.
    public var entries: [(key: String, value: JSON)] { storage }

    /// Calls `body` with each key and value in insertion order, without building `entries`.
    @inline(__always)
    func forEachEntry(_ body: (String, JSON) throws -> Void) rethrows {
        for entry in storage { try body(entry.key, entry.value) }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.storage.count == rhs.storage.count else { return false }
        for index in 0..<lhs.storage.count {
            guard lhs.storage[index].key == rhs.storage[index].key, lhs.storage[index].value == rhs.storage[index].value
            else { return false }
        }
        return true
    }
}

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
/// Keys and values sit in two parallel arrays. Small objects (the common case: a response object or a
/// row of data) are searched by comparing keys in order, which is cheaper than hashing the key; larger
/// ones also keep a position index.
public struct JSONObject: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [JSON] = []
    /// Position of each key, kept only while the object has more than `linearLimit` keys.
    private var positions: [String: Int]? = nil

    /// Up to this many keys a lookup scans the keys instead of hashing.
    private static var linearLimit: Int { 12 }

    public init() {}

    public init(_ pairs: [(String, JSON)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key` among `keys`.
    @inline(__always)
    func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return keys.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where buffer[index] == key { return index }
            return nil
        }
    }

    /// The value for `key`, checking position `hint` first and updating it to where the key was found:
    /// objects of one list usually share a key order, so the scan is mostly skipped.
    @inline(__always)
    func value(forKey key: String, hint: inout Int) -> JSON? {
        let guess = hint
        if guess < keys.count, keys[guess] == key { return values[guess] }
        guard let index = position(of: key) else { return nil }
        hint = index
        return values[index]
    }

    /// Setting an existing key keeps its position; setting `nil` removes it.
    public subscript(key: String) -> JSON? {
        get {
            guard let index = position(of: key) else { return nil }
            return values[index]
        }
        set {
            if let newValue {
                if let index = position(of: key) {
                    values[index] = newValue
                    return
                }
                keys.append(key)
                values.append(newValue)
                if positions != nil {
                    positions![key] = keys.count - 1
                } else if keys.count > Self.linearLimit {
                    buildPositions()
                }
            } else if let index = position(of: key) {
                keys.remove(at: index)
                values.remove(at: index)
                if positions != nil {
                    if keys.count > Self.linearLimit { buildPositions() } else { positions = nil }
                }
            }
        }
    }

    private mutating func buildPositions() {
        var index: [String: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() { index[key] = position }
        positions = index
    }

    /// The entries in insertion order.
    public var entries: [(key: String, value: JSON)] {
        (0..<keys.count).map { (keys[$0], values[$0]) }
    }

    /// Calls `body` with each key and value in insertion order, without building `entries`.
    @inline(__always)
    func forEachEntry(_ body: (String, JSON) throws -> Void) rethrows {
        for index in 0..<keys.count { try body(keys[index], values[index]) }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}

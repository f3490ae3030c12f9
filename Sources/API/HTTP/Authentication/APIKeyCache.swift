import Foundation

/// Which organization an API key belonged to when the database last said so, for a few seconds: a request whose
/// key is here starts without a round trip, and its transaction checks the key again when it runs its first
/// statement (`DeferredTenantTransaction`). Only keys the database accepted are kept, by SHA-256 (never the key
/// itself); a key refused at that check is forgotten at once. A key revoked in the database stops working for
/// requests that need no statement after at most `lifetime` seconds in each process, and at once for all others.
final class APIKeyCache: @unchecked Sendable {
    let lifetime: Double
    let capacity: Int
    private var entries: [[UInt8]: (organizationID: UUID, expires: Double)] = [:]
    private let lock = NSLock()

    /// `lifetime` 0 turns the cache off.
    init(lifetime: Double = 5, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func organization(forKey key: String, now: Double = Date().timeIntervalSince1970) -> UUID? {
        guard lifetime > 0 else { return nil }
        let hash = Self.hash(key)
        return lock.withLock {
            guard let entry = entries[hash] else { return nil }
            if entry.expires <= now {
                entries[hash] = nil
                return nil
            }
            return entry.organizationID
        }
    }

    func remember(_ organizationID: UUID, forKey key: String, now: Double = Date().timeIntervalSince1970) {
        guard lifetime > 0 else { return }
        let hash = Self.hash(key)
        lock.withLock {
            // Bounded: expired entries go first, and when every entry is still fresh the cache starts over.
            if entries.count >= capacity { entries = entries.filter { $0.value.expires > now } }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = (organizationID, now + lifetime)
        }
    }

    func forget(key: String) {
        let hash = Self.hash(key)
        lock.withLock { entries[hash] = nil }
    }

    var count: Int { lock.withLock { entries.count } }

    private static func hash(_ key: String) -> [UInt8] { SHA256.digest(Array(key.utf8)) }
}

import Synchronization

/// A bounded (by count and by memory), least-recently-used cache from document text to its prepared form.
///
/// Servers see the same few query texts over and over; caching what lexing, parsing and
/// validation produced lets a repeated query skip all three. Guarded by a mutex so one cache
/// can serve every request concurrently. The work to fill a missing entry runs outside the lock,
/// so a slow parse never blocks hits on other documents.
public final class DocumentCache<Entry: Sendable>: Sendable {
    /// At most this many documents are kept; `0` disables caching.
    public let capacity: Int
    /// At most this many bytes are kept: each entry counts its text's UTF-8 size plus `entryCost` of its
    /// entry (the parsed form, many times the text); a larger entry is not cached.
    public let maxTotalBytes: Int
    private let entryCost: (@Sendable (Entry) -> Int)?
    private let state: Mutex<LRUState<Entry>>

    public init(capacity: Int, maxTotalBytes: Int = 32 << 20, entryCost: (@Sendable (Entry) -> Int)? = nil) {
        self.capacity = max(0, capacity)
        self.maxTotalBytes = max(0, maxTotalBytes)
        self.entryCost = entryCost
        state = Mutex(LRUState(capacity: max(0, capacity), maxTotalBytes: max(0, maxTotalBytes)))
    }

    /// The cached entry for `text`, marking it most recently used; counts a hit or a miss.
    public func entry(for text: String) -> Entry? {
        state.withLock { $0.lookUp(text) }
    }

    /// Stores `entry` as the most recently used, evicting the least recently used one when full.
    public func insert(_ entry: Entry, for text: String) {
        let size = text.utf8.count + (entryCost?(entry) ?? 0)
        state.withLock { $0.insert(entry, for: text, size: size) }
    }

    /// The cached entry for `text`, or the one `prepare` makes (then cached).
    public func entry(for text: String, orPrepare prepare: () throws -> Entry) rethrows -> Entry {
        if let cached = entry(for: text) { return cached }
        let prepared = try prepare()
        insert(prepared, for: text)
        return prepared
    }

    /// Forgets every entry; statistics are kept.
    public func removeAll() {
        state.withLock { $0.removeAll() }
    }

    /// Hits, misses, evictions and the current size.
    public var statistics: DocumentCacheStatistics {
        state.withLock { $0.statistics }
    }

    /// The size of all cached entries together, as `maxTotalBytes` counts it.
    public var cachedBytes: Int {
        state.withLock { $0.cachedBytes }
    }

    /// The cached texts, most recently used first (the last one is evicted next).
    public var textsByRecency: [String] {
        state.withLock { $0.keysByRecency }
    }
}

/// Counters that show whether a cache is doing its job.
public struct DocumentCacheStatistics: Sendable, Equatable {
    public var hits = 0
    public var misses = 0
    public var evictions = 0
    public var count = 0

    public init(hits: Int = 0, misses: Int = 0, evictions: Int = 0, count: Int = 0) {
        self.hits = hits
        self.misses = misses
        self.evictions = evictions
        self.count = count
    }
}

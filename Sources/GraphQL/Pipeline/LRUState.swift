/// The cache's bookkeeping: a hash index into slots linked in recency order, all O(1).
///
/// Slots live in parallel arrays and link by index rather than by reference, which keeps the
/// structure a plain value that a mutex can own.
struct LRUState<Entry> {
    private let capacity: Int
    private let maxTotalBytes: Int
    private var slotByKey: [String: Int] = [:]
    private var keys: [String] = []
    private var entries: [Entry?] = []
    /// Each slot's size in bytes (its key's UTF-8 size and its entry's estimate), the measure `maxTotalBytes` bounds.
    private var sizes: [Int] = []
    private var totalBytes = 0
    /// Toward the most recently used end.
    private var newer: [Int] = []
    /// Toward the least recently used end.
    private var older: [Int] = []
    /// Slots emptied by eviction, reused before the arrays grow.
    private var freeSlots: [Int] = []
    private var mostRecent = -1
    private var leastRecent = -1
    private(set) var statistics = DocumentCacheStatistics()

    init(capacity: Int, maxTotalBytes: Int) {
        self.capacity = capacity
        self.maxTotalBytes = maxTotalBytes
    }

    mutating func lookUp(_ key: String) -> Entry? {
        guard let slot = slotByKey[key] else {
            statistics.misses += 1
            return nil
        }
        statistics.hits += 1
        moveToFront(slot)
        return entries[slot]
    }

    mutating func insert(_ entry: Entry, for key: String, size: Int) {
        guard capacity > 0, size <= maxTotalBytes else { return }
        if let slot = slotByKey[key] {
            entries[slot] = entry
            moveToFront(slot)
            return
        }
        while slotByKey.count >= capacity || totalBytes + size > maxTotalBytes {
            evictLeastRecent()
        }
        let slot: Int
        if let reusable = freeSlots.popLast() {
            slot = reusable
            keys[slot] = key
            entries[slot] = entry
            sizes[slot] = size
        } else {
            slot = keys.count
            keys.append(key)
            entries.append(entry)
            sizes.append(size)
            newer.append(-1)
            older.append(-1)
        }
        slotByKey[key] = slot
        totalBytes += size
        linkAtFront(slot)
        statistics.count = slotByKey.count
    }

    private mutating func evictLeastRecent() {
        let slot = leastRecent
        unlink(slot)
        slotByKey[keys[slot]] = nil
        keys[slot] = ""
        entries[slot] = nil
        totalBytes -= sizes[slot]
        sizes[slot] = 0
        freeSlots.append(slot)
        statistics.evictions += 1
        statistics.count = slotByKey.count
    }

    mutating func removeAll() {
        slotByKey = [:]
        keys = []
        entries = []
        sizes = []
        totalBytes = 0
        freeSlots = []
        newer = []
        older = []
        mostRecent = -1
        leastRecent = -1
        statistics.count = 0
    }

    /// The UTF-8 size of every cached text together.
    var cachedBytes: Int { totalBytes }

    var keysByRecency: [String] {
        var result: [String] = []
        result.reserveCapacity(slotByKey.count)
        var slot = mostRecent
        while slot >= 0 {
            result.append(keys[slot])
            slot = older[slot]
        }
        return result
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != mostRecent else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let newerSlot = newer[slot], olderSlot = older[slot]
        if newerSlot >= 0 { older[newerSlot] = olderSlot } else { mostRecent = olderSlot }
        if olderSlot >= 0 { newer[olderSlot] = newerSlot } else { leastRecent = newerSlot }
        newer[slot] = -1
        older[slot] = -1
    }

    private mutating func linkAtFront(_ slot: Int) {
        older[slot] = mostRecent
        newer[slot] = -1
        if mostRecent >= 0 { newer[mostRecent] = slot }
        mostRecent = slot
        if leastRecent < 0 { leastRecent = slot }
    }
}

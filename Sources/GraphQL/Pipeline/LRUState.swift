/// The cache's bookkeeping: a hash index into slots linked in recency order, all O(1).
///
/// Slots live in parallel arrays and link by index rather than by reference, which keeps the
/// structure a plain value that a mutex can own.
struct LRUState<Entry> {
    private let capacity: Int
    private var slotByKey: [String: Int] = [:]
    private var keys: [String] = []
    private var entries: [Entry?] = []
    /// Toward the most recently used end.
    private var newer: [Int] = []
    /// Toward the least recently used end.
    private var older: [Int] = []
    private var mostRecent = -1
    private var leastRecent = -1
    private(set) var statistics = DocumentCacheStatistics()

    init(capacity: Int) {
        self.capacity = capacity
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

    mutating func insert(_ entry: Entry, for key: String) {
        guard capacity > 0 else { return }
        if let slot = slotByKey[key] {
            entries[slot] = entry
            moveToFront(slot)
            return
        }
        let slot: Int
        if keys.count < capacity {
            slot = keys.count
            keys.append(key)
            entries.append(entry)
            newer.append(-1)
            older.append(-1)
        } else {
            slot = leastRecent
            unlink(slot)
            slotByKey[keys[slot]] = nil
            statistics.evictions += 1
            keys[slot] = key
            entries[slot] = entry
        }
        slotByKey[key] = slot
        linkAtFront(slot)
        statistics.count = slotByKey.count
    }

    mutating func removeAll() {
        slotByKey = [:]
        keys = []
        entries = []
        newer = []
        older = []
        mostRecent = -1
        leastRecent = -1
        statistics.count = 0
    }

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

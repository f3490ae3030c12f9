import Testing

@testable import GraphQL

@Suite struct DocumentCacheTests {
    @Test func secondLookupIsAHitAndSkipsPreparation() {
        let cache = DocumentCache<Int>(capacity: 4)
        var preparations = 0
        let first = cache.entry(for: "{ a }") { preparations += 1; return 1 }
        let second = cache.entry(for: "{ a }") { preparations += 1; return 2 }
        #expect(first == 1)
        #expect(second == 1)
        #expect(preparations == 1)
        #expect(cache.statistics == DocumentCacheStatistics(hits: 1, misses: 1, evictions: 0, count: 1))
    }

    @Test func evictsTheLeastRecentlyUsedEntry() {
        let cache = DocumentCache<Int>(capacity: 3)
        cache.insert(1, for: "a")
        cache.insert(2, for: "b")
        cache.insert(3, for: "c")
        #expect(cache.textsByRecency == ["c", "b", "a"])
        #expect(cache.entry(for: "a") == 1)  // "a" becomes most recent; "b" is now the oldest
        #expect(cache.textsByRecency == ["a", "c", "b"])
        cache.insert(4, for: "d")
        #expect(cache.textsByRecency == ["d", "a", "c"])
        #expect(cache.entry(for: "b") == nil)
        cache.insert(5, for: "e")
        #expect(cache.textsByRecency == ["e", "d", "a"])
        #expect(cache.statistics == DocumentCacheStatistics(hits: 1, misses: 1, evictions: 2, count: 3))
    }

    @Test func reinsertingAKeyReplacesItsEntryWithoutEvicting() {
        let cache = DocumentCache<Int>(capacity: 2)
        cache.insert(1, for: "a")
        cache.insert(2, for: "b")
        cache.insert(10, for: "a")
        #expect(cache.textsByRecency == ["a", "b"])
        #expect(cache.entry(for: "a") == 10)
        #expect(cache.statistics.evictions == 0)
    }

    @Test func capacityOneKeepsOnlyTheLatest() {
        let cache = DocumentCache<Int>(capacity: 1)
        cache.insert(1, for: "a")
        cache.insert(2, for: "b")
        #expect(cache.textsByRecency == ["b"])
        #expect(cache.entry(for: "a") == nil)
        #expect(cache.entry(for: "b") == 2)
    }

    @Test func theTotalTextSizeIsBoundedToo() {
        let cache = DocumentCache<Int>(capacity: 10, maxTotalBytes: 10)
        cache.insert(1, for: "aaaa")
        cache.insert(2, for: "bbbb")
        #expect(cache.cachedBytes == 8)
        cache.insert(3, for: "cccccc")  // 14 bytes would exceed 10: the oldest goes
        #expect(cache.textsByRecency == ["cccccc", "bbbb"])
        #expect(cache.cachedBytes == 10)
        cache.insert(4, for: "dddd")
        #expect(cache.textsByRecency == ["dddd", "cccccc"])
        cache.insert(5, for: "a text longer than ten bytes")  // never cached, evicts nothing
        #expect(cache.textsByRecency == ["dddd", "cccccc"])
        #expect(cache.statistics.evictions == 2)
        // Slots freed by eviction are reused; order and lookups stay right.
        cache.insert(6, for: "e")
        #expect(cache.textsByRecency == ["e", "dddd"])
        #expect(cache.statistics.evictions == 3)
        #expect(cache.entry(for: "dddd") == 4)
        #expect(cache.entry(for: "e") == 6)
        #expect(cache.cachedBytes == 5)
    }

    @Test func zeroCapacityCachesNothing() {
        let cache = DocumentCache<Int>(capacity: 0)
        cache.insert(1, for: "a")
        #expect(cache.entry(for: "a") == nil)
        #expect(cache.statistics == DocumentCacheStatistics(hits: 0, misses: 1, evictions: 0, count: 0))
    }

    @Test func removeAllEmptiesTheCache() {
        let cache = DocumentCache<Int>(capacity: 2)
        cache.insert(1, for: "a")
        cache.removeAll()
        #expect(cache.textsByRecency == [])
        #expect(cache.entry(for: "a") == nil)
        cache.insert(2, for: "b")
        #expect(cache.textsByRecency == ["b"])
    }

    @Test func staysConsistentUnderConcurrentUse() async {
        let cache = DocumentCache<Int>(capacity: 16)
        let workers = 8, lookupsPerWorker = 2_000, distinctTexts = 24
        await withTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var wrong = 0
                    for step in 0..<lookupsPerWorker {
                        let key = (worker * 7 + step) % distinctTexts
                        let value = cache.entry(for: "query Q\(key) { a }") { key * 10 }
                        if value != key * 10 { wrong += 1 }
                    }
                    return wrong
                }
            }
            var wrong = 0
            for await count in group { wrong += count }
            #expect(wrong == 0)
        }
        let statistics = cache.statistics
        #expect(statistics.hits + statistics.misses == workers * lookupsPerWorker)
        #expect(statistics.count == 16)
        #expect(cache.textsByRecency.count == 16)
        #expect(Set(cache.textsByRecency).count == 16)
    }

    @Test func matchesAPlainReferenceModelOverManyOperations() {
        let cache = DocumentCache<Int>(capacity: 5, maxTotalBytes: 24)
        // The reference: an array, most recent first, evicting from the end.
        var model: [(text: String, value: Int)] = []
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for step in 0..<5_000 {
            let text = String(repeating: "x", count: 1 + next(3)) + String(next(12))
            if next(2) == 0 {
                let found = cache.entry(for: text)
                if let index = model.firstIndex(where: { $0.text == text }) {
                    let item = model.remove(at: index)
                    model.insert(item, at: 0)
                    #expect(found == item.value)
                } else {
                    #expect(found == nil)
                }
            } else {
                cache.insert(step, for: text)
                if let index = model.firstIndex(where: { $0.text == text }) { model.remove(at: index) }
                model.insert((text, step), at: 0)
                while model.count > 5 || model.reduce(0, { $0 + $1.text.utf8.count }) > 24 { model.removeLast() }
            }
            #expect(cache.textsByRecency == model.map(\.text))
        }
        #expect(cache.cachedBytes == model.reduce(0) { $0 + $1.text.utf8.count })
    }
}

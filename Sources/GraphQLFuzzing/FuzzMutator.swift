/// A small seeded mutator for the short fuzz run inside `make test`: byte edits and splices of corpus inputs,
/// deterministic for a seed so a failure names its input. (`make fuzz` uses libFuzzer's coverage-guided
/// mutations instead.)
public struct FuzzMutator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed | 1 }

    /// xorshift64*: cheap and good enough to pick edits.
    mutating func next(_ bound: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 2_685_821_657_736_338_717) % UInt64(max(bound, 1)))
    }

    /// Interesting tokens of the inputs' languages, inserted whole.
    static let dictionary: [[UInt8]] = [
        "{", "}", "(", ")", "[", "]", "...", "@include(if: $v)", "fragment F on Query", "query Q($v: Boolean = true)",
        "\"\"\"", "\\u0000", "\\uD800", "$", "!", ":", "null", "1e309", "-0", "\"", "on", "__typename", "#", "\n",
        "mutation", "subscription", ",", "true", "...F", "{\"query\":", "\"variables\":{", "__schema { types { name } }",
    ].map { Array($0.utf8) }

    /// A mutation of `input`, sometimes spliced with `other`.
    public mutating func mutate(_ input: [UInt8], splicingWith other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...next(4) {
            switch next(7) {
            case 0 where !bytes.isEmpty: bytes[next(bytes.count)] ^= UInt8(1 << next(8))
            case 1 where !bytes.isEmpty: bytes.remove(at: next(bytes.count))
            case 2: bytes.insert(UInt8(next(256)), at: next(bytes.count + 1))
            case 3: bytes.insert(contentsOf: Self.dictionary[next(Self.dictionary.count)], at: next(bytes.count + 1))
            case 4 where bytes.count > 1:
                let start = next(bytes.count)
                let end = min(bytes.count, start + 1 + next(32))
                bytes.insert(contentsOf: bytes[start..<end], at: next(bytes.count + 1))
            case 5 where !other.isEmpty:
                let cut = next(bytes.count + 1)
                let from = next(other.count)
                bytes = Array(bytes[..<cut]) + Array(other[from...])
            case 6 where bytes.count > 1:
                let start = next(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + next(16)))
            default: break
            }
        }
        return Array(bytes.prefix(64 << 10))
    }
}

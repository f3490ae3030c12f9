/// A growable byte buffer written through a raw pointer: the response writer's hot path appends
/// millions of short runs, and doing that through `[UInt8]` costs a uniqueness check, a capacity check
/// and often a generic call per append.
struct ByteSink: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// False while writing into memory the caller owns (see `init(writingInto:)`).
    private(set) var ownsStorage = true
    /// The most bytes the output may have. Past it the sink sets `exceeded` and starts over at the beginning
    /// of its memory instead of growing, so a runaway response costs at most about this much memory;
    /// writers stop early once they see `exceeded`.
    var limit = Int.max
    private(set) var exceeded = false

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Writes into `buffer` until it is full, then continues in memory of its own (`ownsStorage`).
    init(writingInto buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
        ownsStorage = false
    }

    deinit { if ownsStorage { base.deallocate() } }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(count + extra) }
    }

    @inline(never)
    private mutating func grow(_ minimum: Int) {
        if minimum > limit {
            exceeded = true
            let pending = minimum - count
            count = 0
            if pending <= capacity { return }
            return grow(pending)
        }
        let newCapacity = Swift.min(Swift.max(minimum, capacity * 2), Swift.max(minimum, limit))
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        if ownsStorage { base.deallocate() }
        base = newBase
        capacity = newCapacity
        ownsStorage = true
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Appends without checking capacity: the caller reserved room.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        let target = base + count
        if length >= 8 && length <= 16 {
            // Two overlapping words: cheaper than a `memcpy` call for the short runs keys and values are.
            let source = UnsafeRawPointer(bytes)
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            UnsafeMutableRawPointer(target).storeBytes(of: head, as: UInt64.self)
            UnsafeMutableRawPointer(target).storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        } else if length < 8 {
            for index in 0..<length { target[index] = bytes[index] }
        } else {
            target.update(from: bytes, count: length)
        }
        count &+= length
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func appendNull() {
        reserve(4)
        appendReserved(0x6E)
        appendReserved(0x75)
        appendReserved(0x6C)
        appendReserved(0x6C)
    }

    /// A string literal, escaped as `JSONWriter.writeString` does.
    mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendString(utf8: $0) }
    }

    mutating func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        // Room for the common case (nothing to escape) at once; escapes reserve their own.
        reserve(count + 2)
        appendReserved(UInt8(ascii: "\""))
        guard let source = utf8.baseAddress else {
            appendReserved(UInt8(ascii: "\""))
            return
        }
        var runStart = 0
        var index = 0
        let raw = UnsafeRawPointer(source)
        while index < count {
            if count - index >= 8 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if !JSONWriter.needsEscape(word) {
                    index += 8
                    continue
                }
            } else if count >= 8 {
                // The last few bytes: check the final eight (overlapping bytes already seen) at once.
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
                if !JSONWriter.needsEscape(word) {
                    index = count
                    break
                }
            }
            let byte = source[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                index += 1
                continue
            }
            if runStart < index { append(source + runStart, count: index - runStart) }
            reserve(6 + count - index)
            appendReserved(UInt8(ascii: "\\"))
            switch byte {
            case 0x22: appendReserved(0x22)
            case 0x5C: appendReserved(0x5C)
            case 0x08: appendReserved(UInt8(ascii: "b"))
            case 0x0C: appendReserved(UInt8(ascii: "f"))
            case 0x0A: appendReserved(UInt8(ascii: "n"))
            case 0x0D: appendReserved(UInt8(ascii: "r"))
            case 0x09: appendReserved(UInt8(ascii: "t"))
            default:
                appendReserved(UInt8(ascii: "u"))
                appendReserved(UInt8(ascii: "0"))
                appendReserved(UInt8(ascii: "0"))
                appendReserved(JSONWriter.hexDigit(byte >> 4))
                appendReserved(JSONWriter.hexDigit(byte & 0xF))
            }
            index += 1
            runStart = index
        }
        if runStart < count { append(source + runStart, count: count - runStart) }
        append(UInt8(ascii: "\""))
    }

    /// A decimal integer.
    mutating func appendInt(_ value: Int) {
        reserve(20)
        if value == 0 {
            appendReserved(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { appendReserved(UInt8(ascii: "-")) }
        var digits = 1
        var scale: UInt = 10
        while digits < 20, magnitude >= scale {
            digits += 1
            if scale > UInt.max / 10 { break }
            scale *= 10
        }
        var position = count + digits
        count = position
        while magnitude > 0 {
            position -= 1
            base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        }
    }

    /// A number as `JSONWriter.writeDouble` writes it; the common short decimals (e.g. `0.5`, `12.75`)
    /// without building intermediate arrays.
    mutating func appendDouble(_ value: Double) {
        let magnitude = abs(value)
        if value.isFinite, value != 0, value == value.rounded(), magnitude < 1e15 {
            appendInt(Int(value))
            return
        }
        if value.isFinite, magnitude >= 1e-6, magnitude < 1e15 {
            var scale = 1.0
            for decimals in 1...15 {
                scale *= 10
                let scaled = magnitude * scale
                if scaled >= 1e15 { break }
                let mantissa = scaled.rounded()
                guard mantissa / scale == magnitude else { continue }
                reserve(40)
                if value < 0 { appendReserved(UInt8(ascii: "-")) }
                let start = count
                appendInt(Int(mantissa))
                let digits = count - start
                if digits <= decimals {
                    // 0.00ddd: move the digits right to make room for "0." and the zeros.
                    let shift = 2 + decimals - digits
                    (base + start + shift).moveInitialize(from: base + start, count: digits)
                    base[start] = UInt8(ascii: "0")
                    base[start + 1] = UInt8(ascii: ".")
                    for index in 0..<(decimals - digits) { base[start + 2 + index] = UInt8(ascii: "0") }
                    count += shift
                } else {
                    // ddd.dd: move the last `decimals` digits right by one for the point.
                    let point = start + digits - decimals
                    (base + point + 1).moveInitialize(from: base + point, count: decimals)
                    base[point] = UInt8(ascii: ".")
                    count += 1
                }
                return
            }
        }
        var buffer: [UInt8] = []
        JSONWriter.writeDouble(value, into: &buffer)
        append(buffer)
    }

    /// The bytes written, as an array (one copy).
    consuming func finish() -> [UInt8] {
        let length = count
        let source = base
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            if length > 0 { buffer.baseAddress!.initialize(from: source, count: length) }
            initialized = length
        }
    }
}

import CLibPQ
import Foundation

/// A statement's rows as libpq holds them, read cell by cell as text bytes without copying them into Swift strings:
/// for a caller that writes the cells straight into a response (a planned read), where `PostgresRows`' decoding
/// would allocate a string per cell only to copy it again.
public final class PostgresResult: @unchecked Sendable {
    /// Cleared when this result goes.
    let result: OpaquePointer
    public let rowCount: Int
    public let columnCount: Int

    init(_ result: OpaquePointer) {
        self.result = result
        rowCount = Int(PQntuples(result))
        columnCount = Int(PQnfields(result))
    }

    deinit { PQclear(result) }

    @inline(__always)
    public func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    /// The cell's text (empty for NULL), valid while this result is alive: use it inside `withExtendedLifetime`
    /// or while holding the result.
    @inline(__always)
    public func bytes(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column)))!.assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    /// Whether two cells hold the same text (both NULL counts as equal).
    public func cellsEqual(_ row: Int, _ otherRow: Int, column: Int) -> Bool {
        let null = isNull(row, column)
        guard null == isNull(otherRow, column) else { return false }
        if null { return true }
        let left = bytes(row, column), right = bytes(otherRow, column)
        return left.count == right.count && memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
    }

    /// The cell as a Swift string, or nil for NULL.
    public func string(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(decoding: bytes(row, column), as: UTF8.self)
    }
}

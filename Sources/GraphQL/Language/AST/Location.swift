/// Where a node or token sits in its source text.
///
/// Offsets are UTF-8 byte offsets into the source (cheap to slice); `line` and `column` are the
/// 1-based position of `start` as errors report it, with columns counted in Unicode scalars.
/// Stored as 32-bit integers so every AST node stays small.
public struct Location: Sendable, Hashable {
    @usableFromInline var _start: UInt32
    @usableFromInline var _end: UInt32
    @usableFromInline var _line: UInt32
    @usableFromInline var _column: UInt32

    @inlinable
    public init(start: Int, end: Int, line: Int, column: Int) {
        _start = UInt32(truncatingIfNeeded: start)
        _end = UInt32(truncatingIfNeeded: end)
        _line = UInt32(truncatingIfNeeded: line)
        _column = UInt32(truncatingIfNeeded: column)
    }

    /// UTF-8 byte offset of the first byte.
    @inlinable public var start: Int { Int(_start) }
    /// UTF-8 byte offset just past the last byte.
    @inlinable public var end: Int { Int(_end) }
    /// 1-based line of `start`.
    @inlinable public var line: Int { Int(_line) }
    /// 1-based column of `start`, in Unicode scalars.
    @inlinable public var column: Int { Int(_column) }

    /// The position as a `GraphQLError` reports it.
    @inlinable public var sourceLocation: SourceLocation { SourceLocation(line: line, column: column) }
}

/// Anything in the AST that may know where it came from.
public protocol ASTNode: Sendable, Hashable {
    var loc: Location? { get }
}

extension ASTNode {
    /// The node's start position for error reporting, if the parser recorded locations.
    public var sourceLocation: SourceLocation? { loc?.sourceLocation }
}

/// An identifier: field, type, argument, directive, variable or enum value name.
public struct Name: ASTNode {
    public var value: String
    public var loc: Location?

    public init(value: String, loc: Location? = nil) {
        self.value = value
        self.loc = loc
    }
}

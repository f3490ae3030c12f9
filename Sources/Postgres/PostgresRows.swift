/// The rows a statement returned, decoded from the text format into Swift values on demand.
public struct PostgresRows: Sendable, Sequence {
    public let columns: [PostgresColumn]
    /// Row after row, `columns.count` cells each: one array for the whole result.
    let cells: [String?]
    public let count: Int
    /// Rows the statement touched (`INSERT`, `UPDATE`, `DELETE`) or returned.
    public let affectedRows: Int

    let columnIndex: [String: Int]

    init(columns: [PostgresColumn], cells: [String?], count: Int, affectedRows: Int) {
        self.columns = columns
        self.cells = cells
        self.count = count
        self.affectedRows = affectedRows
        var index: [String: Int] = [:]
        for (position, column) in columns.enumerated() where index[column.name] == nil {
            index[column.name] = position
        }
        self.columnIndex = index
    }

    public var isEmpty: Bool { count == 0 }
    public var first: PostgresRow? { count == 0 ? nil : PostgresRow(rows: self, index: 0) }

    public subscript(position: Int) -> PostgresRow { PostgresRow(rows: self, index: position) }

    public func makeIterator() -> AnyIterator<PostgresRow> {
        var position = 0
        return AnyIterator {
            guard position < count else { return nil }
            defer { position += 1 }
            return PostgresRow(rows: self, index: position)
        }
    }
}

/// A result column's name and type.
public struct PostgresColumn: Sendable, Hashable {
    public let name: String
    public let type: PostgresType
}

/// One row; decode its columns by name or position.
public struct PostgresRow: Sendable {
    let rows: PostgresRows
    let index: Int

    /// Decodes a column; a NULL decodes only into an `Optional`.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard let position = rows.columnIndex[column] else {
            throw PostgresError.decoding(column: column, message: "no such column in the result")
        }
        return try decode(at: position, as: type)
    }

    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value?.Type = Value?.self) throws -> Value? {
        guard let position = rows.columnIndex[column] else {
            throw PostgresError.decoding(column: column, message: "no such column in the result")
        }
        guard rows.cells[index * rows.columns.count + position] != nil else { return nil }
        return try decode(at: position, as: Value.self)
    }

    /// Decodes a text column into a `String`-backed enum; a value the enum does not know is a decoding error.
    public func decode<Value: RawRepresentable>(_ column: String, rawValueOf type: Value.Type = Value.self) throws -> Value
    where Value.RawValue == String {
        let text: String = try decode(column)
        guard let value = Value(rawValue: text) else { throw PostgresError.decoding(column: column, message: "unknown value \(text)") }
        return value
    }

    public func decode<Value: PostgresDecodable>(at position: Int, as type: Value.Type = Value.self) throws -> Value {
        let column = rows.columns[position]
        guard let text = rows.cells[index * rows.columns.count + position] else {
            throw PostgresError.decoding(column: column.name, message: "is NULL, cannot decode as non-optional \(Value.self)")
        }
        guard let value = Value.decode(postgresText: text, type: column.type) else {
            throw PostgresError.decoding(column: column.name, message: "cannot decode \(column.type) value \"\(text.prefix(64))\" as \(Value.self)")
        }
        return value
    }

    /// Whether the column holds NULL.
    public func isNull(_ column: String) -> Bool {
        guard let position = rows.columnIndex[column] else { return true }
        return rows.cells[index * rows.columns.count + position] == nil
    }
}

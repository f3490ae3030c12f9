import GraphQL
import Postgres

/// One object of a planned read: its selected fields in response order, each read from the columns of the rows of
/// one statement. The statement joins parents to children, so an object's rows are consecutive and its `key`
/// column (its id) tells where the next one starts.
struct PlannedObject: Sendable {
    var key: Int
    var fields: [PlannedField] = []
}

struct PlannedField: Sendable {
    /// `"key":` as the response writes it.
    var key: [UInt8]
    var value: PlannedValue
}

/// How a field's value is written from a row.
indirect enum PlannedValue: Sendable {
    /// A JSON string of the column's text, `null` for NULL.
    case text(column: Int)
    /// An enum value: the stored lower snake case in upper case (`meta_ads` → `META_ADS`).
    case enumValue(column: Int)
    /// A number written as PostgreSQL prints it (integers only).
    case integer(column: Int)
    /// The global id of a `type` object (`GlobalID`) whose uuid is the column.
    case globalID(NodeType, column: Int)
    /// The same bytes on every object (`__typename`).
    case constant([UInt8])
    /// A string computed from the object's first row (a cursor).
    case computed(@Sendable (PostgresResult, Int) -> String)
    /// A to-one child read from the same rows: always there.
    case embedded(PlannedObject)
    /// A to-one child from a LEFT JOIN: `null` when its key column is NULL.
    case optional(PlannedObject)
    /// A to-many child: the objects among the parent's rows, `[]` when the LEFT JOIN found none.
    case list(PlannedObject)
}

/// Writes planned objects from a statement's rows as the executor would have completed them.
struct PlannedJSONWriter {
    let result: PostgresResult
    var output: [UInt8] = []

    init(result: PostgresResult, capacity: Int) {
        self.result = result
        output.reserveCapacity(capacity)
    }

    /// The objects in `rows`, one per run of equal keys.
    mutating func writeList(_ object: PlannedObject, rows: Range<Int>) {
        output.append(UInt8(ascii: "["))
        var row = rows.lowerBound
        if row < rows.upperBound, result.isNull(row, object.key) { row = rows.upperBound }
        while row < rows.upperBound {
            let end = endOfObject(object, from: row, within: rows.upperBound)
            if row != rows.lowerBound { output.append(UInt8(ascii: ",")) }
            writeObject(object, rows: row..<end)
            row = end
        }
        output.append(UInt8(ascii: "]"))
    }

    /// The row after the last of the object starting at `row`.
    func endOfObject(_ object: PlannedObject, from row: Int, within upperBound: Int) -> Int {
        var end = row + 1
        while end < upperBound, result.cellsEqual(row, end, column: object.key) { end += 1 }
        return end
    }

    mutating func writeObject(_ object: PlannedObject, rows: Range<Int>) {
        let row = rows.lowerBound
        for (index, field) in object.fields.enumerated() {
            output.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            output.append(contentsOf: field.key)
            switch field.value {
            case .text(let column):
                if result.isNull(row, column) { appendNull() } else { JSONWriter.writeString(utf8: result.bytes(row, column), into: &output) }
            case .enumValue(let column):
                output.append(UInt8(ascii: "\""))
                for byte in result.bytes(row, column) {
                    output.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
                }
                output.append(UInt8(ascii: "\""))
            case .integer(let column):
                if result.isNull(row, column) { appendNull() } else { output.append(contentsOf: result.bytes(row, column)) }
            case .globalID(let type, let column):
                GlobalID.writeJSON(type, uuidText: result.bytes(row, column), into: &output)
            case .constant(let bytes):
                output.append(contentsOf: bytes)
            case .computed(let compute):
                JSONWriter.writeString(compute(result, row), into: &output)
            case .embedded(let child):
                writeObject(child, rows: rows)
            case .optional(let child):
                if result.isNull(row, child.key) { appendNull() } else { writeObject(child, rows: rows) }
            case .list(let child):
                writeList(child, rows: rows)
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    mutating func appendNull() {
        output.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }
}

import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct DecodingTests {
    let database = try! TestCluster.shared.emptyDatabase()

    /// The hand-written UUID text form agrees with Foundation's, both ways, and refuses what is not canonical.
    @Test func uuidTextRoundTripsLikeFoundation() {
        for _ in 0..<500 {
            let id = UUID()
            #expect(id.postgresText == id.uuidString.lowercased())
            #expect(UUID.decode(postgresText: id.postgresText, type: .uuid) == id)
            #expect(UUID.decode(postgresText: id.uuidString, type: .uuid) == id)
        }
        for text in ["", "not-a-uuid", "0c2d4b1e-7f0a-4c1b-9a55-2f3e4d5c6b7", "0c2d4b1e-7f0a-4c1b-9a55-2f3e4d5c6b7a0",
                     "0c2d4b1e7f0a-4c1b-9a55-2f3e4d5c6b7a0", "0c2d4b1e-7f0a-4c1b-9a55-2f3e4d5c6b7g", "0c2d4b1e-7f0a-4c1b-9a55+2f3e4d5c6b7a"] {
            #expect(UUID.decode(postgresText: text, type: .uuid) == nil, "\(text)")
        }
        #expect(UUID.decode(postgresText: "0c2d4b1e-7f0a-4c1b-9a55-2f3e4d5c6b7a", type: .text) == nil)
    }

    /// text[] values as PostgreSQL writes them (quoting, escapes, commas, braces, the word NULL, empty strings)
    /// come back as written; what is not one-dimensional array text of non-NULL elements is refused.
    @Test func textArraysDecodeFromPostgreSQLsOwnText() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        let values = ["plain", "two words", "a,b", #"say "hi""#, #"back\slash"#, "", "NULL", "{braces}", " padded ", "Jalapeño ✓"]
        let row = try connection.query("SELECT \(textArray(values))::text[] AS list, '{}'::text[] AS empty, ARRAY['x']::varchar[] AS varchars")[0]
        #expect(try row.decode("list", as: [String].self) == values)
        #expect(try row.decode("empty", as: [String].self) == [])
        #expect(try row.decode("varchars", as: [String].self) == ["x"])
        for text in ["", "{", "{a", "a}", "{a,}", "{,a}", "{NULL}", "{a,NULL}", "{{a},{b}}", "{\"a}", "[1:1]={a}"] {
            #expect([String].decode(postgresText: text, type: .textArray) == nil, "\(text)")
        }
        #expect([String].decode(postgresText: "{a}", type: .text) == nil)
    }

    @Test func decodesEveryColumnTypeIntoItsSwiftType() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        let row = try connection.query("""
            SELECT 'chips'::text AS text, 42::int AS int, 9007199254740993::bigint AS bigint,
                   12.50::numeric AS numeric, true AS bool,
                   '2026-11-25 20:13:06.25+01'::timestamptz AS timestamptz, '2024-02-29'::date AS date,
                   '6f1c1d9e-7c55-4c1e-9d2b-1a2b3c4d5e6f'::uuid AS uuid, '{"a": [1, 2]}'::jsonb AS jsonb,
                   '\\x00ff10'::bytea AS bytea, NULL::text AS missing
            """)[0]
        #expect(try row.decode("text", as: String.self) == "chips")
        #expect(try row.decode("int", as: Int.self) == 42)
        #expect(try row.decode("bigint", as: Int64.self) == 9_007_199_254_740_993)
        #expect(try row.decode("numeric", as: Decimal.self) == Decimal(string: "12.50"))
        #expect(try row.decode("bool", as: Bool.self) == true)
        #expect(try row.decode("timestamptz", as: Date.self) == Date(timeIntervalSince1970: 1_795_633_986.25))
        #expect(try row.decode("date", as: CalendarDate.self) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(try row.decode("uuid", as: UUID.self) == UUID(uuidString: "6f1c1d9e-7c55-4c1e-9d2b-1a2b3c4d5e6f"))
        #expect(try row.decode("jsonb", as: PostgresJSON.self).text == #"{"a": [1, 2]}"#)
        #expect(try row.decode("bytea", as: PostgresBytes.self).bytes == [0x00, 0xff, 0x10])
        #expect(try row.decode("missing", as: String?.self) == nil)
    }

    @Test func parametersRoundTripWithTheirTypes() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        let moment = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let id = UUID()
        let row = try connection.query(
            "SELECT \(Decimal(string: "1234.5678")!)::numeric AS amount, \(moment)::timestamptz AS at, \(id)::uuid AS id, \(CalendarDate(year: 2026, month: 1, day: 31))::date AS day, \(PostgresBytes([1, 2, 255]))::bytea AS bytes, \(nil)::text AS nothing, \(PostgresJSON(text: #"{"k":"v"}"#))::jsonb AS doc")[0]
        #expect(try row.decode("amount", as: Decimal.self) == Decimal(string: "1234.5678"))
        #expect(abs(try row.decode("at", as: Date.self).timeIntervalSince(moment)) < 0.000_001)
        #expect(try row.decode("id", as: UUID.self) == id)
        #expect(try row.decode("day", as: CalendarDate.self).description == "2026-01-31")
        #expect(try row.decode("bytes", as: PostgresBytes.self).bytes == [1, 2, 255])
        #expect(row.isNull("nothing"))
        #expect(try row.decode("doc", as: PostgresJSON.self).text == #"{"k": "v"}"#)
    }

    @Test func aTypeMismatchNamesTheColumn() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        let row = try connection.query("SELECT 'abc'::text AS label, NULL::int AS count")[0]
        #expect {
            _ = try row.decode("label", as: Int.self)
        } throws: { error in
            String(describing: error) == #"column "label": cannot decode text value "abc" as Int"#
        }
        #expect {
            _ = try row.decode("count", as: Int.self)
        } throws: { error in
            String(describing: error) == #"column "count": is NULL, cannot decode as non-optional Int"#
        }
    }

    @Test func connectsWithKeyValueConninfoOverTheUnixSocket() throws {
        let conninfo = "host=\(TestCluster.shared.socketDirectory.path) dbname=\(database.name) user=postgres"
        let connection = try PostgresConnection(conninfo: conninfo)
        #expect(try connection.query("SELECT current_database() AS name")[0].decode("name", as: String.self) == database.name)
    }

    @Test func aBadConninfoIsAConnectionError() {
        #expect {
            _ = try PostgresConnection(conninfo: "host=/nonexistent dbname=nothing")
        } throws: { error in
            guard case PostgresError.connection(let message)? = error as? PostgresError else { return false }
            return message.contains("/nonexistent")
        }
    }

    @Test func calendarDatesConvertAcrossEpochDays() {
        #expect(CalendarDate(daysSinceUnixEpoch: 0).description == "1970-01-01")
        #expect(CalendarDate(year: 2024, month: 3, day: 1).daysSinceUnixEpoch - CalendarDate(year: 2024, month: 2, day: 28).daysSinceUnixEpoch == 2)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(year: 2026, month: 12, day: 31).adding(days: 1).description == "2027-01-01")
    }
}

import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct PostgresQueryTests {
    @Test func interpolatedValuesBecomeParametersNumberedInOrder() {
        let id = UUID(uuidString: "6F1C5C6E-7C43-4B8E-9D6C-1B2A3C4D5E6F")!
        let name: String? = nil
        let query: PostgresQuery = "UPDATE t SET name = \(name), n = \(42) WHERE id = \(id) RETURNING \(unescaped: "a, b")"
        #expect(query.sql == "UPDATE t SET name = $1, n = $2 WHERE id = $3 RETURNING a, b")
        #expect(query.bindings.map { $0?.postgresText } == [nil, "42", id.postgresText])
    }

    @Test func fragmentsKeepTheirParametersAndAreRenumberedWhereTheyLand() {
        var conditions: PostgresQuery = "a = \("x")"
        conditions += " AND b = \(2)"
        let inner = PostgresQuery.joined(["\(3)::int", "\(4)::int", "5"], separator: ", ")
        let query: PostgresQuery = "SELECT \(1) WHERE \(conditions) AND c IN (\(inner)) LIMIT \(6)"
        #expect(query.sql == "SELECT $1 WHERE a = $2 AND b = $3 AND c IN ($4::int, $5::int, 5) LIMIT $6")
        #expect(query.bindings.map { $0?.postgresText } == ["1", "x", "2", "3", "4", "6"])
        #expect(("SELECT " + PostgresQuery(unescaped: "1")).sql == "SELECT 1")
    }

    @Test func aTextValueIsNeverSQL() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        let hostile = "x'; DROP TABLE pg_class; --"
        let echoed: String = try connection.query("SELECT \(hostile)::text AS v")[0].decode("v")
        #expect(echoed == hostile)
    }

    @Test func aRefusalNamesTheCallSite() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        let line = #line + 2
        do {
            try connection.query("SELECT \("not a number")::int")
            Issue.record("the cast was not refused")
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "22P02")
            #expect(error.serverError?.callSite == "PostgresTests/PostgresQueryTests.swift:\(line)")
            #expect(error.description.hasSuffix("[at PostgresTests/PostgresQueryTests.swift:\(line)]"))
        }
    }
}

@Suite struct PipelinedBeginTests {
    @Test func beginAndTheFirstStatementTravelTogetherAndTheTransactionStaysOpen() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        try connection.execute("CREATE TABLE notes (id int PRIMARY KEY)")
        let rows = try connection.beginTransaction(with: "SELECT \(41)::int + 1 AS answer")
        #expect(try rows[0].decode("answer", as: Int.self) == 42)
        #expect(connection.isInTransaction)
        try connection.query("INSERT INTO notes VALUES (\(1))")
        try connection.finishTransaction(commit: false)
        #expect(try connection.query("SELECT count(*)::int AS n FROM notes")[0].decode("n", as: Int.self) == 0)
    }

    @Test func aRefusedFirstStatementLeavesATransactionToRollBackAndTheConnectionUsable() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        let line = #line + 2
        do {
            try connection.beginTransaction(with: "SELECT \("x")::int AS n")
            Issue.record("the cast was not refused")
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "22P02")
            #expect(error.serverError?.callSite == "PostgresTests/PostgresQueryTests.swift:\(line)")
        }
        #expect(connection.isInTransaction)
        try connection.finishTransaction(commit: false)
        #expect(!connection.isInTransaction)
        // Out of pipeline mode, in no transaction: the next statements run as usual, twice (prepared the second time).
        for _ in 0..<2 { #expect(try connection.query("SELECT \(7)::int AS n")[0].decode("n", as: Int.self) == 7) }
        try connection.beginTransaction(with: "SELECT 1 AS one")
        try connection.finishTransaction(commit: true)
    }

    @Test func aSecondStatementTravelsInTheSameRoundTripAndIsReadAsBytes() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        let (rows, next) = try connection.beginTransaction(
            with: "SELECT set_config('app.note', \("pipelined"), true) AS note",
            then: "SELECT current_setting('app.note') AS note, NULL::text AS nothing, \("é \"q\"")::text AS text")
        #expect(try rows[0].decode("note", as: String.self) == "pipelined")
        // The second statement ran in the transaction the first one's setting lives in.
        let result = try #require(next)
        #expect(result.rowCount == 1 && result.columnCount == 3)
        #expect(result.string(0, 0) == "pipelined")
        #expect(result.isNull(0, 1) && result.string(0, 1) == nil)
        #expect(Array(result.bytes(0, 2)) == Array("é \"q\"".utf8))
        try connection.finishTransaction(commit: true)
    }

    @Test func whenTheFirstStatementIsRefusedTheSecondDoesNotRun() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        try connection.execute("CREATE TABLE notes (id int PRIMARY KEY)")
        #expect(throws: PostgresError.self) {
            try connection.beginTransaction(with: "SELECT \("x")::int AS n", then: "INSERT INTO notes VALUES (\(1)) RETURNING id")
        }
        try connection.finishTransaction(commit: true)
        #expect(try connection.query("SELECT count(*)::int AS n FROM notes")[0].decode("n", as: Int.self) == 0)
        // A refused second statement fails the transaction; the connection stays usable.
        #expect(throws: PostgresError.self) {
            try connection.beginTransaction(with: "SELECT 1 AS one", then: "SELECT \("y")::int AS n")
        }
        try connection.finishTransaction(commit: false)
        #expect(try connection.query("SELECT \(7)::int AS n")[0].decode("n", as: Int.self) == 7)
    }
}

@Suite struct RunTogetherTests {
    @Test func bothStatementsShareOneTransactionThatEndsWithThem() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        try connection.execute("CREATE TABLE notes (id int PRIMARY KEY)")
        let (rows, next) = try connection.runTogether(
            "SELECT set_config('app.note', \("together"), true) AS note, txid_current()::text AS tx",
            then: "INSERT INTO notes VALUES (\(1)) RETURNING current_setting('app.note') AS note, txid_current()::text AS tx")
        #expect(try rows[0].decode("note", as: String.self) == "together")
        // One transaction: the second statement sees the first's setting and has its transaction id.
        #expect(next.string(0, 0) == "together")
        #expect(next.string(0, 1) == (try rows[0].decode("tx", as: String.self)))
        // Ended at the sync point, committed: no transaction open, the setting gone, the row kept.
        #expect(!connection.isInTransaction)
        #expect(try connection.query("SELECT current_setting('app.note', true) AS note")[0].decode("note", as: String?.self) ?? "" == "")
        #expect(try connection.query("SELECT count(*)::int AS n FROM notes")[0].decode("n", as: Int.self) == 1)
    }

    /// `begin_api_request` sets the request's time limits this way: they hold for the statement that follows it.
    @Test func aTimeLimitTheFirstSetsCancelsTheSecond() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        let started = Date()
        do {
            _ = try connection.runTogether("SELECT set_config('statement_timeout', \("100"), true) AS limit", then: "SELECT pg_sleep(\(5)) AS slept")
            Issue.record("the sleep was not cancelled")
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "57014")
        }
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(try connection.query("SELECT current_setting('statement_timeout') AS limit")[0].decode("limit", as: String.self) == "0")
    }

    @Test func aRefusedSecondStatementRollsBackTheFirst() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        try connection.execute("CREATE TABLE notes (id int PRIMARY KEY)")
        let line = #line + 2
        do {
            _ = try connection.runTogether("INSERT INTO notes VALUES (\(1)) RETURNING id", then: "SELECT \("y")::int AS n")
            Issue.record("the cast was not refused")
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "22P02")
            #expect(error.serverError?.callSite == "PostgresTests/PostgresQueryTests.swift:\(line)")
        }
        #expect(!connection.isInTransaction)
        #expect(try connection.query("SELECT count(*)::int AS n FROM notes")[0].decode("n", as: Int.self) == 0)
    }

    @Test func whenTheFirstIsRefusedTheSecondDoesNotRunAndTheConnectionStaysUsable() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        try connection.execute("CREATE TABLE notes (id int PRIMARY KEY)")
        #expect(throws: PostgresError.self) {
            try connection.runTogether("SELECT \("x")::int AS n", then: "INSERT INTO notes VALUES (\(1)) RETURNING id")
        }
        #expect(!connection.isInTransaction)
        #expect(try connection.query("SELECT count(*)::int AS n FROM notes")[0].decode("n", as: Int.self) == 0)
        try connection.beginTransaction(with: "SELECT 1 AS one")
        try connection.finishTransaction(commit: true)
    }
}

import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct StatementTests {
    let database = try! TestCluster.shared.emptyDatabase()

    init() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        try connection.execute("""
            CREATE TABLE brands (id serial PRIMARY KEY, name text NOT NULL UNIQUE CONSTRAINT brands_name_length CHECK (length(name) < 20));
            CREATE TABLE products (id serial PRIMARY KEY, brand_id int NOT NULL REFERENCES brands (id));
            """)
    }

    @Test func constraintViolationsAreDistinguishable() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        try connection.query("INSERT INTO brands (name) VALUES (\("Tasty"))")
        func kind(_ sql: PostgresQuery) -> (PostgresServerError.Kind?, String?) {
            do {
                try connection.query(sql)
                return (nil, nil)
            } catch let error as PostgresError {
                return (error.serverError?.kind, error.serverError?.constraint)
            } catch {
                return (nil, nil)
            }
        }
        let unique = kind("INSERT INTO brands (name) VALUES (\("Tasty"))")
        #expect(unique.0 == .uniqueViolation && unique.1 == "brands_name_key")
        let check = kind("INSERT INTO brands (name) VALUES (\(String(repeating: "x", count: 30)))")
        #expect(check.0 == .checkViolation && check.1 == "brands_name_length")
        let foreignKey = kind("INSERT INTO products (brand_id) VALUES (\(999))")
        #expect(foreignKey.0 == .foreignKeyViolation && foreignKey.1 == "products_brand_id_fkey")
        let notNull = kind("INSERT INTO brands (name) VALUES (\(nil))")
        #expect(notNull.0 == .notNullViolation)
    }

    @Test func aTransactionRollsBackWhenItsBodyThrows() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try connection.withTransaction { connection in
                try connection.query("INSERT INTO brands (name) VALUES (\("Rolled"))")
                throw Abort()
            }
        }
        #expect(try connection.query("SELECT count(*)::int AS n FROM brands WHERE name = \("Rolled")")[0].decode("n", as: Int.self) == 0)
        try connection.withTransaction { try $0.query("INSERT INTO brands (name) VALUES (\("Kept"))") }
        #expect(try connection.query("SELECT count(*)::int AS n FROM brands WHERE name = \("Kept")")[0].decode("n", as: Int.self) == 1)
    }

    /// Raises the server error a conflicting serializable transaction gets.
    static let conflict = "DO $$ BEGIN RAISE EXCEPTION 'simulated conflict' USING ERRCODE = '40001'; END $$"

    @Test func serializationFailuresAreRetried() throws {
        let pool = database.pool()
        var attempts = 0
        try pool.withTransaction(isolation: .serializable, retries: 3) { connection in
            attempts += 1
            try connection.query("INSERT INTO brands (name) VALUES (\("Retried"))")
            if attempts == 1 { try connection.execute(Self.conflict) }
        }
        #expect(attempts == 2)
        let count: Int = try pool.withConnection { try $0.query("SELECT count(*)::int AS n FROM brands WHERE name = 'Retried'")[0].decode("n") }
        #expect(count == 1)
    }

    @Test func exhaustedRetriesSurfaceTheConflict() throws {
        let pool = database.pool()
        var attempts = 0
        #expect {
            try pool.withTransaction(retries: 2) { connection in
                attempts += 1
                try connection.execute(Self.conflict)
            }
        } throws: { error in
            (error as? PostgresError)?.serverError?.kind == .serializationFailure
        }
        #expect(attempts == 3)
    }

    @Test func repeatedStatementsArePreparedOncePerConnection() throws {
        let connection = try PostgresConnection(conninfo: database.url)
        for value in 0..<5 {
            _ = try connection.query("SELECT \(value)::int + 1 AS next")
        }
        _ = try connection.query("SELECT \("x")::text AS other")
        let prepared: Int = try connection.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1%'")[0].decode("n")
        #expect(prepared == 2)
    }
}

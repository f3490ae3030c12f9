import Foundation
import GraphQL
import Postgres
import Testing
import TestSupport
@testable import API

/// The net behind the API's checks: a value the database itself refuses is the caller's input
/// (`BAD_USER_INPUT`), never an internal error.
@Suite struct StoredDataRefusalTests {
    /// The error PostgreSQL answers the statement with, on a migrated database with one organization.
    func serverError(_ statement: (_ organization: UUID) -> PostgresQuery) throws -> PostgresError {
        let database = try TestCluster.shared.migratedDatabase()
        let connection = try PostgresConnection(conninfo: database.url)
        let organization: UUID = try connection.query("INSERT INTO organizations (name) VALUES ('Acme') RETURNING id")[0].decode("id")
        do {
            try connection.query(statement(organization))
        } catch let error as PostgresError {
            return error
        }
        Issue.record("\(statement(organization)) was not refused")
        return .connection("not refused")
    }

    @Test func aCheckViolationIsBadUserInputNamingItsField() throws {
        let error = try serverError {
            "INSERT INTO audiences (organization_id, name, rules) VALUES (\($0), \(String(repeating: "é", count: 256)), '{\"locations\": [\"DE\"]}')"
        }
        let refusal = try #require(StoredDataRefusal.userError(for: error))
        #expect(refusal.graphQLCode == "BAD_USER_INPUT")
        #expect(refusal.graphQLExtensions["field"] == .string("input.name"))
        #expect(refusal.graphQLMessage == "input.name is outside what can be stored (see the limits in the schema's descriptions).")
    }

    @Test func aNulParameterIsBadUserInput() throws {
        let error = try serverError { "INSERT INTO audiences (organization_id, name, rules) VALUES (\($0), \("nul\u{0}byte"), '{}')" }
        let refusal = try #require(StoredDataRefusal.userError(for: error))
        #expect(refusal.graphQLCode == "BAD_USER_INPUT")
        #expect(refusal.graphQLExtensions["field"] == nil)
    }

    @Test func otherDatabaseErrorsStayInternal() throws {
        let error = try serverError { "INSERT INTO audiences (organization_id, name, rules) VALUES (\($0), \("Snackers"), 'not json')" }
        #expect(StoredDataRefusal.userError(for: error) == nil)
        #expect(StoredDataRefusal.userError(for: PostgresError.connection("gone")) == nil)
    }
}

import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct CommandLineTests {
    func campaignd(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try runCommand(TestPaths.campaignd.path, arguments, environment: environment)
    }

    @Test func helpExplainsEveryCommand() throws {
        let top = try campaignd(["--help"])
        #expect(top.status == 0)
        for command in ["serve", "migrate", "organizations create", "graphql", "DATABASE_URL", "CAMPAIGND_SOCKET"] {
            #expect(top.output.contains(command))
        }
        for command in [["serve", "--help"], ["migrate", "--help"], ["organizations", "create", "--help"]] {
            let result = try campaignd(command)
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("usage: campaignd \(command[0])"))
        }
    }

    @Test func usageMistakesAreOneLineAndExitTwo() throws {
        for (arguments, message) in [
            (["serve", "--bogus"], "campaignd: serve: unknown option --bogus (see --help)\n"),
            (["organizations", "create"], "campaignd: organizations create: --name is required (see --help)\n"),
            (["organizations", "create", "--name"], "campaignd: organizations create: --name needs a value\n"),
            (["organizations", "create", "--name", String(repeating: "n", count: 201)],
             "campaignd: organizations create: --name must be at most 200 characters (Unicode code points).\n"),
            (["launch-rockets"], "campaignd: unknown command \"launch-rockets\"; see campaignd --help\n"),
        ] {
            let result = try campaignd(arguments)
            #expect(result.status == 2)
            #expect(result.output == message)
        }
        let badSetting = try campaignd(["serve"], environment: ["CAMPAIGND_THREADS": "lots"])
        #expect(badSetting.status == 2)
        #expect(badSetting.output == "campaignd: CAMPAIGND_THREADS must be an integer in 1...256, got \"lots\"\n")
    }

    @Test func migrateThenCreateAnOrganizationWithAHashedKey() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let environment = ["DATABASE_URL": database.url, "CAMPAIGND_MIGRATIONS": TestPaths.repository.appendingPathComponent("schema/migrations").path]
        let first = try campaignd(["migrate"], environment: environment)
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("campaignd: applied migrations 1"))
        let second = try campaignd(["migrate"], environment: environment)
        #expect(second.output.hasPrefix("campaignd: database is up to date"))

        let created = try campaignd(["organizations", "create", "--name", "Tasty Chips Co."], environment: environment)
        #expect(created.status == 0)
        let key = try #require(created.output.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        #expect(key.hasPrefix("cmk_") && key.count == 68)
        let pool = database.pool()
        let row = try pool.withConnection { connection in
            try connection.query("""
                SELECT o.name, k.key_hash = sha256(convert_to(\(key), 'UTF8')) AS matches, position(\(key) in encode(k.key_hash, 'escape')) AS leaked
                FROM api_keys k JOIN organizations o ON o.id = k.organization_id
                """)[0]
        }
        #expect(try row.decode("name", as: String.self) == "Tasty Chips Co.")
        #expect(try row.decode("matches", as: Bool.self))
        #expect(try row.decode("leaked", as: Int.self) == 0)
    }
}

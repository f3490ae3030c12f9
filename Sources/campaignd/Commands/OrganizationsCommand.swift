import Campaigns
import Foundation
import Postgres

/// `campaignd organizations create --name NAME`: a new tenant and its first API key.
enum OrganizationsCommand {
    static let help = """
        usage: campaignd organizations create --name NAME [--key-file FILE]

        Creates an organization and prints a new API key for it once; only the key's hash is stored.
        With --key-file the key is also written to FILE (mode 0600).

        \(Configuration.environmentHelp)
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let action = arguments.first, action != "--help" else {
            FileHandleOutput.standardOutput(help + "\n")
            return arguments.first == "--help" ? 0 : 2
        }
        guard action == "create" else { throw UsageError("unknown organizations command \"\(action)\"") }
        let options = try CommandOptions(Array(arguments.dropFirst()), command: "organizations create", valued: ["name", "key-file"])
        if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
        let name = try options.required("name", command: "organizations create")
        if let violation = InputLimits.organizationName.violation(of: name, field: "organizations create: --name") { throw UsageError(violation.message) }
        let configuration = try Configuration.fromEnvironment()
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 1)
        let key = APIKeyGenerator.newKey()
        let organizationID: UUID = try pool.withTransaction { connection in
            let id: UUID = try connection.query("INSERT INTO organizations (name) VALUES (\(name)) RETURNING id")[0].decode("id")
            try connection.query(
                "INSERT INTO api_keys (organization_id, key_hash, key_prefix) VALUES (\(id), sha256(convert_to(\(key), 'UTF8')), \(String(key.prefix(12))))")
            return id
        }
        if let file = options.value("key-file") {
            _ = FileManager.default.createFile(atPath: file, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600])
        }
        FileHandleOutput.standardOutput("organization \(organizationID.postgresText) \(name)\napi key \(key)\n")
        return 0
    }
}

/// API keys: a recognizable prefix and 32 random bytes from the system's generator, hex-encoded.
enum APIKeyGenerator {
    static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "cmk_" + bytes.map { String(format: "%02x", $0) }.joined()
    }
}

import Foundation

/// File access for the tool; a missing or unreadable file is the caller's mistake, hence a usage error.
enum ToolFiles {
    static func readText(_ path: String, what: String, command: String) throws(UsageError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "\(command): cannot read \(what) file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "\(command): \(what) file \(path) is not UTF-8 text")
        }
        return text
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}

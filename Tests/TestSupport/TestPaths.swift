import Foundation

/// Where the repository and the built binaries are, seen from a running test.
public enum TestPaths {
    /// The repository's root folder.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The build folder holding the test bundle, and so the `campaignd` built beside it.
    public static let buildProducts: URL = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("campaignd").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug")
    }()

    public static var campaignd: URL { buildProducts.appendingPathComponent("campaignd") }

    public static func script(_ name: String) -> URL {
        repository.appendingPathComponent("scripts").appendingPathComponent(name)
    }

    /// A new temporary folder that the `postgres` and nginx worker users can traverse.
    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return url
    }
}

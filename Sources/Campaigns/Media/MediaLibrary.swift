import Foundation

/// Finds the file behind an uploaded image's public URL, so that a launch can send the image's bytes to a
/// platform instead of a URL the platform would have to fetch: a private deployment's URL is out of its reach.
public struct MediaLibrary: Sendable {
    public let directory: URL
    /// The origin uploads' URLs start with (CAMPAIGND_PUBLIC_URL).
    public let publicOrigin: String

    public init(directory: URL, publicOrigin: String) {
        self.directory = directory
        self.publicOrigin = publicOrigin
    }

    /// The stored file of `url` when it is one of ours (`<origin>/media/<organization>/<uuid>.<ext>`, as
    /// `MediaStore` names them) and still exists; nil for any other URL.
    public func file(for url: String?) -> URL? {
        guard let url, url.hasPrefix(publicOrigin + MediaStore.urlPrefix) else { return nil }
        let parts = url.dropFirst(publicOrigin.count + MediaStore.urlPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, UUID(uuidString: String(parts[0])) != nil else { return nil }
        let name = parts[1].split(separator: ".")
        guard name.count == 2, UUID(uuidString: String(name[0])) != nil,
              ImageFormat.allCases.contains(where: { $0.fileExtension == name[1] }) else { return nil }
        let file = directory.appendingPathComponent(String(parts[0])).appendingPathComponent(String(parts[1]))
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }
}

import Foundation

/// An uploaded image as stored: its path under the media folder (served by nginx at `/media/`).
public struct StoredMedia: Sendable, Equatable {
    /// `/media/<organization>/<random>.jpg`: the URL path nginx serves the file at.
    public var path: String
    public var format: ImageFormat
    public var byteSize: Int
}

/// Why an upload was refused; `field` is the input field.
public enum MediaError: Error, Sendable, Equatable {
    case invalid(field: String, message: String)
}

/// Stores uploaded images in a folder nginx serves, one folder per organization, under names nobody can
/// guess or choose (the uploader's filename is never used as a path).
public struct MediaStore: Sendable {
    public let directory: URL
    public let maximumBytes: Int
    /// The URL prefix nginx serves `directory` at.
    public static let urlPrefix = "/media/"

    public init(directory: URL, maximumBytes: Int = 5 << 20) {
        self.directory = directory
        self.maximumBytes = maximumBytes
    }

    /// Checks the bytes (size, and a JPEG, PNG, GIF or WebP signature matching the declared type) and
    /// writes them to a new file readable by nginx's workers.
    public func store(
        filename: String, contentType: String, base64: String, organizationID: UUID
    ) throws -> StoredMedia {
        let trimmedName = filename.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty {
            throw MediaError.invalid(field: "filename", message: "filename must not be empty.")
        }
        try InputLimits.filename.check(trimmedName, field: "filename", else: MediaError.invalid)
        guard let declared = ImageFormat(contentType: contentType) else {
            throw MediaError.invalid(field: "contentType", message: "Only JPEG, PNG, GIF and WebP images can be uploaded.")
        }
        // 4 base64 characters carry 3 bytes: refuse oversized uploads before decoding them.
        if base64.utf8.count > (maximumBytes + 2) / 3 * 4 + 4 {
            throw tooLarge
        }
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw MediaError.invalid(field: "dataBase64", message: "dataBase64 must be the file's bytes in base64.")
        }
        if data.count > maximumBytes { throw tooLarge }
        guard let actual = ImageFormat.sniff(Array(data.prefix(16))) else {
            throw MediaError.invalid(field: "dataBase64", message: "The file is not a JPEG, PNG, GIF or WebP image.")
        }
        guard actual == declared else {
            throw MediaError.invalid(
                field: "contentType", message: "The file is a \(actual.rawValue.uppercased()) image, not \(contentType).")
        }
        let folderName = organizationID.uuidString.lowercased()
        let folder = directory.appendingPathComponent(folderName, isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let name = UUID().uuidString.lowercased() + "." + actual.fileExtension
        let file = folder.appendingPathComponent(name)
        try data.write(to: file, options: .withoutOverwriting)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        return StoredMedia(path: Self.urlPrefix + folderName + "/" + name, format: actual, byteSize: data.count)
    }

    private var tooLarge: MediaError {
        let limit = maximumBytes % (1 << 20) == 0 ? "\(maximumBytes >> 20) MB" : "\(maximumBytes) bytes"
        return .invalid(field: "dataBase64", message: "The image is larger than \(limit).")
    }
}

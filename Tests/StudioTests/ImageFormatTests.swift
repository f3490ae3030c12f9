import Campaigns
import Foundation
import Testing

/// Uploads are recognized by their bytes, not by what the client declares.
@Suite struct ImageFormatTests {
    @Test func signaturesAreRecognized() throws {
        #expect(ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]) == .jpeg)
        #expect(ImageFormat.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(ImageFormat.sniff(Array("GIF89a....".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("GIF87a....".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)) == nil)
        #expect(ImageFormat.sniff(Array("<svg xmlns=".utf8)) == nil)
        #expect(ImageFormat.sniff([0xFF, 0xD8]) == nil)
        #expect(ImageFormat.sniff([]) == nil)
    }

    @Test func declaredTypesAreNormalized() throws {
        #expect(ImageFormat(contentType: "image/jpeg") == .jpeg)
        #expect(ImageFormat(contentType: "IMAGE/JPG") == .jpeg)
        #expect(ImageFormat(contentType: "image/png; charset=binary") == .png)
        #expect(ImageFormat(contentType: "image/svg+xml") == nil)
        #expect(ImageFormat(contentType: "text/html") == nil)
    }

    @Test func theStoreRefusesWhatItMustAndWritesReadableFiles() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("media-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = MediaStore(directory: folder, maximumBytes: 1000)
        let organization = UUID()
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 20))
        let stored = try store.store(filename: "a.jpg", contentType: "image/jpeg", base64: jpeg.base64EncodedString(), organizationID: organization)
        #expect(stored.format == .jpeg)
        #expect(stored.byteSize == 24)
        #expect(stored.path.hasPrefix("/media/\(organization.uuidString.lowercased())/"))
        #expect(stored.path.hasSuffix(".jpg"))
        let file = folder.appendingPathComponent(String(stored.path.dropFirst("/media/".count)))
        #expect(try Data(contentsOf: file) == jpeg)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o644)

        func refusal(_ body: () throws -> StoredMedia) -> String? {
            do { _ = try body(); return nil } catch MediaError.invalid(let field, _) { return field } catch { return "\(error)" }
        }
        // PNG bytes declared as JPEG, HTML declared as an image, too large, not base64, unsupported type, no name.
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2])
        #expect(refusal { try store.store(filename: "a.jpg", contentType: "image/jpeg", base64: png.base64EncodedString(), organizationID: organization) } == "contentType")
        #expect(refusal { try store.store(filename: "a.jpg", contentType: "image/jpeg", base64: Data("<html>".utf8).base64EncodedString(), organizationID: organization) } == "dataBase64")
        let big = Data([0xFF, 0xD8, 0xFF] + Array(repeating: 0, count: 1000))
        #expect(refusal { try store.store(filename: "a.jpg", contentType: "image/jpeg", base64: big.base64EncodedString(), organizationID: organization) } == "dataBase64")
        #expect(refusal { try store.store(filename: "a.jpg", contentType: "image/jpeg", base64: "", organizationID: organization) } == "dataBase64")
        #expect(refusal { try store.store(filename: "a.svg", contentType: "image/svg+xml", base64: jpeg.base64EncodedString(), organizationID: organization) } == "contentType")
        #expect(refusal { try store.store(filename: " ", contentType: "image/jpeg", base64: jpeg.base64EncodedString(), organizationID: organization) } == "filename")
    }
}

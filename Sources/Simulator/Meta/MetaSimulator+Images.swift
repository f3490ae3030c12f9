import FastCGI
import Foundation

/// `POST act_{id}/adimages` (https://developers.facebook.com/docs/marketing-api/reference/ad-image): the image's
/// bytes in base64 become an image of the account, answered as `{"images": {"bytes": {"hash", "url"}}}`; the
/// same bytes always get the same hash. Creatives use it as `link_data.image_hash`. A `picture` URL is what Meta
/// fetches itself, so the simulator refuses one Meta could not reach (a loopback or private address).
extension MetaSimulator {
    func uploadImage(_ request: SimulatorRequest, accountID: String) throws -> FastCGIResponse {
        let account = try account(accountID)
        guard let text = Self.parameters(request)["bytes"], !text.isEmpty else {
            throw MetaSimulatedError.missing("bytes")
        }
        guard let bytes = Data(base64Encoded: text), Self.isImage(bytes) else {
            throw MetaSimulatedError.invalidParameter(["bytes"], "The image could not be read: send a JPEG, PNG, GIF or WebP file's bytes in base64.", subcode: 1_487_242)
        }
        let hash = Self.contentHash(bytes)
        lock.withLock { images[hash, default: []].insert(account.id) }
        return .simulatorJSON(200, ["images": ["bytes": ["hash": hash, "url": "https://scontent.simulator.example/\(hash).jpg"]]])
    }

    /// `link_data.image_hash` names an image of the account; `picture` is a URL on the public internet.
    func checkImage(_ linkData: [String: Any], accountID: String) throws {
        if let hash = linkData["image_hash"] as? String {
            let known = lock.withLock { images[hash]?.contains(accountID) ?? false }
            guard known else {
                throw MetaSimulatedError.invalidParameter(
                    ["object_story_spec", "link_data", "image_hash"], "Image hash \(hash) is not an image of this ad account: upload it to adimages first.")
            }
        }
        if let picture = linkData["picture"] as? String {
            guard let host = URL(string: picture)?.host?.lowercased(), !Self.isPrivate(host) else {
                throw MetaSimulatedError.invalidParameter(
                    ["object_story_spec", "link_data", "picture"], "The image at \(picture) could not be downloaded: it must be on the public internet.")
            }
        }
    }

    static func isImage(_ bytes: Data) -> Bool {
        let head = Array(bytes.prefix(12))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<offset + signature.count]) == signature
        }
        return starts([0xFF, 0xD8, 0xFF]) || starts([0x89, 0x50, 0x4E, 0x47]) || starts(Array("GIF8".utf8))
            || (starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8))
    }

    /// Hosts Meta's crawler cannot reach: loopback, private and link-local addresses, and local names.
    static func isPrivate(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") { return true }
        let octets = host.split(separator: ".").compactMap { Int($0) }
        if octets.count == 4 {
            switch (octets[0], octets[1]) {
            case (127, _), (10, _), (0, _), (169, 254), (192, 168): return true
            case (172, 16...31): return true
            default: return false
            }
        }
        return host.hasPrefix("[") || host == "::1"
    }

    /// 32 hexadecimal digits from the bytes (Meta's hashes look the same; theirs are MD5, this is two FNV-1a).
    static func contentHash(_ bytes: Data) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = second &+ (second >> 29)
        }
        return String(format: "%016llx%016llx", first, second)
    }
}

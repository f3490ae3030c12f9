/// Standard base64 with padding, of two byte runs back to back (a global id's `Type:` and its uuid text).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func append(_ prefix: [UInt8], _ rest: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let total = prefix.count + rest.count
        func byte(_ index: Int) -> UInt32 { UInt32(index < prefix.count ? prefix[index] : rest[index - prefix.count]) }
        var index = 0
        while index + 3 <= total {
            let triple = byte(index) << 16 | byte(index + 1) << 8 | byte(index + 2)
            output.append(alphabet[Int(triple >> 18 & 63)])
            output.append(alphabet[Int(triple >> 12 & 63)])
            output.append(alphabet[Int(triple >> 6 & 63)])
            output.append(alphabet[Int(triple & 63)])
            index += 3
        }
        let left = total - index
        guard left > 0 else { return }
        let triple = byte(index) << 16 | (left == 2 ? byte(index + 1) << 8 : 0)
        output.append(alphabet[Int(triple >> 18 & 63)])
        output.append(alphabet[Int(triple >> 12 & 63)])
        output.append(left == 2 ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
        output.append(UInt8(ascii: "="))
    }
}

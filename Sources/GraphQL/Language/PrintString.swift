/// Prints a string as a quoted GraphQL string literal, escaping like graphql-js's `printString`:
/// control characters (C0 and C1), `"` and `\`.
public func printString(_ value: String) -> String {
    var output: [UInt8] = [UInt8(ascii: "\"")]
    output.reserveCapacity(value.utf8.count + 2)
    for scalar in value.unicodeScalars {
        let code = scalar.value
        switch code {
        case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x22: output.append(contentsOf: [0x5C, 0x22])
        case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
        case 0x00...0x1F, 0x7F...0x9F:
            output.append(contentsOf: Array("\\u00".utf8))
            let hex = Array("0123456789ABCDEF".utf8)
            output.append(hex[Int(code >> 4)])
            output.append(hex[Int(code & 0xF)])
        default:
            SourceText.appendUTF8(code, to: &output)
        }
    }
    output.append(UInt8(ascii: "\""))
    return String(decoding: output, as: UTF8.self)
}

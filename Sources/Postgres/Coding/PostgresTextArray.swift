/// A `text[]` (or `varchar[]`) column as `[String]`, read from PostgreSQL's array text form
/// (`{a,"b c","say \"hi\""}`): one dimension, no NULL elements. Read byte by byte, since results hold such
/// lists in many rows (a creative's extra headlines) and a JSON decoder per row showed in profiles.
extension Array: PostgresDecodable where Element == String {
    public static func decode(postgresText text: String, type: PostgresType) -> [String]? {
        guard type == .textArray || type == .varcharArray else { return nil }
        var text = text
        return text.withUTF8 { PostgresTextArray.elements(of: $0) }
    }
}

enum PostgresTextArray {
    static func elements(of bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        let count = bytes.count
        guard count >= 2, bytes[0] == UInt8(ascii: "{"), bytes[count - 1] == UInt8(ascii: "}") else { return nil }
        if count == 2 { return [] }
        var elements: [String] = []
        var position = 1
        while true {
            if bytes[position] == UInt8(ascii: "\"") {
                var element: [UInt8] = []
                position += 1
                while position < count - 1, bytes[position] != UInt8(ascii: "\"") {
                    if bytes[position] == UInt8(ascii: "\\") { position += 1 }
                    guard position < count - 1 else { return nil }
                    element.append(bytes[position])
                    position += 1
                }
                guard position < count - 1 else { return nil }
                position += 1
                elements.append(String(decoding: element, as: UTF8.self))
            } else {
                let start = position
                while position < count - 1, bytes[position] != UInt8(ascii: ","), bytes[position] != UInt8(ascii: "}") {
                    guard bytes[position] != UInt8(ascii: "{"), bytes[position] != UInt8(ascii: "\"") else { return nil }
                    position += 1
                }
                let element = UnsafeBufferPointer(rebasing: bytes[start..<position])
                // NULL (unquoted) is no string; an empty unquoted element is not valid array text.
                guard !element.isEmpty, !(element.count == 4 && String(decoding: element, as: UTF8.self).uppercased() == "NULL") else { return nil }
                elements.append(String(decoding: element, as: UTF8.self))
            }
            if position == count - 1 { return elements }
            guard bytes[position] == UInt8(ascii: ",") else { return nil }
            position += 1
        }
    }
}

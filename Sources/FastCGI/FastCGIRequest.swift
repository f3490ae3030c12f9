/// One request as nginx passed it: its FastCGI parameters and its body.
public struct FastCGIRequest: Sendable {
    /// Every parameter nginx sent (`REQUEST_METHOD`, `REQUEST_URI`, `HTTP_*` headers, …).
    public let parameters: [String: String]
    public let body: [UInt8]

    public init(parameters: [String: String], body: [UInt8]) {
        self.parameters = parameters
        self.body = body
    }

    public var method: String { parameters["REQUEST_METHOD"] ?? "GET" }
    /// The path without the query string.
    public var path: String {
        let uri = parameters["DOCUMENT_URI"] ?? parameters["REQUEST_URI"] ?? "/"
        return uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
    }
    public var queryString: String { parameters["QUERY_STRING"] ?? "" }
    public var contentType: String? { parameters["CONTENT_TYPE"].flatMap { $0.isEmpty ? nil : $0 } }

    /// A request header by its HTTP name, case-insensitively (`Authorization`, `Accept`): the CGI name is `HTTP_` and
    /// the name in capitals with `-` as `_`, mapped byte by byte (header names are ASCII).
    public func header(_ name: String) -> String? {
        var key = "HTTP_"
        key.unicodeScalars.append(contentsOf: name.unicodeScalars.map { scalar in
            switch scalar {
            case "-": "_"
            case "a"..."z": Unicode.Scalar(scalar.value - 32)!
            default: scalar
            }
        })
        return parameters[key]
    }

    /// Decoded `name=value` pairs of the query string; later duplicates win.
    public var queryItems: [String: String] {
        var items: [String: String] = [:]
        for pair in queryString.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FastCGIRequest.percentDecode(parts[0]) else { continue }
            items[name] = parts.count > 1 ? FastCGIRequest.percentDecode(parts[1]) ?? "" : ""
        }
        return items
    }

    /// Decodes `application/x-www-form-urlencoded` text (`+` is a space).
    static func percentDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }
}

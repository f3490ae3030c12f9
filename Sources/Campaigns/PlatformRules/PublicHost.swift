import Foundation

/// Whether a landing page's host is reachable from the internet. Both platforms fetch the landing page (Google's
/// review checks that the destination works; Meta's crawler reads it for the link card), and people who click
/// must reach it: an address only this machine or network knows can never serve.
/// Private ranges: RFC 1918 (10/8, 172.16/12, 192.168/16), loopback 127/8 and ::1, link-local 169.254/16 and
/// fe80::/10, unique local fc00::/7, shared 100.64/10 (RFC 6598); names: RFC 6761's special-use `localhost`, `test`, `invalid`, `example`,
/// RFC 6762's `local` and the `internal` zone reserved for private use.
public enum PublicHost {
    static let privateSuffixes = ["localhost", "local", "test", "invalid", "example", "internal", "lan", "home.arpa"]

    /// Why `url`'s host cannot be reached from the internet, or nil when it can (or `url` has no host to judge).
    public static func problem(in url: String) -> String? {
        guard let host = URLComponents(string: url.trimmingCharacters(in: .whitespacesAndNewlines))?.host?.lowercased(),
              !host.isEmpty else { return nil }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        if let octets = ipv4(name) {
            let (a, b) = (octets[0], octets[1])
            let isPrivate = a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b))
            return isPrivate ? "The landing page \(host) is a private address; people and the platforms cannot reach it." : nil
        }
        if name.hasPrefix("[") || name.contains(":") {
            let address = name.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            let isPrivate = address == "::1" || address == "::" || address.hasPrefix("fe80:") || address.hasPrefix("fc") || address.hasPrefix("fd")
            return isPrivate ? "The landing page \(host) is a private address; people and the platforms cannot reach it." : nil
        }
        if !name.contains(".") || privateSuffixes.contains(where: { name == $0 || name.hasSuffix("." + $0) }) {
            return "The landing page \(host) is not a public internet name; people and the platforms cannot reach it."
        }
        return nil
    }

    private static func ipv4(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { part in Int(part).flatMap { (0...255).contains($0) && part.allSatisfy(\.isASCII) ? $0 : nil } }
        return octets.count == 4 ? octets : nil
    }
}

/// graphql-js `suggestionList` + `didYouMean`, used by coercion messages such as
/// `Value "REDD" does not exist in "Color" enum. Did you mean the enum value "RED"?`.
enum Suggestions {
    /// Options close to `input` by case-insensitive Damerau–Levenshtein distance, closest first.
    static func list(_ input: String, options: [String]) -> [String] {
        let threshold = input.utf16.count * 4 / 10 + 1
        let inputLower = Array(input.lowercased().unicodeScalars)
        var scored: [(option: String, distance: Int)] = []
        for option in options {
            if option == input { scored.append((option, 0)); continue }
            let optionLower = Array(option.lowercased().unicodeScalars)
            if optionLower == inputLower { scored.append((option, 1)); continue }
            if let distance = distance(optionLower, inputLower, threshold: threshold) {
                scored.append((option, distance))
            }
        }
        scored.sort { lhs, rhs in
            lhs.distance != rhs.distance ? lhs.distance < rhs.distance : naturalLess(lhs.option, rhs.option)
        }
        return scored.map(\.option)
    }

    /// ` Did you mean "a", "b", or "c"?` (at most five), or empty without suggestions.
    static func didYouMean(_ suggestions: [String], subMessage: String? = nil) -> String {
        if suggestions.isEmpty { return "" }
        var message = " Did you mean "
        if let subMessage { message += subMessage + " " }
        let quoted = suggestions.prefix(5).map { "\"\($0)\"" }
        switch quoted.count {
        case 1: return message + quoted[0] + "?"
        case 2: return message + quoted[0] + " or " + quoted[1] + "?"
        default: return message + quoted.dropLast().joined(separator: ", ") + ", or " + quoted.last! + "?"
        }
    }

    private static func distance(_ a0: [Unicode.Scalar], _ b0: [Unicode.Scalar], threshold: Int) -> Int? {
        var a = a0, b = b0
        if a.count < b.count { swap(&a, &b) }
        if a.count - b.count > threshold { return nil }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: 3)
        for j in 0...b.count { rows[0][j] = j }
        if a.isEmpty { return b.count <= threshold ? b.count : nil }
        for i in 1...a.count {
            let upRow = rows[(i - 1) % 3]
            var current = rows[i % 3]
            current[0] = i
            var smallest = i
            if b.count > 0 {
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var cell = min(upRow[j] + 1, current[j - 1] + 1, upRow[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        cell = min(cell, rows[(i - 2) % 3][j - 2] + 1)
                    }
                    current[j] = cell
                    smallest = min(smallest, cell)
                }
            }
            rows[i % 3] = current
            if smallest > threshold { return nil }
        }
        let d = rows[a.count % 3][b.count]
        return d <= threshold ? d : nil
    }

    /// graphql-js `naturalCompare`: digit runs compare by numeric value (a leading zero is
    /// its own run), otherwise code units compare; ties go to the shorter string.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf16), y = Array(b.utf16)
        var i = 0, j = 0
        func isDigit(_ c: UInt16) -> Bool { c >= 48 && c <= 57 }
        func number(_ s: [UInt16], _ index: inout Int) -> Int {
            var value = 0
            repeat {
                value = value &* 10 &+ Int(s[index] - 48)
                index += 1
            } while index < s.count && isDigit(s[index]) && value > 0
            return value
        }
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                let n1 = number(x, &i), n2 = number(y, &j)
                if n1 != n2 { return n1 < n2 }
            } else {
                if x[i] != y[j] { return x[i] < y[j] }
                i += 1
                j += 1
            }
        }
        return x.count < y.count
    }
}

/// graphql-js `suggestionList`: the options close enough to `input` to be worth suggesting,
/// best first (by edit distance, then `naturalCompare`), each option once. Closeness allows about 40% of the
/// input's length in edits, so short names only match near-identical options.
func suggestionList(_ input: String, _ options: some Sequence<String>) -> [String] {
    let distance = LexicalDistance(input)
    let threshold = distance.inputLength * 4 / 10 + 1
    var scored: [(option: String, distance: Int)] = []
    var seen = Set<String>()
    for option in options where seen.insert(option).inserted {
        if let d = distance.measure(option, threshold: threshold) { scored.append((option, d)) }
    }
    scored.sort { a, b in
        if a.distance != b.distance { return a.distance < b.distance }
        return naturalCompare(a.option, b.option) < 0
    }
    return scored.map(\.option)
}

/// Optimal-string-alignment (Damerau-Levenshtein with adjacent transpositions) distance over
/// UTF-16 code units of the lowercased strings, as graphql-js measures it; a pure case change
/// counts as one edit.
struct LexicalDistance {
    let input: String
    let inputLowercased: String
    let inputUnits: [UInt16]
    var inputLength: Int { input.utf16.count }

    init(_ input: String) {
        self.input = input
        self.inputLowercased = input.lowercased()
        self.inputUnits = Array(inputLowercased.utf16)
    }

    func measure(_ option: String, threshold: Int) -> Int? {
        if option == input { return 0 }
        let optionLowercased = option.lowercased()
        if optionLowercased == inputLowercased { return 1 }
        var a = Array(optionLowercased.utf16)
        var b = inputUnits
        if a.count < b.count { swap(&a, &b) }
        let aLength = a.count
        let bLength = b.count
        if aLength - bLength > threshold { return nil }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: bLength + 1), count: 3)
        for j in 0...bLength { rows[0][j] = j }
        if aLength == 0 { return bLength <= threshold ? bLength : nil }
        for i in 1...aLength {
            let up = (i - 1) % 3
            let current = i % 3
            rows[current][0] = i
            var smallest = i
            if bLength > 0 {
                for j in 1...bLength {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var cell = min(rows[up][j] + 1, rows[current][j - 1] + 1, rows[up][j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        cell = min(cell, rows[(i - 2) % 3][j - 2] + 1)
                    }
                    if cell < smallest { smallest = cell }
                    rows[current][j] = cell
                }
            }
            if smallest > threshold { return nil }
        }
        let result = rows[aLength % 3][bLength]
        return result <= threshold ? result : nil
    }
}

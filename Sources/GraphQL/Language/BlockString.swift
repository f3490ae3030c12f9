/// The spec's BlockStringValue algorithm (§2.9.4): remove the common indentation of all lines
/// but the first, then drop leading and trailing blank lines, and join with `\n`.
/// `rawLines` are the lines between the quotes with `\"""` already unescaped.
func blockStringValue(lines rawLines: [[UInt8]]) -> String {
    var commonIndent = Int.max
    var firstNonEmpty = -1
    var lastNonEmpty = -1
    for (index, line) in rawLines.enumerated() {
        let indent = leadingWhitespace(line)
        if indent == line.count { continue }
        if firstNonEmpty < 0 { firstNonEmpty = index }
        lastNonEmpty = index
        if index != 0 && indent < commonIndent { commonIndent = indent }
    }
    guard firstNonEmpty >= 0 else { return "" }
    var result: [UInt8] = []
    for index in firstNonEmpty...lastNonEmpty {
        if index != firstNonEmpty { result.append(0x0A) }
        let line = rawLines[index]
        if index == 0 || commonIndent == Int.max {
            result.append(contentsOf: line)
        } else if line.count > commonIndent {
            result.append(contentsOf: line[commonIndent...])
        }
    }
    return String(decoding: result, as: UTF8.self)
}

/// Spaces and tabs at the start of a line.
private func leadingWhitespace(_ line: [UInt8]) -> Int {
    var count = 0
    while count < line.count && (line[count] == 0x20 || line[count] == 0x09) { count += 1 }
    return count
}

/// Prints a string as a block string the way graphql-js does: escapes `"""`, and puts the
/// content on its own lines when that reads better or is needed to round-trip.
public func printBlockString(_ value: String) -> String {
    let escaped = value.replacingAll("\"\"\"", with: "\\\"\"\"")
    let lines = splitLines(escaped)
    let isSingleLine = lines.count == 1
    let forceLeadingNewLine = lines.count > 1 && lines.dropFirst().allSatisfy { line in
        line.isEmpty || line.utf8.first == 0x20 || line.utf8.first == 0x09
    }
    let hasTrailingTripleQuotes = escaped.hasSuffix("\\\"\"\"")
    let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
    let hasTrailingSlash = value.hasSuffix("\\")
    let forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash
    let printAsMultipleLines = !isSingleLine || value.utf16.count > 70 || forceTrailingNewLine
        || forceLeadingNewLine || hasTrailingTripleQuotes
    let first = value.utf8.first
    let skipLeadingNewLine = isSingleLine && (first == 0x20 || first == 0x09)
    var result = ""
    if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result += "\n" }
    result += escaped
    if printAsMultipleLines || forceTrailingNewLine { result += "\n" }
    return "\"\"\"" + result + "\"\"\""
}

/// Splits on `\r\n`, `\n` and `\r`, like the spec's line terminators.
private func splitLines(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    let utf8 = text.utf8
    var lineStart = utf8.startIndex
    var index = utf8.startIndex
    while index != utf8.endIndex {
        let byte = utf8[index]
        if byte == 0x0A || byte == 0x0D {
            lines.append(text[lineStart..<index])
            var next = utf8.index(after: index)
            if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            index = next
            lineStart = next
        } else {
            index = utf8.index(after: index)
        }
    }
    lines.append(text[lineStart..<utf8.endIndex])
    return lines
}

fileprivate extension String {
    /// Replaces every occurrence of `target` (non-empty) without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let source = Array(utf8)
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty, source.count >= pattern.count else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        var replaced = false
        while index < source.count {
            if index + pattern.count <= source.count && source[index] == pattern[0]
                && source[index..<index + pattern.count].elementsEqual(pattern) {
                output.append(contentsOf: replacement.utf8)
                index += pattern.count
                replaced = true
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return replaced ? String(decoding: output, as: UTF8.self) : self
    }
}

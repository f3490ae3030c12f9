/// A mistake in how the program was called: reported on one line, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    init(message: String) { self.message = message }
    var description: String { message }
}

/// Parsed `--name value` options and `--flag` switches of one subcommand.
struct Arguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []

    /// Parses `arguments` against the options (taking a value) and flags (taking none) a command accepts.
    init(_ arguments: [String], options: Set<String>, flags allowedFlags: Set<String> = []) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if allowedFlags.contains(name), inlineValue == nil {
                flags.insert(name)
            } else if options.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index + 1 < arguments.count else { throw UsageError("option \(name) needs a value") }
                    index += 1
                    values[name, default: []].append(arguments[index])
                }
            } else if argument.hasPrefix("-") {
                throw UsageError("unknown option \(name)")
            } else {
                throw UsageError("unexpected argument \"\(argument)\"")
            }
            index += 1
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    func required(_ name: String) throws -> String {
        guard let value = value(name) else { throw UsageError("missing required option \(name)") }
        return value
    }

    func isSet(_ flag: String) -> Bool { flags.contains(flag) }
}

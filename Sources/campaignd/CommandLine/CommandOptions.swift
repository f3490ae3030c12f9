/// `--name value` options of one subcommand, parsed strictly: unknown options, missing values,
/// repeated single options and stray arguments are usage errors rather than silently ignored.
struct CommandOptions {
    /// Options that take a value; the set says which may repeat.
    let valued: Set<String>
    let repeatable: Set<String>
    private(set) var values: [String: [String]] = [:]
    private(set) var wantsHelp = false

    init(_ arguments: [String], command: String, valued: Set<String>, repeatable: Set<String> = []) throws(UsageError) {
        self.valued = valued
        self.repeatable = repeatable
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" {
                wantsHelp = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard name.hasPrefix("--"), valued.contains(String(name.dropFirst(2))) else {
                if argument.hasPrefix("-") {
                    throw UsageError(message: "\(command): unknown option \(name) (see --help)")
                }
                throw UsageError(message: "\(command): unexpected argument \(argument) (see --help)")
            }
            let key = String(name.dropFirst(2))
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError(message: "\(command): \(name) needs a value") }
                value = arguments[index]
                index += 1
            }
            if values[key] != nil, !repeatable.contains(key) {
                throw UsageError(message: "\(command): \(name) given more than once")
            }
            values[key, default: []].append(value)
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func required(_ name: String, command: String) throws(UsageError) -> String {
        guard let value = value(name) else { throw UsageError(message: "\(command): --\(name) is required (see --help)") }
        return value
    }
}

/// A mistake in how the program was called: reported on one line, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    init(message: String) { self.message = message }
    var description: String { message }
}

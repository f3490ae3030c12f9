import Foundation

/// The Chrome DevTools protocol over `--remote-debugging-pipe`: JSON messages, each ended by a NUL
/// byte, written to the browser's fd 3 and read from its fd 4. A reader thread matches answers to
/// requests by id and keeps events for whoever waits on them.
final class DevToolsPipe: @unchecked Sendable {
    private let output: FileHandle
    private let lock = NSLock()
    private var nextID = 0
    private var pending: [Int: CheckedContinuation<Message, Error>] = [:]
    private var closedReason: String?
    /// Every event received, oldest first (console messages, exceptions, ...).
    private(set) var events: [[String: Any]] = []

    init(reading input: FileHandle, writing output: FileHandle) {
        self.output = output
        let thread = Thread { [weak self] in Self.readLoop(input, into: self) }
        thread.name = "devtools-pipe"
        thread.start()
    }

    /// Sends a command (to a page when `session` is given) and returns its `result`.
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Double = 30) async throws -> [String: Any] {
        let id: Int = lock.withLock { nextID += 1; return nextID }
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        let data = try JSONSerialization.data(withJSONObject: message) + Data([0])
        let timer = Task { [weak self] in
            try await Task.sleep(for: .seconds(timeout))
            self?.finish(id, with: .failure(BrowserError("\(method) got no answer in \(timeout) s")))
        }
        defer { timer.cancel() }
        let answer = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Message, Error>) in
            let refusal: String? = lock.withLock {
                if let closedReason { return closedReason }
                pending[id] = continuation
                return nil
            }
            if let refusal { return continuation.resume(throwing: BrowserError(refusal)) }
            do {
                try output.write(contentsOf: data)
            } catch {
                finish(id, with: .failure(error))
            }
        }
        return answer.object
    }

    func eventsSnapshot() -> [[String: Any]] { lock.withLock { events } }

    private func finish(_ id: Int, with result: Result<Message, Error>) {
        let continuation = lock.withLock { pending.removeValue(forKey: id) }
        continuation?.resume(with: result)
    }

    private func receive(_ message: [String: Any]) {
        if let id = message["id"] as? Int {
            if let error = message["error"] as? [String: Any] {
                finish(id, with: .failure(BrowserError("DevTools error: \(error["message"] ?? error)")))
            } else {
                finish(id, with: .success(Message(object: message["result"] as? [String: Any] ?? [:])))
            }
        } else {
            lock.withLock { events.append(message) }
        }
    }

    private func close(_ reason: String) {
        let waiting: [CheckedContinuation<Message, Error>] = lock.withLock {
            closedReason = reason
            defer { pending.removeAll() }
            return Array(pending.values)
        }
        waiting.forEach { $0.resume(throwing: BrowserError(reason)) }
    }

    private static func readLoop(_ input: FileHandle, into pipe: DevToolsPipe?) {
        var buffer = Data()
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let end = buffer.firstIndex(of: 0) {
                let messageData = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[buffer.index(after: end)...])
                if let message = try? JSONSerialization.jsonObject(with: messageData) as? [String: Any] {
                    pipe?.receive(message)
                }
            }
        }
        pipe?.close("the browser closed the DevTools pipe")
    }
}

/// A decoded JSON object handed from the reader thread to the waiting task (never shared afterwards).
struct Message: @unchecked Sendable {
    let object: [String: Any]
}

struct BrowserError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

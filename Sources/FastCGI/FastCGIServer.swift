import CFastCGI
import Foundation

/// A FastCGI responder: worker threads, each accepting and answering one request at a time.
///
/// libfcgi's `FCGX_Accept_r` blocks, so the model is a thread per in-flight request; nginx does
/// the connection handling in front.
public final class FastCGIServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// A unix socket path, or `host:port` / `:port` for TCP.
        public var address: String
        public var threads: Int
        /// Bodies larger than this are refused with 413 before they are read.
        public var maximumBodyBytes: Int
        public var backlog: Int

        public init(address: String, threads: Int = 8, maximumBodyBytes: Int = 8 << 20, backlog: Int = 256) {
            self.address = address
            self.threads = threads
            self.maximumBodyBytes = maximumBodyBytes
            self.backlog = backlog
        }
    }

    public typealias Handler = @Sendable (FastCGIRequest) -> FastCGIResponse

    public let configuration: Configuration
    private let handler: Handler
    private var listenSocket: Int32 = -1
    private let finished = DispatchGroup()
    private let stopping = ManagedFlag()

    public init(_ configuration: Configuration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// Opens the socket and starts the worker threads; returns at once.
    public func start() throws {
        guard FCGX_Init() == 0 else { throw FastCGIError.initializationFailed }
        if !configuration.address.contains(":") {
            unlink(configuration.address)
        }
        listenSocket = FCGX_OpenSocket(configuration.address, Int32(configuration.backlog))
        guard listenSocket >= 0 else { throw FastCGIError.cannotListen(configuration.address) }
        if !configuration.address.contains(":") {
            // nginx's workers run as another user; the socket's folder decides who may reach it.
            chmod(configuration.address, 0o666)
        }
        for index in 0..<configuration.threads {
            finished.enter()
            let thread = Thread { [self] in
                acceptLoop()
                finished.leave()
            }
            thread.name = "fastcgi-\(index)"
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// Stops accepting; requests in flight finish. Safe to call from any thread, more than once.
    public func stop() {
        guard stopping.setOnce() else { return }
        FCGX_ShutdownPending()
        // Wakes the threads blocked in accept(2); they see the shutdown and leave their loops.
        shutdown(listenSocket, Int32(SHUT_RDWR))
    }

    /// Blocks until every worker thread has left, then closes the socket.
    public func wait() {
        finished.wait()
        close(listenSocket)
        if !configuration.address.contains(":") {
            unlink(configuration.address)
        }
    }

    private func acceptLoop() {
        var request = FCGX_Request()
        guard FCGX_InitRequest(&request, listenSocket, 0) == 0 else { return }
        while !stopping.isSet, FCGX_Accept_r(&request) >= 0 {
            respond(to: &request)
            FCGX_Finish_r(&request)
        }
        FCGX_Free(&request, 1)
    }

    private func respond(to request: inout FCGX_Request) {
        let parameters = Self.parameters(request.envp)
        let response: FastCGIResponse
        let length = parameters["CONTENT_LENGTH"].flatMap { Int($0) } ?? 0
        if length > configuration.maximumBodyBytes {
            response = .json(413, #"{"errors":[{"message":"Request body is larger than \#(configuration.maximumBodyBytes) bytes.","extensions":{"code":"PAYLOAD_TOO_LARGE"}}]}"#)
        } else {
            let body = Self.readBody(request.in, length: length)
            response = handler(FastCGIRequest(parameters: parameters, body: body))
        }
        write(response, to: request.out)
    }

    private func write(_ response: FastCGIResponse, to stream: UnsafeMutablePointer<FCGX_Stream>?) {
        let head = response.head
        _ = head.withCString { FCGX_PutStr($0, Int32(strlen($0)), stream) }
        response.body.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { _ = FCGX_PutStr($0, Int32(buffer.count), stream) }
        }
    }

    private static func readBody(_ stream: UnsafeMutablePointer<FCGX_Stream>?, length: Int) -> [UInt8] {
        guard length > 0 else { return [] }
        var body = [UInt8](repeating: 0, count: length)
        var received = 0
        body.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: length) { base in
                while received < length {
                    let count = FCGX_GetStr(base + received, Int32(length - received), stream)
                    if count <= 0 { break }
                    received += Int(count)
                }
            }
        }
        return received == length ? body : Array(body[..<received])
    }

    private static func parameters(_ environment: FCGX_ParamArray?) -> [String: String] {
        var parameters: [String: String] = [:]
        guard var cursor = environment else { return parameters }
        // Sized once: about thirty of them, which the dictionary would otherwise grow into through several copies.
        var count = 0
        while cursor[count] != nil { count += 1 }
        parameters.reserveCapacity(count)
        // `NAME=value` C strings: split at the first `=` byte, each side decoded once (invalid UTF-8 repaired).
        while let entry = cursor.pointee {
            let length = strlen(entry)
            entry.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                let all = UnsafeBufferPointer(start: bytes, count: length)
                guard let separator = all.firstIndex(of: UInt8(ascii: "=")) else { return }
                let name = String(decoding: UnsafeBufferPointer(rebasing: all[..<separator]), as: UTF8.self)
                parameters[name] = String(decoding: UnsafeBufferPointer(rebasing: all[(separator + 1)...]), as: UTF8.self)
            }
            cursor += 1
        }
        return parameters
    }
}

public enum FastCGIError: Error, Sendable, CustomStringConvertible {
    case initializationFailed
    case cannotListen(String)

    public var description: String {
        switch self {
        case .initializationFailed: return "libfcgi failed to initialize"
        case .cannotListen(let address): return "cannot listen on \(address)"
        }
    }
}

/// A flag set once, read from any thread.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    /// Sets the flag; true only for the caller that set it first.
    func setOnce() -> Bool {
        lock.withLock {
            defer { value = true }
            return !value
        }
    }
}

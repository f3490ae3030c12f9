import Dispatch
import Synchronization

/// Log lines written in batches, as nginx's `access_log … buffer= flush=` writes its own: a line joins a buffer, and
/// the buffer goes out in one `write` when it passes `capacity` bytes, when `flush()` is called, and at most `interval`
/// seconds after its first line. A system call for every request's line was a tenth of the responder's time on
/// `{ __typename }`. Every write holds whole lines, at most `atomicBytes` of them (a pipe shared with other processes,
/// as journald's or a terminal's, takes a write up to PIPE_BUF whole: 4,096 bytes on Linux) unless one line is longer,
/// and writes go out in the order their lines came; a crash loses at most the last `interval` seconds.
public final class BatchedLogOutput: Sendable {
    private let pending = Mutex<[UInt8]>([])
    /// Held while a batch is written, so that a later batch cannot overtake it.
    private let writing = Mutex<Void>(())
    private let capacity: Int
    private let interval: Double
    private let atomicBytes: Int
    private let write: @Sendable (ArraySlice<UInt8>) -> Void

    public init(capacity: Int = 32 << 10, interval: Double = 0.2, atomicBytes: Int = 4096,
                write: @escaping @Sendable (ArraySlice<UInt8>) -> Void) {
        self.capacity = capacity
        self.interval = interval
        self.atomicBytes = atomicBytes
        self.write = write
    }

    /// Adds one line (its newline is added when missing).
    public func append(_ line: String) {
        let (wasEmpty, isFull) = pending.withLock { buffer in
            let wasEmpty = buffer.isEmpty
            buffer.append(contentsOf: line.utf8)
            if buffer.last != UInt8(ascii: "\n") { buffer.append(UInt8(ascii: "\n")) }
            return (wasEmpty, buffer.count >= capacity)
        }
        if isFull {
            flush()
        } else if wasEmpty {
            DispatchQueue.global().asyncAfter(deadline: .now() + interval) { self.flush() }
        }
    }

    /// Writes what is buffered now.
    public func flush() {
        writing.withLock { _ in
            let batch = pending.withLock { buffer in
                defer { buffer.removeAll(keepingCapacity: true) }
                return buffer
            }
            // Every line ends with a newline: a write ends after the last one within `atomicBytes`, or after the
            // first one when a line alone is longer.
            let newline = UInt8(ascii: "\n")
            var start = 0
            while start < batch.count {
                let window = batch[start..<min(start + atomicBytes, batch.count)]
                let end = (window.lastIndex(of: newline) ?? batch[window.endIndex...].firstIndex(of: newline)!) + 1
                write(batch[start..<end])
                start = end
            }
        }
    }
}

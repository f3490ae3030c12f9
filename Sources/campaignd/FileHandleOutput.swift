import Foundation

/// Whole lines to the standard streams, each with one `write(2)` so lines from several threads never interleave
/// (a pipe takes writes up to PIPE_BUF atomically; log lines are far shorter), without Foundation's buffering.
enum FileHandleOutput {
    static func standardError(_ text: String) { write(text, to: STDERR_FILENO) }

    /// Whole lines already encoded (a batch of them, `BatchedLogOutput`).
    static func standardError(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBufferPointer { write($0, to: STDERR_FILENO) } }

    static func standardOutput(_ text: String) { write(text, to: STDOUT_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write($0, to: descriptor) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

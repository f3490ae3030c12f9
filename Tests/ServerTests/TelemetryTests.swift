import Foundation
import Testing
@testable import Telemetry

/// The Prometheus text format, the JSON log line and the log throttle, on their own.
@Suite struct TelemetryTests {
    @Test func countersAndHistogramsAreWrittenAsPrometheusReadsThem() {
        let registry = MetricsRegistry()
        registry.register(MetricFamily("requests_total", .counter, help: "Requests.\nBy kind."))
        registry.register(MetricFamily("latency_seconds", .histogram, help: "Latency.", buckets: [0.1, 1]))
        registry.increment("requests_total", [("kind", #"a"b\c"#)])
        registry.increment("requests_total", [("kind", #"a"b\c"#)], by: 2)
        registry.observe("latency_seconds", 0.05)
        registry.observe("latency_seconds", 0.5)
        registry.observe("latency_seconds", 7)
        let text = registry.exposition(gauges: [GaugeSample(MetricFamily("queue", .gauge, help: "Depth."), [("k", "x")], 4.5)])
        #expect(text == """
            # HELP latency_seconds Latency.
            # TYPE latency_seconds histogram
            latency_seconds_bucket{le="0.1"} 1
            latency_seconds_bucket{le="1"} 2
            latency_seconds_bucket{le="+Inf"} 3
            latency_seconds_sum 7.55
            latency_seconds_count 3
            # HELP requests_total Requests.\\nBy kind.
            # TYPE requests_total counter
            requests_total{kind="a\\"b\\\\c"} 3
            # HELP queue Depth.
            # TYPE queue gauge
            queue{k="x"} 4.5

            """)
    }

    @Test func aLogLineIsOneLineOfJSONWhateverItHolds() throws {
        let line = JSONLogLine([("event", .string("x")), ("missing", nil), ("text", .string("a\"b\n\u{1}c")), ("n", .integer(3))])
        #expect(line.text.hasSuffix("}\n"))
        #expect(line.text.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.text.utf8)) as? [String: Any])
        #expect(object["text"] as? String == "a\"b\n\u{1}c")
        #expect(object["n"] as? Int == 3)
        #expect(object["missing"] == nil)
    }

    @Test func numbersAreWrittenWithSixDecimalsAsPrintfWritesThem() {
        for value in [0, 1, 0.5, 12.345678, 0.0000004, 0.0000006, 1234.000001, -2.25, -0.0000001, 999_999.999_999_7, 3e11] {
            #expect(JSONLogLine.fixed(value) == String(format: "%.6f", value).replacingOccurrences(of: "-0.000000", with: "0.000000"),
                    "\(value)")
        }
        #expect(JSONLogLine.fixed(.nan) == "null")
        #expect(JSONLogLine.fixed(2e13) == "20000000000000.000000")
    }

    @Test func prometheusLabelValuesAreEscapedOnlyWhenTheyNeedIt() {
        #expect(PrometheusText.labels([("a", "plain"), ("b", "q\"u\\o\nte")]) == #"{a="plain",b="q\"u\\o\nte"}"#)
        #expect(PrometheusText.labels([]) == "")
    }

    @Test func theThrottleLetsOneLineOfAKindThroughPerInterval() {
        let throttle = LogThrottle(interval: 10)
        let start = Date(timeIntervalSince1970: 1_000)
        #expect(throttle.admit("db down", now: start) == 0)
        #expect(throttle.admit("db down", now: start.addingTimeInterval(1)) == nil)
        #expect(throttle.admit("db down", now: start.addingTimeInterval(9)) == nil)
        #expect(throttle.admit("other", now: start.addingTimeInterval(9)) == 0)
        #expect(throttle.admit("db down", now: start.addingTimeInterval(10)) == 2)
        #expect(throttle.admit("db down", now: start.addingTimeInterval(11)) == nil)
    }
}

/// The responder's log lines, written in batches.
@Suite struct BatchedLogOutputTests {
    /// What the output wrote: each batch as it came.
    final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var written: [String] = []
        func append(_ bytes: ArraySlice<UInt8>) { lock.withLock { written.append(String(decoding: bytes, as: UTF8.self)) } }
        var all: [String] { lock.withLock { written } }
    }

    @Test func linesFromManyThreadsArriveWholeOnceEachAndInEachThreadsOrder() {
        let batches = Batches()
        let output = BatchedLogOutput(capacity: 1_000, interval: 60, write: batches.append)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for line in 0..<500 { output.append("{\"thread\":\(thread),\"line\":\(line)}") }
        }
        output.flush()
        #expect(batches.all.count > 10, "full buffers went out on their own: \(batches.all.count) batches")
        #expect(batches.all.allSatisfy { $0.hasSuffix("\n") && $0.utf8.count <= 4096 })
        #expect(batches.all.contains { $0.split(separator: "\n").count > 20 }, "a write gathers many lines")
        let lines = batches.all.joined().split(separator: "\n").map(String.init)
        #expect(lines.count == 8 * 500)
        for thread in 0..<8 {
            let own = lines.filter { $0.hasPrefix("{\"thread\":\(thread),") }
            #expect(own == (0..<500).map { "{\"thread\":\(thread),\"line\":\($0)}" })
        }
    }

    @Test func aWriteStaysWithinAtomicBytesAndALongerLineGoesAlone() {
        let batches = Batches()
        let output = BatchedLogOutput(capacity: 1 << 20, interval: 60, atomicBytes: 10, write: batches.append)
        for line in ["abc", "defg", "a line longer than ten bytes", "xy", "z"] { output.append(line) }
        output.flush()
        #expect(batches.all == ["abc\ndefg\n", "a line longer than ten bytes\n", "xy\nz\n"])
    }

    @Test func aLineWaitsAtMostTheIntervalAndFlushWritesAtOnce() async throws {
        let batches = Batches()
        let output = BatchedLogOutput(capacity: 1 << 20, interval: 0.05, write: batches.append)
        output.append("first")
        output.append("second\n")
        #expect(batches.all.isEmpty, "buffered, not written line by line")
        let deadline = Date().addingTimeInterval(5)
        while batches.all.isEmpty && Date() < deadline { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(batches.all == ["first\nsecond\n"])
        output.append("third")
        output.flush()
        #expect(batches.all == ["first\nsecond\n", "third\n"])
        output.flush()
        #expect(batches.all.count == 2, "nothing buffered, nothing written")
    }
}

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

import Foundation

/// Counters and histograms a process keeps in memory for `GET /metrics`, each series named by its family and
/// labels. Thread-safe: every responder thread records into one registry.
public final class MetricsRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var families: [String: MetricFamily] = [:]
    private var counters: [SeriesKey: Double] = [:]
    private var histograms: [SeriesKey: HistogramValue] = [:]

    public init() {}

    /// Declares a family before use, with its help text (and buckets, for a histogram).
    public func register(_ family: MetricFamily) {
        lock.withLock { families[family.name] = family }
    }

    public func increment(_ name: String, _ labels: [(String, String)] = [], by amount: Double = 1) {
        let key = SeriesKey(name: name, labels: labels)
        lock.withLock { counters[key, default: 0] += amount }
    }

    public func observe(_ name: String, _ value: Double, _ labels: [(String, String)] = []) {
        let key = SeriesKey(name: name, labels: labels)
        lock.withLock {
            guard let buckets = families[name]?.buckets else { return }
            histograms[key, default: HistogramValue(bucketCounts: Array(repeating: 0, count: buckets.count))]
                .record(value, buckets: buckets)
        }
    }

    /// The registry's families in the Prometheus text format (version 0.0.4), followed by `gauges` read at
    /// the time of the scrape.
    public func exposition(gauges: [GaugeSample] = []) -> String {
        var text = ""
        let (families, counters, histograms) = lock.withLock { (self.families, self.counters, self.histograms) }
        for family in families.values.sorted(by: { $0.name < $1.name }) {
            text += family.header
            switch family.kind {
            case .counter:
                for (key, value) in counters.filter({ $0.key.name == family.name }).sorted(by: { $0.key.labelText < $1.key.labelText }) {
                    text += "\(family.name)\(key.labelText) \(PrometheusText.number(value))\n"
                }
            case .histogram:
                let buckets = family.buckets ?? []
                for (key, value) in histograms.filter({ $0.key.name == family.name }).sorted(by: { $0.key.labelText < $1.key.labelText }) {
                    var cumulative = 0
                    for (bound, count) in zip(buckets, value.bucketCounts) {
                        cumulative += count
                        let labels = key.labels + [("le", PrometheusText.number(bound))]
                        text += "\(family.name)_bucket\(PrometheusText.labels(labels)) \(cumulative)\n"
                    }
                    text += "\(family.name)_bucket\(PrometheusText.labels(key.labels + [("le", "+Inf")])) \(value.count)\n"
                    text += "\(family.name)_sum\(key.labelText) \(PrometheusText.number(value.sum))\n"
                    text += "\(family.name)_count\(key.labelText) \(value.count)\n"
                }
            case .gauge:
                break
            }
        }
        var gaugeFamilies: [String] = []
        var samplesByFamily: [String: [GaugeSample]] = [:]
        for sample in gauges {
            if samplesByFamily[sample.family.name] == nil { gaugeFamilies.append(sample.family.name) }
            samplesByFamily[sample.family.name, default: []].append(sample)
        }
        for name in gaugeFamilies {
            let samples = samplesByFamily[name]!
            text += samples[0].family.header
            for sample in samples {
                text += "\(name)\(PrometheusText.labels(sample.labels)) \(PrometheusText.number(sample.value))\n"
            }
        }
        return text
    }
}

/// One labelled series: the family's name and its label pairs in the order given.
struct SeriesKey: Hashable {
    var name: String
    var labelText: String
    var labels: [(String, String)]

    init(name: String, labels: [(String, String)]) {
        self.name = name
        self.labels = labels
        labelText = PrometheusText.labels(labels)
    }

    static func == (lhs: SeriesKey, rhs: SeriesKey) -> Bool { lhs.name == rhs.name && lhs.labelText == rhs.labelText }
    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(labelText)
    }
}

struct HistogramValue {
    var bucketCounts: [Int]
    var sum = 0.0
    var count = 0

    /// Counts `value` in the first bucket whose upper bound holds it (cumulated when written out).
    mutating func record(_ value: Double, buckets: [Double]) {
        sum += value
        count += 1
        if let index = buckets.firstIndex(where: { value <= $0 }) { bucketCounts[index] += 1 }
    }
}

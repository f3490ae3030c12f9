/// A metric's name, kind and help text, as the `# HELP` and `# TYPE` lines of the exposition carry them.
public struct MetricFamily: Sendable {
    public enum Kind: String, Sendable {
        case counter
        case gauge
        case histogram
    }

    public var name: String
    public var kind: Kind
    public var help: String
    /// A histogram's bucket upper bounds, ascending (`+Inf` is added).
    public var buckets: [Double]?

    public init(_ name: String, _ kind: Kind, help: String, buckets: [Double]? = nil) {
        self.name = name
        self.kind = kind
        self.help = help
        self.buckets = buckets
    }

    var header: String {
        "# HELP \(name) \(PrometheusText.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
    }
}

/// A gauge's value read at scrape time (pool in use, queue depth): nothing to keep between scrapes.
public struct GaugeSample: Sendable {
    public var family: MetricFamily
    public var labels: [(String, String)]
    public var value: Double

    public init(_ family: MetricFamily, _ labels: [(String, String)] = [], _ value: Double) {
        self.family = family
        self.labels = labels
        self.value = value
    }
}

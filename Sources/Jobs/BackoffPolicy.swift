import Foundation

/// How long a failed job waits before its next attempt: exponential (`base × 2^(attempt − 1)`) up to
/// `maximumDelay`, with jitter so that jobs that failed together do not all retry in the same instant.
public struct BackoffPolicy: Sendable, Equatable {
    public var baseDelay: Double
    public var maximumDelay: Double
    /// The share of the delay that is random: 0.5 waits between 50 % and 100 % of the exponential delay.
    public var jitter: Double

    public init(baseDelay: Double = 5, maximumDelay: Double = 600, jitter: Double = 0.5) {
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.jitter = min(max(jitter, 0), 1)
    }

    /// Seconds to wait after the `attempt`-th attempt (1-based) failed.
    public func delay(afterAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let exponent = Double(min(max(attempt - 1, 0), 40))
        let full = min(maximumDelay, baseDelay * pow(2, exponent))
        return full * (1 - jitter * random)
    }
}

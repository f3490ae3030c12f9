/// Measures how long one operation takes by repeating it for a fixed wall-clock time.
///
/// A warm-up run first fills caches and lets allocations settle; then batches of doubling size
/// run until the time is used up, so the clock is read rarely and short operations still get
/// millions of repetitions.
struct BenchTimer {
    var seconds: Double

    /// Nanoseconds per call of `operation`.
    func nanosecondsPerOperation(_ operation: () -> Void) -> Double {
        let clock = ContinuousClock()
        let warmUp = Duration.seconds(min(0.2, seconds / 5))
        let warmStart = clock.now
        repeat { operation() } while clock.now - warmStart < warmUp

        let budget = Duration.seconds(seconds)
        var count = 0
        var batch = 1
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < budget {
            for _ in 0..<batch { operation() }
            count += batch
            elapsed = clock.now - start
            if batch < 1024 { batch *= 2 }
        }
        let (wholeSeconds, attoseconds) = elapsed.components
        let nanoseconds = Double(wholeSeconds) * 1e9 + Double(attoseconds) / 1e9
        return nanoseconds / Double(count)
    }
}

/// Keeps a benchmark's result alive so the optimizer cannot drop the work that produced it.
@_optimize(none)
func blackHole<T>(_ value: T) {}

import Foundation

/// Everything the store keeps about one check over one hour or one UTC day.
///
/// Latency fields cover every result that measured a latency (`CheckResult.latencyMs` not nil), whatever
/// its status. Phase sums cover every result with `timings`; divide by `timingCount` (see `meanPhasesMs`).
public struct CheckRollup: Sendable, Hashable {
    public var componentID: String
    public var checkID: String
    public var granularity: RollupGranularity
    /// UTC start of the bucket.
    public var bucketStart: Date

    public var up: Int = 0
    public var degraded: Int = 0
    public var down: Int = 0

    /// Results with a latency.
    public var latencyCount: Int = 0
    public var latencySumMs: Double = 0
    public var latencyMinMs: Double?
    public var latencyMaxMs: Double?
    public var histogram = LatencyHistogram()

    /// Results with phase timings.
    public var timingCount: Int = 0
    /// Sums of the (cumulative) phase timings over `timingCount` results, in ms.
    public var phaseSumsMs = PhaseTimings()

    public init(componentID: String, checkID: String, granularity: RollupGranularity, bucketStart: Date) {
        self.componentID = componentID
        self.checkID = checkID
        self.granularity = granularity
        self.bucketStart = bucketStart
    }

    /// Number of results in the bucket.
    public var results: Int { up + degraded + down }

    public func count(of status: CheckStatus) -> Int {
        switch status {
        case .up: up
        case .degraded: degraded
        case .down: down
        }
    }

    /// Mean latency in ms; nil without latencies.
    public var meanLatencyMs: Double? {
        latencyCount > 0 ? latencySumMs / Double(latencyCount) : nil
    }

    /// Mean cumulative phase timings in ms (for a DNS/connect/TLS/TTFB breakdown); nil without timings.
    public var meanPhasesMs: PhaseTimings? {
        guard timingCount > 0 else { return nil }
        let n = Double(timingCount)
        return PhaseTimings(
            dnsMs: phaseSumsMs.dnsMs / n, connectMs: phaseSumsMs.connectMs / n, tlsMs: phaseSumsMs.tlsMs / n,
            ttfbMs: phaseSumsMs.ttfbMs / n, totalMs: phaseSumsMs.totalMs / n)
    }

    /// Adds one result (the caller picks the bucket).
    public mutating func record(_ result: CheckResult) {
        switch result.status {
        case .up: up += 1
        case .degraded: degraded += 1
        case .down: down += 1
        }
        if let latency = result.latencyMs {
            latencyCount += 1
            latencySumMs += latency
            latencyMinMs = min(latencyMinMs ?? latency, latency)
            latencyMaxMs = max(latencyMaxMs ?? latency, latency)
            histogram.record(ms: latency)
        }
        if let timings = result.timings {
            timingCount += 1
            phaseSumsMs.dnsMs += timings.dnsMs
            phaseSumsMs.connectMs += timings.connectMs
            phaseSumsMs.tlsMs += timings.tlsMs
            phaseSumsMs.ttfbMs += timings.ttfbMs
            phaseSumsMs.totalMs += timings.totalMs
        }
    }
}

import Foundation

/// One point of a response-time series: mean cumulative phase timings over a bucket (for example an hour).
public struct LatencyPoint: Sendable, Hashable {
    /// Start of the bucket.
    public var at: Date
    /// Cumulative milliseconds until DNS, connect, TLS, first byte and total.
    public var timings: PhaseTimings

    public init(at: Date, timings: PhaseTimings) {
        self.at = at
        self.timings = timings
    }
}

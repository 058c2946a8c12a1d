/// Total response-time percentiles over trailing windows; nil where the window holds no data.
public struct LatencyPercentiles: Sendable, Hashable {
    public var h24: Percentiles?
    public var d7: Percentiles?
    public var d30: Percentiles?

    public init(h24: Percentiles? = nil, d7: Percentiles? = nil, d30: Percentiles? = nil) {
        self.h24 = h24
        self.d7 = d7
        self.d30 = d30
    }
}

/// p50, p95 and p99 in milliseconds.
public struct Percentiles: Sendable, Hashable {
    public var p50: Double
    public var p95: Double
    public var p99: Double

    public init(p50: Double, p95: Double, p99: Double) {
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }
}

/// Cumulative milliseconds from the start of a transfer until each phase finished,
/// as libcurl reports them (namelookup, connect, appconnect, starttransfer, total).
public struct PhaseTimings: Sendable, Hashable, Codable {
    public var dnsMs: Double
    public var connectMs: Double
    public var tlsMs: Double
    public var ttfbMs: Double
    public var totalMs: Double

    public init(dnsMs: Double = 0, connectMs: Double = 0, tlsMs: Double = 0, ttfbMs: Double = 0, totalMs: Double = 0) {
        self.dnsMs = dnsMs
        self.connectMs = connectMs
        self.tlsMs = tlsMs
        self.ttfbMs = ttfbMs
        self.totalMs = totalMs
    }
}

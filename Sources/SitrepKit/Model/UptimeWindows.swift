/// Uptime percentages (0...100) over trailing windows; nil where the window holds no data.
public struct UptimeWindows: Sendable, Hashable {
    public var h24: Double?
    public var d7: Double?
    public var d30: Double?
    public var d60: Double?
    public var d90: Double?

    public init(h24: Double? = nil, d7: Double? = nil, d30: Double? = nil, d60: Double? = nil, d90: Double? = nil) {
        self.h24 = h24
        self.d7 = d7
        self.d30 = d30
        self.d60 = d60
        self.d90 = d90
    }
}

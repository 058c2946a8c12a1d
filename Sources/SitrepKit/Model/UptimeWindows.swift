import Foundation

/// Uptime percentages (0...100) over trailing windows; nil where the window holds no data.
public struct UptimeWindows: Sendable, Hashable {
    public var h24: Double?
    public var d7: Double?
    public var d30: Double?
    public var d60: Double?
    public var d90: Double?
    /// When the data begins, if later than the start of the longest window (90 days): the component's first
    /// observation (for a component without checks, the start of what the content declares). A window that
    /// starts before it measures only `[since, now)`, and says so (`covers(windowStart:)`).
    public var since: Date?

    public init(h24: Double? = nil, d7: Double? = nil, d30: Double? = nil, d60: Double? = nil, d90: Double? = nil,
                since: Date? = nil) {
        self.since = since
        self.h24 = h24
        self.d7 = d7
        self.d30 = d30
        self.d60 = d60
        self.d90 = d90
    }
}

extension UptimeWindows {
    /// The start of the data when a window starting at `windowStart` is only partly covered; nil when the
    /// data reaches back to (or before) the window's start.
    public func partialSince(windowStart: Date) -> Date? {
        guard let since, since > windowStart else { return nil }
        return since
    }
}

import Foundation

/// One component at build time: its current status, history and checks.
public struct ComponentModel: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    public var groupID: String?
    /// 1-based index in config order (Statuspage's `position`).
    public var position: Int
    /// The effective status: automatic status raised by unresolved incidents, maintenance applied.
    public var status: ComponentStatus
    /// From the latest check results alone; nil when there is no recent result.
    public var automaticStatus: ComponentStatus?
    /// No result within `stale_after_s`: pages and the own API say "no recent data".
    public var isStale: Bool
    public var lastResultAt: Date?
    public var uptime: UptimeWindows
    /// One bar per day of `history_days`, oldest first.
    public var daily: [DailyBar]
    /// Recent response times, oldest first (for example hourly means over the last 24–48 hours).
    public var responseTimes: [LatencyPoint]
    public var latency: LatencyPercentiles
    /// Checks in config order.
    public var checks: [CheckModel]
    /// Incidents naming this component, newest first.
    public var incidentIDs: [String]
    /// Maintenance windows naming this component, newest first.
    public var maintenanceIDs: [String]
    /// The oldest result ever stored (Statuspage's `created_at`); nil when there is none.
    public var firstSeenAt: Date?
    /// How each probe location sees the component, by name; empty for a site probed from one place.
    public var locations: [LocationStatusModel]

    public init(
        id: String, name: String, description: String? = nil, groupID: String? = nil, position: Int,
        status: ComponentStatus, automaticStatus: ComponentStatus?, isStale: Bool, lastResultAt: Date?,
        uptime: UptimeWindows = UptimeWindows(), daily: [DailyBar] = [], responseTimes: [LatencyPoint] = [],
        latency: LatencyPercentiles = LatencyPercentiles(), checks: [CheckModel] = [],
        incidentIDs: [String] = [], maintenanceIDs: [String] = [], firstSeenAt: Date? = nil,
        locations: [LocationStatusModel] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.groupID = groupID
        self.position = position
        self.status = status
        self.automaticStatus = automaticStatus
        self.isStale = isStale
        self.lastResultAt = lastResultAt
        self.uptime = uptime
        self.daily = daily
        self.responseTimes = responseTimes
        self.latency = latency
        self.checks = checks
        self.incidentIDs = incidentIDs
        self.maintenanceIDs = maintenanceIDs
        self.firstSeenAt = firstSeenAt
        self.locations = locations
    }
}

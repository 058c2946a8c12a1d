import Foundation

/// One day of a component's history (a bar of the daily uptime strip).
public struct DailyBar: Sendable, Hashable {
    /// `YYYY-MM-DD` in the site's time zone.
    public var date: String
    /// Midnight of that day in the site's time zone.
    public var start: Date
    /// Percentage 0...100; nil when the day has no data.
    public var uptime: Double?
    /// The worst status observed that day; nil when there is no data.
    public var worstStatus: ComponentStatus?
    /// Incidents naming the component that were open during the day, newest first.
    public var incidentIDs: [String]
    /// Minutes of maintenance that day; nil when there was none.
    public var maintenanceMinutes: Double?

    public init(date: String, start: Date, uptime: Double?, worstStatus: ComponentStatus?,
                incidentIDs: [String] = [], maintenanceMinutes: Double? = nil) {
        self.date = date
        self.start = start
        self.uptime = uptime
        self.worstStatus = worstStatus
        self.incidentIDs = incidentIDs
        self.maintenanceMinutes = maintenanceMinutes
    }
}

import Foundation

/// How often a component was seen in each automatic status over one hour or one UTC day.
///
/// Every probe run is one observation per component it covered: `ComponentStatus.automatic(from:)` over
/// the statuses of that component's results in that run, bucketed by the run's `startedAt`.
/// Uptime is computed from these counts.
public struct ComponentRollup: Sendable, Hashable {
    public var componentID: String
    public var granularity: RollupGranularity
    /// UTC start of the bucket.
    public var bucketStart: Date

    public var operational: Int = 0
    public var degradedPerformance: Int = 0
    public var partialOutage: Int = 0
    public var majorOutage: Int = 0

    public init(componentID: String, granularity: RollupGranularity, bucketStart: Date) {
        self.componentID = componentID
        self.granularity = granularity
        self.bucketStart = bucketStart
    }

    /// Number of runs observed in the bucket.
    public var observations: Int { operational + degradedPerformance + partialOutage + majorOutage }

    /// Observations in `status` (`underMaintenance` is never observed by probing: 0).
    public func count(of status: ComponentStatus) -> Int {
        switch status {
        case .operational: operational
        case .underMaintenance: 0
        case .degradedPerformance: degradedPerformance
        case .partialOutage: partialOutage
        case .majorOutage: majorOutage
        }
    }

    /// Adds one observation of the component (one run).
    public mutating func record(_ status: ComponentStatus) {
        switch status {
        case .operational, .underMaintenance: operational += 1
        case .degradedPerformance: degradedPerformance += 1
        case .partialOutage: partialOutage += 1
        case .majorOutage: majorOutage += 1
        }
    }
}

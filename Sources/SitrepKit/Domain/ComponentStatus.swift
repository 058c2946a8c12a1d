/// Statuspage's component status enum, ordered from best to worst for "raise to at least".
public enum ComponentStatus: String, Sendable, Codable, CaseIterable {
    case operational
    case underMaintenance = "under_maintenance"
    case degradedPerformance = "degraded_performance"
    case partialOutage = "partial_outage"
    case majorOutage = "major_outage"

    /// Severity for "the worst of": maintenance sits between operational and degraded.
    public var severity: Int {
        switch self {
        case .operational: 0
        case .underMaintenance: 1
        case .degradedPerformance: 2
        case .partialOutage: 3
        case .majorOutage: 4
        }
    }

    /// Words shown next to the icon (status is never colour alone).
    public var label: String {
        switch self {
        case .operational: "Operational"
        case .underMaintenance: "Under Maintenance"
        case .degradedPerformance: "Degraded Performance"
        case .partialOutage: "Partial Outage"
        case .majorOutage: "Major Outage"
        }
    }
}

/// An incident's impact (Statuspage's enum, minus `maintenance`, which only scheduled maintenance carries).
public enum Impact: String, Sendable, Codable, CaseIterable, Comparable {
    case none
    case minor
    case major
    case critical

    private var severity: Int {
        switch self {
        case .none: 0
        case .minor: 1
        case .major: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.severity < rhs.severity }

    /// SPEC.md: an unresolved incident raises each component it names to at least this status.
    public var minimumComponentStatus: ComponentStatus? {
        switch self {
        case .none: nil
        case .minor: .degradedPerformance
        case .major: .partialOutage
        case .critical: .majorOutage
        }
    }
}

/// The stage of an incident update.
public enum IncidentStatus: String, Sendable, Codable, CaseIterable {
    case investigating
    case identified
    case monitoring
    case resolved
}

/// A maintenance window's state, derived from the clock unless cancelled.
public enum MaintenanceState: String, Sendable, Codable, CaseIterable {
    case scheduled
    case inProgress = "in_progress"
    case completed
    case cancelled
}

/// The page-wide indicator of Statuspage's `status` object.
public enum Indicator: String, Sendable, Codable, CaseIterable {
    case none
    case minor
    case major
    case critical
    case maintenance

    public var description: String {
        switch self {
        case .none: "All Systems Operational"
        case .minor: "Partially Degraded Service"
        case .major: "Partial System Outage"
        case .critical: "Major System Outage"
        case .maintenance: "Service Under Maintenance"
        }
    }
}

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

extension ComponentStatus {
    /// SPEC.md's automatic status from the latest result of each of a component's checks:
    /// all down `major_outage`; some down `partial_outage`; any degraded `degraded_performance`;
    /// else `operational`. nil when there is no result at all.
    public static func automatic(from results: some Collection<CheckStatus>) -> ComponentStatus? {
        automatic(results: results.count, down: results.filter { $0 == .down }.count,
                  degraded: results.filter { $0 == .degraded }.count)
    }

    /// The same from counts: `results` latest results, `down` and `degraded` of them in those statuses.
    static func automatic(results: Int, down: Int, degraded: Int) -> ComponentStatus? {
        guard results > 0 else { return nil }
        if down == results { return .majorOutage }
        if down > 0 { return .partialOutage }
        if degraded > 0 { return .degradedPerformance }
        return .operational
    }

    /// The worse of two statuses.
    public func raised(toAtLeast other: ComponentStatus) -> ComponentStatus {
        other.severity > severity ? other : self
    }
}

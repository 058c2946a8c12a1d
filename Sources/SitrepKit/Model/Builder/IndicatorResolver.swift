/// SPEC.md's overall indicator: the worst of the open incidents' impacts and of the components' statuses
/// (any degraded `minor`; any partial or major outage `major`; every component in major outage
/// `critical`); when that is `none` but some component is under maintenance, `maintenance`.
///
/// Stale components count with their `status` (an `operational` baseline unless content changes it); the
/// indicator has no "unknown" value, so pages show staleness per component.
enum IndicatorResolver {
    static func indicator(componentStatuses: [ComponentStatus], openIncidentImpacts: [Impact]) -> Indicator {
        let fromComponents: Impact
        if !componentStatuses.isEmpty, componentStatuses.allSatisfy({ $0 == .majorOutage }) {
            fromComponents = .critical
        } else if componentStatuses.contains(where: { $0 == .majorOutage || $0 == .partialOutage }) {
            fromComponents = .major
        } else if componentStatuses.contains(.degradedPerformance) {
            fromComponents = .minor
        } else {
            fromComponents = .none
        }
        switch max(fromComponents, openIncidentImpacts.max() ?? .none) {
        case .critical: return .critical
        case .major: return .major
        case .minor: return .minor
        case .none: return componentStatuses.contains(.underMaintenance) ? .maintenance : .none
        }
    }
}

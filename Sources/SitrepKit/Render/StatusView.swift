/// A status as pages show it: an icon and a word (never colour alone). `key` names the CSS class
/// (`status-<key>`), `icon` the symbol (`#i-<icon>`); the refresh script writes both back.
struct StatusView {
    var key: String
    var icon: String
    var label: String

    init(key: String, icon: String? = nil, label: String) {
        self.key = key
        self.icon = icon ?? key
        self.label = label
    }

    init(_ status: ComponentStatus) {
        self.init(key: status.rawValue, label: status.label)
    }

    init(_ status: CheckStatus?) {
        switch status {
        case .up: self.init(key: "operational", label: "Up")
        case .degraded: self.init(key: "degraded_performance", label: "Degraded")
        case .down: self.init(key: "major_outage", label: "Down")
        case nil: self.init(key: "stale", label: "No result yet")
        }
    }

    static let noRecentData = StatusView(key: "stale", label: "No recent data")

    /// A component's status; a stale component that would otherwise claim to be up says "No recent data".
    static func of(_ component: ComponentModel) -> StatusView {
        component.isStale && component.status == .operational ? noRecentData : StatusView(component.status)
    }

    /// The banner: the indicator's words with the icon of the matching component status.
    init(_ indicator: Indicator) {
        let icon: ComponentStatus = switch indicator {
        case .none: .operational
        case .minor: .degradedPerformance
        case .major: .partialOutage
        case .critical: .majorOutage
        case .maintenance: .underMaintenance
        }
        self.init(key: icon.rawValue, label: indicator.description)
    }

    init(_ status: IncidentStatus) {
        self.init(key: status == .resolved ? "resolved" : "incident", icon: status == .resolved ? "operational" : "incident",
                  label: status.label)
    }

    init(_ state: MaintenanceState) {
        let icon = switch state {
        case .scheduled: "scheduled"
        case .inProgress: "under_maintenance"
        case .completed: "operational"
        case .cancelled: "cancelled"
        }
        self.init(key: "maintenance-\(state.rawValue)", icon: icon, label: state.label)
    }
}

extension IncidentStatus {
    var label: String {
        switch self {
        case .investigating: "Investigating"
        case .identified: "Identified"
        case .monitoring: "Monitoring"
        case .resolved: "Resolved"
        }
    }
}

extension MaintenanceState {
    var label: String {
        switch self {
        case .scheduled: "Scheduled"
        case .inProgress: "In progress"
        case .completed: "Completed"
        case .cancelled: "Cancelled"
        }
    }
}

extension Impact {
    var label: String {
        switch self {
        case .none: "No impact"
        case .minor: "Minor impact"
        case .major: "Major impact"
        case .critical: "Critical impact"
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension StatusView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "key": .of(key)
        case "icon": .of(icon)
        case "label": .of(label)
        default: .none
        }
    }
}

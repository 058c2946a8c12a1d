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

    /// The labels below are the language's (`status.*`, `check.*`, `indicator.*`, `incident.*`, `maintenance.*`).
    init(_ status: ComponentStatus, _ strings: UIStrings) {
        self.init(key: status.rawValue, label: strings["status.\(status.rawValue)"])
    }

    init(_ status: CheckStatus?, _ strings: UIStrings) {
        switch status {
        case .up: self.init(key: "operational", label: strings["check.up"])
        case .degraded: self.init(key: "degraded_performance", label: strings["check.degraded"])
        case .down: self.init(key: "major_outage", label: strings["check.down"])
        case nil: self.init(key: "stale", label: strings["check.no_result"])
        }
    }

    /// A component's status; a stale component that would otherwise claim to be up says "No recent data".
    static func of(_ component: ComponentModel, _ strings: UIStrings) -> StatusView {
        component.isStale && component.status == .operational
            ? StatusView(key: "stale", label: strings["status.no_recent_data"]) : StatusView(component.status, strings)
    }

    init(_ indicator: Indicator, _ strings: UIStrings) {
        let icon: ComponentStatus = switch indicator {
        case .none: .operational
        case .minor: .degradedPerformance
        case .major: .partialOutage
        case .critical: .majorOutage
        case .maintenance: .underMaintenance
        }
        self.init(key: icon.rawValue, label: strings["indicator.\(indicator.rawValue)"])
    }

    init(_ status: IncidentStatus, _ strings: UIStrings) {
        self.init(key: status == .resolved ? "resolved" : "incident", icon: status == .resolved ? "operational" : "incident",
                  label: strings["incident.\(status.rawValue)"])
    }

    init(_ state: MaintenanceState, _ strings: UIStrings) {
        let icon = switch state {
        case .scheduled: "scheduled"
        case .inProgress: "under_maintenance"
        case .completed: "operational"
        case .cancelled: "cancelled"
        }
        self.init(key: "maintenance-\(state.rawValue)", icon: icon, label: strings["maintenance.\(state.rawValue)"])
    }
}

extension Impact {
    /// `No impact`, `Minor impact`… in the language of `strings`.
    func label(_ strings: UIStrings) -> String { strings["impact.\(rawValue)"] }
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

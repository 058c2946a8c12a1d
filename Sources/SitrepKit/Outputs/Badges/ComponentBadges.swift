import Foundation

/// `badges/<id>.svg` (current status) and `badges/<id>-uptime.svg` (30-day uptime) for every component.
enum ComponentBadges {
    static func documents(_ model: SiteModel, _ strings: UIStrings) -> [String: String] {
        var documents: [String: String] = [:]
        for component in model.components {
            documents["badges/\(component.id).svg"] = status(component, strings).svg()
            documents["badges/\(component.id)-uptime.svg"] = uptime(component, strings).svg()
        }
        return documents
    }

    /// A stale component says "no recent data" in grey, as the pages do. Words are the language's (`badge.*`).
    static func status(_ component: ComponentModel, _ strings: UIStrings) -> Badge {
        if component.isStale {
            return Badge(label: component.name, message: strings["badge.no_recent_data"], color: "#9f9f9f")
        }
        let color = switch component.status {
        case .operational: "#2e8540"
        case .underMaintenance: "#0069b4"
        case .degradedPerformance: "#a86700"
        case .partialOutage: "#c75000"
        case .majorOutage: "#c62828"
        }
        return Badge(label: component.name, message: strings["badge.\(component.status.rawValue)"], color: color)
    }

    static func uptime(_ component: ComponentModel, _ strings: UIStrings) -> Badge {
        let label = strings.text("badge.uptime", ["name": component.name])
        guard let value = component.uptime.d30, value.isFinite else {
            let message = strings["badge.no_data"]
            return Badge(label: label, message: message, color: "#9f9f9f",
                         accessibleName: strings.text("badge.uptime_name", ["label": label, "uptime": message]))
        }
        let message = strings.percent(uptimeText(value))
        let color = switch value {
        case 99.9...: "#2e8540"
        case 99...: "#5a8a00"
        case 95...: "#a86700"
        default: "#c62828"
        }
        return Badge(label: label, message: message, color: color,
                     accessibleName: strings.text("badge.uptime_name", ["label": label, "uptime": message]))
    }

    /// Two decimals, rounded down so 99.999 never reads as a perfect 100%.
    static func uptimeText(_ percent: Double) -> String {
        let clamped = min(max(percent, 0), 100)
        if clamped >= 100 { return "100%" }
        // The small epsilon keeps 99.95 (stored as 99.9499…) from printing as 99.94.
        let hundredths = (clamped * 100 + 1e-7).rounded(.down) / 100
        return DecimalText.fixed(hundredths, decimals: 2) + "%"
    }
}

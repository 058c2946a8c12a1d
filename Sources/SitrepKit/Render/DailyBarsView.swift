import Foundation

/// The daily uptime strip as inline SVG: one `<rect>` per day with a `<title>` naming the date,
/// the uptime (or "No data"), maintenance and incidents.
struct DailyBarsView {
    var viewWidth: Int
    var viewHeight: Int
    var label: String
    var bars: [BarView]
    /// Every bar rendered from `partials/bar`, in order (filled in by `ComponentFragments`).
    var barsMarkup = ""
    /// `90 days ago`.
    var startLabel: String
    var summary: String

    static let viewHeight = 34
    static let barWidth = 3.0
    static let pitch = 5.0

    init(component: ComponentModel, context: RenderContext) {
        let days = component.daily
        viewWidth = max(Int(Double(days.count) * Self.pitch - (Self.pitch - Self.barWidth)), 1)
        viewHeight = Self.viewHeight
        bars = days.enumerated().map { index, day in
            BarView(x: NumberFormat.coordinate(Double(index) * Self.pitch), width: NumberFormat.coordinate(Self.barWidth),
                    height: Self.viewHeight, key: Self.key(of: day), title: Self.title(of: day, context: context))
        }
        let window = days.count == 1 ? "1 day" : "\(days.count) days"
        let observed = days.compactMap(\.uptime)
        let mean = observed.isEmpty ? nil : observed.reduce(0, +) / Double(observed.count)
        summary = mean == nil ? "No data" : "\(NumberFormat.uptime(component.uptime.d90 ?? mean)) uptime"
        label = "\(component.name): daily uptime over the last \(window)"
        startLabel = "\(window) ago"
    }

    static func key(of day: DailyBar) -> String {
        if let worst = day.worstStatus { return worst.rawValue }
        return day.uptime == nil ? "nodata" : ComponentStatus.operational.rawValue
    }

    static func title(of day: DailyBar, context: RenderContext) -> String {
        var lines = [day.uptime == nil && day.worstStatus == nil ? "\(day.date): No data" : "\(day.date): \(NumberFormat.uptime(day.uptime)) uptime"]
        if let worst = day.worstStatus, worst != .operational { lines.append("Worst: \(worst.label)") }
        if let minutes = day.maintenanceMinutes, minutes > 0 { lines.append("Maintenance: \(Int(minutes.rounded())) min") }
        for id in day.incidentIDs {
            lines.append("Incident: \(context.incident(id)?.title ?? id)")
        }
        if day.incidentIDs.isEmpty, day.uptime != nil { lines.append("No incidents") }
        return lines.joined(separator: "\n")
    }
}

/// One day's bar, all `partials/bar` sees. Equal views render equal markup, so `ComponentFragments` renders each
/// distinct one once.
struct BarView: Hashable {
    var x: String
    var width: String
    var height: Int
    var key: String
    var title: String
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension BarView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "x": .of(x)
        case "width": .of(width)
        case "height": .of(height)
        case "key": .of(key)
        case "title": .of(title)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension DailyBarsView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "viewWidth": .of(viewWidth)
        case "viewHeight": .of(viewHeight)
        case "label": .of(label)
        case "bars": .of(bars)
        case "barsMarkup": .of(barsMarkup)
        case "startLabel": .of(startLabel)
        case "summary": .of(summary)
        default: .none
        }
    }
}

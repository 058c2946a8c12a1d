import Foundation

/// The daily uptime strip: one list item per day, coloured by its worst status, each holding the day's details
/// (date, uptime or "No data", worst status, maintenance, incidents), which the theme shows on hover, focus or
/// tap. Today's day is the strip's one Tab stop; the arrow keys move between days (`partials/days-script`). On
/// narrow screens the theme shows only the last `narrowDays` days, with their own start label and summary.
struct DailyBarsView {
    var label: String
    var bars: [BarView]
    /// Every bar rendered from `partials/bar`, in order (filled in by `ComponentFragments`).
    var barsMarkup = ""
    /// `90 days ago`.
    var startLabel: String
    /// Uptime over every day shown.
    var summary: String
    /// What the axis says when only the last `narrowDays` days are shown; nil when there are no more days than that.
    var narrow: NarrowAxis?

    /// How many days a phone shows (as Statuspage does).
    static let narrowDays = 30

    init(component: ComponentModel, context: RenderContext) {
        let days = component.daily
        bars = days.enumerated().map { index, day in
            BarView(key: Self.key(of: day), title: context.barTitle(day), isTabStop: index == days.count - 1)
        }
        let strings = context.strings
        summary = Self.summary(of: days, uptime: component.uptime.d90, strings)
        label = strings.text("bars.label", ["component": component.name, "days": strings.days(days.count)])
        startLabel = strings.text("bars.ago", ["days": strings.days(days.count)])
        narrow = days.count > Self.narrowDays
            ? NarrowAxis(days: Array(days.suffix(Self.narrowDays)), uptime: component.uptime.d30, strings) : nil
    }

    /// `99.95% uptime` (the window's `uptime`, else the mean of the days), or `No data` when no day has any.
    static func summary(of days: [DailyBar], uptime: Double?, _ strings: UIStrings) -> String {
        let observed = days.compactMap(\.uptime)
        guard !observed.isEmpty else { return strings["number.no_data"] }
        return strings.text("bars.uptime", ["uptime": strings.uptime(uptime ?? observed.reduce(0, +) / Double(observed.count))])
    }

    static func key(of day: DailyBar) -> String {
        if let worst = day.worstStatus { return worst.rawValue }
        return day.uptime == nil ? "nodata" : ComponentStatus.operational.rawValue
    }

    static func title(of day: DailyBar, context: RenderContext) -> String {
        let strings = context.strings
        let date = context.time.dayText(day.start)
        var lines = [day.uptime == nil && day.worstStatus == nil ? "\(date): \(strings["number.no_data"])"
            : "\(date): \(strings.text("bars.uptime", ["uptime": strings.uptime(day.uptime)]))"]
        if let worst = day.worstStatus, worst != .operational {
            lines.append(strings.text("bars.worst", ["status": strings["status.\(worst.rawValue)"]]))
        }
        if let minutes = day.maintenanceMinutes, minutes > 0 {
            lines.append(strings.text("bars.maintenance", ["minutes": "\(Int(minutes.rounded()))"]))
        }
        for id in day.incidentIDs {
            lines.append(strings.text("bars.incident", ["title": context.incident(id)?.title ?? id]))
        }
        if day.incidentIDs.isEmpty, day.uptime != nil { lines.append(strings["bars.no_incidents"]) }
        return lines.joined(separator: "\n")
    }
}

/// The strip's axis when a narrow screen shows only its last days: `30 days ago` and their uptime.
struct NarrowAxis {
    var startLabel: String
    var summary: String

    init(days: [DailyBar], uptime: Double?, _ strings: UIStrings) {
        startLabel = strings.text("bars.ago", ["days": strings.days(days.count)])
        summary = DailyBarsView.summary(of: days, uptime: uptime, strings)
    }
}

/// One day's bar, all `partials/bar` sees. Equal views render equal markup, so `ComponentFragments` renders each
/// distinct one once.
struct BarView: Hashable {
    var key: String
    /// The day's details, one per line.
    var title: String
    /// The strip's one Tab stop (today); the other days take focus by tap, click or the arrow keys.
    var isTabStop: Bool
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension BarView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "key": .of(key)
        case "title": .of(title)
        case "isTabStop": .of(isTabStop)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension NarrowAxis: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "startLabel": .of(startLabel)
        case "summary": .of(summary)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension DailyBarsView: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "label": .of(label)
        case "bars": .of(bars)
        case "barsMarkup": .of(barsMarkup)
        case "startLabel": .of(startLabel)
        case "summary": .of(summary)
        case "narrow": .of(narrow)
        default: .none
        }
    }
}

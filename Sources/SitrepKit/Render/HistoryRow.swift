import Foundation

/// One incident or maintenance window in a list (history pages, the index's last days, a component's incidents).
/// Kind (incident, maintenance, cancelled maintenance) and impact are words and an icon, not only a colour.
struct HistoryRow {
    /// `incident`, `maintenance` or `cancelled`.
    var kind: String
    var kindLabel: String
    /// The symbol beside the kind (`#i-<kindIcon>`).
    var kindIcon: String
    var itemTitle: String
    var href: String
    var state: StatusView
    /// `impact-major`, `maintenance` or `maintenance cancelled`: the left border of the row.
    var tone: String
    /// An incident's impact (`Major impact`); nil for maintenance.
    var impactLabel: String?
    var when: TimeView
    var period: String
    var affects: String?

    init(_ item: HistoryItem, root: String, context: RenderContext) {
        href = context.href(item.pagePath, root: root)
        itemTitle = item.title
        when = context.time.view(item.date)
        switch item {
        case .incident(let incident):
            kind = "incident"
            kindLabel = context.strings["history.kind_incident"]
            kindIcon = "incident"
            state = StatusView(incident.status, context.strings)
            tone = "impact-\(incident.impact.rawValue)"
            impactLabel = incident.impact.label(context.strings)
            period = incident.resolvedAt.map {
                context.strings.text("history.resolved_after", ["duration": context.duration(from: incident.startedAt, to: $0)])
            } ?? context.strings["history.ongoing"]
            affects = Self.affects(incident.components, context.strings)
        case .maintenance(let window):
            let cancelled = window.state == .cancelled
            kind = cancelled ? "cancelled" : "maintenance"
            kindLabel = context.strings[cancelled ? "history.kind_cancelled" : "history.kind_maintenance"]
            kindIcon = cancelled ? "cancelled" : "under_maintenance"
            state = StatusView(window.state, context.strings)
            tone = cancelled ? "maintenance cancelled" : "maintenance"
            impactLabel = nil
            // `when` already gives the start; the period says how long the window is.
            period = context.strings.text("history.window", ["duration": context.duration(from: window.scheduledFor, to: window.scheduledUntil)])
            affects = Self.affects(window.components, context.strings)
        }
    }

    static func affects(_ components: [AffectedComponent], _ strings: UIStrings) -> String? {
        components.isEmpty ? nil : strings.text("history.affects", ["components": components.map(\.name).joined(separator: ", ")])
    }
}

/// History rows under a month heading (`November 2026`).
struct MonthGroup {
    var heading: String
    var rows: [HistoryRow]

    /// Groups items (already newest first) by month of the site's time zone, keeping the order.
    static func group(_ items: [HistoryItem], root: String, context: RenderContext) -> [MonthGroup] {
        var groups: [MonthGroup] = []
        for item in items {
            let heading = context.time.monthHeading(item.date)
            let row = HistoryRow(item, root: root, context: context)
            if let last = groups.indices.last, groups[last].heading == heading {
                groups[last].rows.append(row)
            } else {
                groups.append(MonthGroup(heading: heading, rows: [row]))
            }
        }
        return groups
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension HistoryRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "kind": .of(kind)
        case "kindLabel": .of(kindLabel)
        case "kindIcon": .of(kindIcon)
        case "itemTitle": .of(itemTitle)
        case "href": .of(href)
        case "state": .of(state)
        case "tone": .of(tone)
        case "impactLabel": .of(impactLabel)
        case "when": .of(when)
        case "period": .of(period)
        case "affects": .of(affects)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension MonthGroup: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "heading": .of(heading)
        case "rows": .of(rows)
        default: .none
        }
    }
}

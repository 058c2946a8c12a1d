import Foundation

/// One of the index page's last days, Statuspage-style: the incidents that started and the maintenance windows
/// that were due that day (in the site's time zone), newest first, or none ("No incidents reported").
/// Upcoming windows are not past: they stay in "Scheduled maintenance".
struct PastDay {
    /// Midnight starting the day: its `day` text is the heading.
    var date: TimeView
    var rows: [HistoryRow]
    var hasRows: Bool

    /// How many days the index lists, today included (Statuspage's fifteen).
    static let count = 15

    /// Today and the `count - 1` days before it, newest first.
    static func days(root: String, context: RenderContext) -> [PastDay] {
        let model = context.model
        let now = model.generatedAt
        let calendar = context.time.calendar
        let today = calendar.startOfDay(for: now)
        let starts = (0..<count).compactMap { calendar.date(byAdding: .day, value: -$0, to: today) }
        guard let oldest = starts.last else { return [] }
        let past = model.historyItems.filter { item in
            guard item.date >= oldest, item.date <= now else { return false }
            if case .maintenance(let window) = item { return window.state != .scheduled }
            return true
        }
        var days: [PastDay] = []
        var end = Date.distantFuture
        for start in starts {
            let rows = past.filter { $0.date >= start && $0.date < end }.map { HistoryRow($0, root: root, context: context) }
            days.append(PastDay(date: context.time.view(start), rows: rows, hasRows: !rows.isEmpty))
            end = start
        }
        return days
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension PastDay: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "date": .of(date)
        case "rows": .of(rows)
        case "hasRows": .of(hasRows)
        default: .none
        }
    }
}

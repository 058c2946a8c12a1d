import Foundation

extension SiteModel {
    public func component(_ id: String) -> ComponentModel? { components.first { $0.id == id } }

    public func group(_ id: String) -> GroupModel? { groups.first { $0.id == id } }

    public func incident(_ id: String) -> IncidentModel? { incidents.first { $0.id == id } }

    public func maintenanceWindow(_ id: String) -> MaintenanceModel? { maintenance.first { $0.id == id } }

    /// Unresolved incidents, newest first.
    public var activeIncidents: [IncidentModel] { incidents.filter { !$0.isResolved } }

    /// Windows in progress now, soonest end first.
    public var activeMaintenance: [MaintenanceModel] {
        maintenance.filter { $0.state == .inProgress }.sorted { ($0.scheduledUntil, $0.id) < ($1.scheduledUntil, $1.id) }
    }

    /// Windows still to come (not cancelled), soonest first.
    public var upcomingMaintenance: [MaintenanceModel] {
        maintenance.filter { $0.state == .scheduled }.sorted { ($0.scheduledFor, $0.id) < ($1.scheduledFor, $1.id) }
    }

    /// Every incident and maintenance window, newest first (ties by id, so the order is stable).
    public var historyItems: [HistoryItem] {
        let all = incidents.map(HistoryItem.incident) + maintenance.map(HistoryItem.maintenance)
        return all.sorted { ($0.date, $1.id) > ($1.date, $0.id) }
    }

    /// Start of the history window: `history_days` days before `generatedAt`.
    public var historyWindowStart: Date {
        generatedAt.addingTimeInterval(-Double(max(site.historyDays, 0)) * 86_400)
    }

    /// Items within the last `history_days`, newest first (upcoming maintenance included).
    public var recentHistory: [HistoryItem] { historyItems.filter { $0.date >= historyWindowStart } }

    /// Items older than the history window by year of the site's time zone, newest year first.
    public var olderHistoryByYear: [HistoryYear] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = site.timezone
        let older = historyItems.filter { $0.date < historyWindowStart }
        var years: [HistoryYear] = []
        for item in older {
            let year = calendar.component(.year, from: item.date)
            if let last = years.indices.last, years[last].year == year {
                years[last].items.append(item)
            } else {
                years.append(HistoryYear(year: year, items: [item]))
            }
        }
        return years
    }
}

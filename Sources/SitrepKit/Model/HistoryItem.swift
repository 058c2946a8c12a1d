import Foundation

/// An incident or a maintenance window, as history pages and feeds list them.
public enum HistoryItem: Sendable, Hashable, Identifiable {
    case incident(IncidentModel)
    case maintenance(MaintenanceModel)

    /// Unique across both kinds: `incident:<id>` or `maintenance:<id>`.
    public var id: String {
        switch self {
        case .incident(let i): "incident:\(i.id)"
        case .maintenance(let m): "maintenance:\(m.id)"
        }
    }

    public var title: String {
        switch self {
        case .incident(let i): i.title
        case .maintenance(let m): m.title
        }
    }

    /// When it happened: an incident's start, a window's scheduled start.
    public var date: Date {
        switch self {
        case .incident(let i): i.startedAt
        case .maintenance(let m): m.scheduledFor
        }
    }

    /// The page's path relative to the site root: `incidents/<id>.html` or `maintenance/<id>.html`.
    public var pagePath: String {
        switch self {
        case .incident(let i): "incidents/\(i.id).html"
        case .maintenance(let m): "maintenance/\(m.id).html"
        }
    }
}

/// The history items of one calendar year (in the site's time zone).
public struct HistoryYear: Sendable, Hashable {
    public var year: Int
    /// Newest first.
    public var items: [HistoryItem]

    public init(year: Int, items: [HistoryItem]) {
        self.year = year
        self.items = items
    }
}

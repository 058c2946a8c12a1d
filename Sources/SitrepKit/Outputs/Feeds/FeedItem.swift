import Foundation

/// One incident or maintenance window as both feed formats publish it.
struct FeedItem {
    var title: String
    /// Absolute URL of the item's page; also its never-changing guid/id.
    var link: String
    /// When it was first published: an incident's first update; a window's announcement (its oldest update).
    var published: Date
    /// The latest update's date. Never a window's future start: a feed item is dated when something was said.
    var updated: Date
    /// The update timeline as HTML (`FeedContent`); the feed writers escape it as text.
    var contentHTML: String
    /// Plain-text one-liner for RSS readers that show only a summary.
    var summary: String
    var components: [AffectedComponent]

    /// `now`: the build time, which dates a window without updates until it starts (when it was announced is
    /// not written anywhere, and a feed item dated in the future sorts above everything a reader has).
    init(_ item: HistoryItem, links: SiteLinks, display: DisplayTime, strings: UIStrings, now: Date) {
        link = links.page(of: item)
        switch item {
        case .incident(let incident):
            title = incident.title
            published = incident.startedAt
            updated = incident.updatedAt
            components = incident.components
            summary = strings.text("feed.incident_summary", ["status": strings["incident.\(incident.status.rawValue)"],
                                                                     "impact": strings["feed.impact.\(incident.impact.rawValue)"].lowercased()])
            contentHTML = FeedContent.incident(incident, link: link, display: display, words: strings)
        case .maintenance(let maintenance):
            let cancelled = maintenance.state == .cancelled
            title = cancelled ? strings.text("feed.cancelled_title", ["title": maintenance.title]) : maintenance.title
            let announced = min(maintenance.scheduledFor, now)
            published = maintenance.updates.last?.at ?? announced
            updated = maintenance.updates.first?.at ?? announced
            components = maintenance.components
            summary = strings.text("feed.maintenance_summary", [
                "state": FeedContent.stateWord(maintenance.state, strings).lowercased(),
                "from": display(maintenance.scheduledFor), "until": display(maintenance.scheduledUntil)])
            contentHTML = FeedContent.maintenance(maintenance, link: link, display: display, words: strings)
        }
    }

    func names(component id: String) -> Bool { components.contains { $0.id == id } }
}

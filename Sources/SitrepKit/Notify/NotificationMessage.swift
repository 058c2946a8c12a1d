import Foundation

/// The words of one event for people (chat channels): a title, the update's text, a few facts, a link and a
/// colour. Plain text: each chat format escapes it its own way.
struct NotificationMessage: Sendable {
    enum Tone: Sendable { case good, warning, danger, info }

    var title: String
    var text: String
    var facts: [(name: String, value: String)]
    var url: String
    var tone: Tone
    var at: Date

    init(_ event: NotificationEvent, site: NotificationSite) {
        let time = DisplayTime(timeZone: site.timeZone)
        at = event.occurredAt
        switch event.subject {
        case .component(_, let name, let from, let to, let pageURL):
            title = "\(name): \(to.label)"
            text = from.map { "\(name) changed from \($0.label) to \(to.label)." } ?? "\(name) is \(to.label)."
            facts = [("Since", time(event.occurredAt))]
            url = pageURL
            tone = Self.tone(of: to)
        case .notice(let notice):
            let words = notice.status.replacingOccurrences(of: "_", with: " ")
            switch notice.kind {
            case .incident:
                title = "\(Self.kindWord(event.kind)): \(notice.title) (\(words))"
                tone = notice.status == IncidentStatus.resolved.rawValue ? .good
                    : notice.impact == Impact.critical.rawValue || notice.impact == Impact.major.rawValue ? .danger : .warning
                facts = [("Impact", notice.impact), ("Updated", time(notice.updateAt))]
            case .maintenance:
                title = "\(Self.kindWord(event.kind)): \(notice.title)"
                tone = .info
                facts = []
                if let start = notice.scheduledFor, let end = notice.scheduledUntil {
                    facts.append(("Window", "\(time(start)) – \(time(end))"))
                }
            }
            text = notice.updateBody.trimmingCharacters(in: .whitespacesAndNewlines)
            if !notice.components.isEmpty {
                facts.append(("Components", notice.components.map { "\($0.name) (\($0.status.label))" }
                    .joined(separator: ", ")))
            }
            url = notice.pageURL
        }
        if event.kind == .test {
            title = "Test message from \(site.title)"
            text = "This channel receives \(site.title)'s notifications."
            facts = []
            url = site.url
            tone = .info
        }
    }

    private static func kindWord(_ kind: NotificationEventKind) -> String {
        switch kind {
        case .incidentOpened: "New incident"
        case .incidentUpdated: "Incident update"
        case .incidentResolved: "Incident resolved"
        case .maintenanceScheduled: "Maintenance scheduled"
        case .maintenanceStarted: "Maintenance started"
        case .maintenanceCompleted: "Maintenance completed"
        case .maintenanceCancelled: "Maintenance cancelled"
        case .componentStatus: "Status change"
        case .test: "Test"
        }
    }

    private static func tone(of status: ComponentStatus) -> Tone {
        switch status {
        case .operational: .good
        case .underMaintenance: .info
        case .degradedPerformance, .partialOutage: .warning
        case .majorOutage: .danger
        }
    }

    /// `#rrggbb` without the `#`, for the chat formats' accent colours.
    var colorHex: String {
        switch tone {
        case .good: "2e7d32"
        case .warning: "e08700"
        case .danger: "c62828"
        case .info: "1565c0"
        }
    }
}

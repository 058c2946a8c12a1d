import Foundation

/// What the message templates see of one event: plain facts (text, flags, lists), the same for every channel.
/// `headline` is the one-line summary shared by the subject, the text and the SMS.
struct NotificationTemplateValues {
    let headline: String
    /// The page the event is about (component, incident or maintenance page).
    let url: String
    let values: [String: Any]

    init(event: NotificationEvent, site: NotificationSite, unsubscribeURL: String) {
        let display = DisplayTime(timeZone: site.timeZone)
        var values: [String: Any] = [
            "site": ["title": site.title, "url": site.url],
            "kind": event.kind.rawValue,
            "unsubscribeURL": unsubscribeURL,
            "subscribeURL": SiteLinks(siteURL: site.url).absolute("subscribe.html"),
        ]
        switch event.subject {
        case .component(_, let name, let from, let to, let pageURL):
            headline = event.kind == .test
                ? "Test message: notifications reach you" : Self.componentHeadline(name: name, from: from, to: to)
            url = pageURL
            var component: [String: Any] = ["name": name, "to": to.rawValue, "toLabel": to.label, "url": pageURL,
                                            "when": display(event.occurredAt)]
            if let from {
                component["from"] = from.rawValue
                component["fromLabel"] = from.label
            }
            values["component"] = component
        case .notice(let notice):
            headline = Self.noticeHeadline(notice, kind: event.kind)
            url = notice.pageURL
            var fields: [String: Any] = [
                "kind": notice.kind.rawValue, "id": notice.id, "title": notice.title, "status": notice.status,
                "statusLabel": Self.label(notice.status), "impact": notice.impact, "url": notice.pageURL,
                "updateText": notice.updateBody, "updateHTML": Markdown.html(notice.updateBody),
                "when": display(notice.updateAt), "hasComponents": !notice.components.isEmpty,
                "components": notice.components.enumerated().map { index, component in
                    ["id": component.id, "name": component.name, "status": component.status.rawValue,
                     "statusLabel": component.status.label, "last": index == notice.components.count - 1] as [String: Any]
                },
            ]
            if notice.kind == .incident, notice.impact != "none" { fields["impactLabel"] = Self.label(notice.impact) }
            if let start = notice.scheduledFor, let end = notice.scheduledUntil {
                fields["window"] = "\(display(start)) – \(display(end))"
            }
            values["notice"] = fields
        }
        values["isTest"] = event.kind == .test
        values["headline"] = headline
        values["url"] = url
        self.values = values
    }

    private static func componentHeadline(name: String, from: ComponentStatus?, to: ComponentStatus) -> String {
        if to == .operational, from != nil { return "\(name) recovered: Operational" }
        return "\(name): \(to.label)"
    }

    private static func noticeHeadline(_ notice: NotificationNotice, kind: NotificationEventKind) -> String {
        switch kind {
        case .incidentOpened: "New incident: \(notice.title)"
        case .incidentUpdated: "Incident update: \(notice.title)"
        case .incidentResolved: "Resolved: \(notice.title)"
        case .maintenanceScheduled: "Maintenance scheduled: \(notice.title)"
        case .maintenanceStarted: "Maintenance started: \(notice.title)"
        case .maintenanceCompleted: "Maintenance completed: \(notice.title)"
        case .maintenanceCancelled: "Maintenance cancelled: \(notice.title)"
        case .componentStatus: notice.title
        case .test: "Test message: \(notice.title)"
        }
    }

    /// `in_progress` → `In progress`.
    static func label(_ raw: String) -> String {
        let words = raw.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

import Foundation

/// The HTML body of a feed item: a short header and the update timeline, newest first, and, when the event has a
/// body (details, a postmortem), a link to it on the event's page. The body itself is not copied into the feeds:
/// every feed repeats every item of the history window (and a component's feed again), so 1,000 long
/// postmortems of 16 KiB made feeds of 38 MB. Titles and names are escaped here; update messages are the model's
/// already-sanitised HTML.
enum FeedContent {
    static func stateWord(_ state: MaintenanceState) -> String {
        switch state {
        case .scheduled: "Scheduled"
        case .inProgress: "In progress"
        case .completed: "Completed"
        case .cancelled: "Cancelled"
        }
    }

    static func incident(_ incident: IncidentModel, link: String, display: DisplayTime) -> String {
        var html = "<p><strong>Impact:</strong> \(XMLText.escape(incident.impact.rawValue.capitalized))"
            + " · <strong>Status:</strong> \(XMLText.escape(incident.status.rawValue.capitalized))</p>"
        html += componentsLine(incident.components)
        if let rootCause = incident.rootCause {
            html += "<p><strong>Root cause:</strong> \(XMLText.escape(rootCause))</p>"
        }
        for update in incident.updates {
            var heading = "<strong>\(XMLText.escape(update.status.rawValue.capitalized))</strong> – "
                + time(update.at, display)
            if let eta = update.eta { heading += " (ETA \(time(eta, display)))" }
            html += "<p>\(heading)</p>\(update.messageHTML)"
        }
        if incident.bodyHTML != nil { html += detailsLink(link) }
        return html
    }

    static func maintenance(_ maintenance: MaintenanceModel, link: String, display: DisplayTime) -> String {
        var html = ""
        if maintenance.state == .cancelled {
            html += "<p><strong>This maintenance was cancelled.</strong></p>"
        }
        html += "<p><strong>\(stateWord(maintenance.state)):</strong> "
            + "\(time(maintenance.scheduledFor, display)) – \(time(maintenance.scheduledUntil, display))</p>"
        html += componentsLine(maintenance.components)
        for update in maintenance.updates {
            let word = update.state.map(stateWord) ?? "Update"
            html += "<p><strong>\(word)</strong> – \(time(update.at, display))</p>\(update.messageHTML)"
        }
        if maintenance.bodyHTML != nil { html += detailsLink(link) }
        return html
    }

    private static func detailsLink(_ link: String) -> String {
        "<p><a href=\"\(XMLText.escape(link))\">Details on the status page</a></p>"
    }

    private static func componentsLine(_ components: [AffectedComponent]) -> String {
        guard !components.isEmpty else { return "" }
        return "<p><strong>Components:</strong> \(XMLText.escape(components.map(\.name).joined(separator: ", ")))</p>"
    }

    private static func time(_ date: Date, _ display: DisplayTime) -> String {
        "<time datetime=\"\(Timestamp.json(date))\">\(XMLText.escape(display(date)))</time>"
    }
}

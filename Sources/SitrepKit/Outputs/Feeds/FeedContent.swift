import Foundation

/// The HTML body of a feed item: a short header and the update timeline, newest first, and, when the event has a
/// body (details, a postmortem), a link to it on the event's page. The body itself is not copied into the feeds:
/// every feed repeats every item of the history window (and a component's feed again), so 1,000 long
/// postmortems of 16 KiB made feeds of 38 MB. Titles and names are escaped here; update messages are the model's
/// already-sanitised HTML.
enum FeedContent {
    static func stateWord(_ state: MaintenanceState, _ strings: UIStrings) -> String {
        strings["maintenance.\(state.rawValue)"]
    }

    static func incident(_ incident: IncidentModel, link: String, display: DisplayTime, words: UIStrings) -> String {
        var html = "<p><strong>\(XMLText.escape(words["feed.impact_label"]))</strong> "
            + XMLText.escape(words["feed.impact.\(incident.impact.rawValue)"])
            + " · <strong>\(XMLText.escape(words["feed.status_label"]))</strong> "
            + "\(XMLText.escape(words["incident.\(incident.status.rawValue)"]))</p>"
        html += componentsLine(incident.components, words)
        if let rootCause = incident.rootCause {
            html += "<p><strong>\(XMLText.escape(words["feed.root_cause"]))</strong> \(XMLText.escape(rootCause))</p>"
        }
        for update in incident.updates {
            var heading = "<strong>\(XMLText.escape(words["incident.\(update.status.rawValue)"]))</strong> – "
                + time(update.at, display)
            if let eta = update.eta { heading += " " + UIStrings.fill(XMLText.escape(words["feed.eta"]), ["time": time(eta, display)]) }
            html += "<p>\(heading)</p>\(update.messageHTML)"
        }
        if incident.bodyHTML != nil { html += detailsLink(link, words) }
        return html
    }

    static func maintenance(_ maintenance: MaintenanceModel, link: String, display: DisplayTime, words: UIStrings) -> String {
        var html = ""
        if maintenance.state == .cancelled {
            html += "<p><strong>\(XMLText.escape(words["feed.cancelled"]))</strong></p>"
        }
        html += "<p><strong>\(XMLText.escape(stateWord(maintenance.state, words))):</strong> "
            + "\(time(maintenance.scheduledFor, display)) – \(time(maintenance.scheduledUntil, display))</p>"
        html += componentsLine(maintenance.components, words)
        for update in maintenance.updates {
            let word = update.state.map { stateWord($0, words) } ?? words["maintenance.update"]
            html += "<p><strong>\(XMLText.escape(word))</strong> – \(time(update.at, display))</p>\(update.messageHTML)"
        }
        if maintenance.bodyHTML != nil { html += detailsLink(link, words) }
        return html
    }

    private static func detailsLink(_ link: String, _ words: UIStrings) -> String {
        "<p><a href=\"\(XMLText.escape(link))\">\(XMLText.escape(words["feed.details_link"]))</a></p>"
    }

    private static func componentsLine(_ components: [AffectedComponent], _ words: UIStrings) -> String {
        guard !components.isEmpty else { return "" }
        return "<p><strong>\(XMLText.escape(words["feed.components"]))</strong> \(XMLText.escape(components.map(\.name).joined(separator: ", ")))</p>"
    }

    private static func time(_ date: Date, _ display: DisplayTime) -> String {
        "<time datetime=\"\(Timestamp.json(date))\">\(XMLText.escape(display(date)))</time>"
    }
}

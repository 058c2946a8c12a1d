import Foundation

/// The HTML body of a feed item: a short header and the update timeline, newest first. Titles and names are
/// escaped here; update messages and bodies are the model's already-sanitised HTML.
enum FeedContent {
    static func stateWord(_ state: MaintenanceState) -> String {
        switch state {
        case .scheduled: "Scheduled"
        case .inProgress: "In progress"
        case .completed: "Completed"
        case .cancelled: "Cancelled"
        }
    }

    static func incident(_ incident: IncidentModel, display: DisplayTime) -> String {
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
        if let body = incident.bodyHTML { html += body }
        return html
    }

    static func maintenance(_ maintenance: MaintenanceModel, display: DisplayTime) -> String {
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
        if let body = maintenance.bodyHTML { html += body }
        return html
    }

    private static func componentsLine(_ components: [AffectedComponent]) -> String {
        guard !components.isEmpty else { return "" }
        return "<p><strong>Components:</strong> \(XMLText.escape(components.map(\.name).joined(separator: ", ")))</p>"
    }

    private static func time(_ date: Date, _ display: DisplayTime) -> String {
        "<time datetime=\"\(Timestamp.json(date))\">\(XMLText.escape(display(date)))</time>"
    }
}

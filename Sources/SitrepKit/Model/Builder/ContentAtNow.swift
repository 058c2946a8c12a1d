import Foundation

/// The content as it stands at the build's `now`. An update dated after `now` is not yet in effect: every
/// output leaves it out until a build's `now` reaches it, so a `resolved` update written ahead neither
/// resolves the incident nor shows anywhere early, and all outputs agree on the incident's state. An incident
/// none of whose updates has happened yet is left out whole. Maintenance windows stay (scheduled windows are
/// announced ahead); only their updates are cut at `now` the same way.
extension SiteContent {
    func atNow(_ now: Date) -> SiteContent {
        guard incidents.contains(where: { $0.updates.contains { $0.at > now } })
            || maintenance.contains(where: { $0.updates.contains { $0.at > now } })
        else { return self }
        return SiteContent(
            incidents: incidents.compactMap { incident in
                let updates = incident.updates.filter { $0.at <= now }
                guard updates.count != incident.updates.count else { return incident }
                guard !updates.isEmpty else { return nil }
                return Incident(id: incident.id, title: incident.title, impact: incident.impact,
                                components: incident.components, rootCause: incident.rootCause, updates: updates,
                                body: incident.body, sourcePath: incident.sourcePath)
            },
            maintenance: maintenance.map { window in
                let updates = window.updates.filter { $0.at <= now }
                guard updates.count != window.updates.count else { return window }
                return Maintenance(id: window.id, title: window.title, components: window.components,
                                   scheduledFor: window.scheduledFor, scheduledUntil: window.scheduledUntil,
                                   updates: updates, cancelled: window.cancelledInFrontMatter, body: window.body,
                                   sourcePath: window.sourcePath)
            })
    }
}

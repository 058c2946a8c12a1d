import Foundation

/// An incident file as the renderers read it, every message and the body rendered to safe HTML once.
///
/// - `components`: each named component that exists in the config (others are skipped), with its display
///   name and the effect: the explicit status of the map form, else the impact's minimum status, else
///   (impact `none`) `operational`: such an incident informs but changes no component.
/// - `monitoringAt`: the oldest `monitoring` update (when the incident first went into monitoring).
/// - `createdAt` = `startedAt` (oldest update), `updatedAt` = newest update, `resolvedAt` while resolved.
/// - `body`/`bodyHTML`: nil when the body is only whitespace.
enum IncidentModelBuilder {
    static func model(_ incident: Incident, componentNames: [String: String], markdown: RenderedMarkdown = .none) -> IncidentModel {
        let body = ContentText.nonBlank(incident.body)
        return IncidentModel(
            id: incident.id, title: incident.title, impact: incident.impact, status: incident.status,
            components: incident.components.compactMap { reference in
                componentNames[reference.id].map { name in
                    AffectedComponent(id: reference.id, name: name,
                                      status: incident.componentStatus(reference.id) ?? .operational)
                }
            },
            rootCause: incident.rootCause,
            updates: incident.updates.map { update in
                IncidentUpdateModel(at: update.at, status: update.status, eta: update.eta, message: update.message,
                                    messageHTML: markdown.html(update.message))
            },
            body: body, bodyHTML: body.map(markdown.html),
            startedAt: incident.startedAt, updatedAt: incident.updatedAt,
            monitoringAt: incident.updates.last { $0.status == .monitoring }?.at,
            resolvedAt: incident.resolvedAt, createdAt: incident.startedAt)
    }

    /// Newest start first, ties by id.
    static func newestFirst(_ lhs: Incident, _ rhs: Incident) -> Bool {
        lhs.startedAt != rhs.startedAt ? lhs.startedAt > rhs.startedAt : lhs.id < rhs.id
    }
}

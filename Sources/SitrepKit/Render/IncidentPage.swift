import Foundation

/// `incidents/<id>.html`: impact, components, timeline with ETAs, root cause, body.
struct IncidentPage {
    var page: PageChrome
    var incident: IncidentDetail

    init(_ incident: IncidentModel, context: RenderContext) {
        page = context.chrome(path: "incidents/\(incident.id).html", title: incident.title)
        self.incident = IncidentDetail(incident, root: page.root, context: context)
    }
}

struct IncidentDetail {
    var title: String
    var tone: String
    var impactLabel: String
    var state: StatusView
    var affected: [AffectedRow]
    var hasAffected: Bool
    var started: TimeView
    var resolved: TimeView?
    var period: String
    var rootCause: String?
    var updates: [UpdateRow]
    var bodyHTML: String?

    init(_ incident: IncidentModel, root: String, context: RenderContext) {
        title = incident.title
        tone = "impact-\(incident.impact.rawValue)"
        impactLabel = incident.impact.label
        state = StatusView(incident.status)
        affected = incident.components.map { AffectedRow($0, root: root, context: context) }
        hasAffected = !affected.isEmpty
        started = context.time.view(incident.startedAt)
        resolved = context.time.view(incident.resolvedAt)
        period = incident.resolvedAt.map { "Resolved after \(context.duration(from: incident.startedAt, to: $0))" }
            ?? "Ongoing for \(context.duration(from: incident.startedAt, to: context.model.generatedAt))"
        rootCause = incident.rootCause
        updates = incident.updates.map {
            UpdateRow(state: StatusView($0.status), at: context.time.view($0.at), etaAt: context.time.view($0.eta), messageHTML: $0.messageHTML)
        }
        bodyHTML = incident.bodyHTML
    }
}

/// A component named by an incident or maintenance window, linked to its page, with the effect.
struct AffectedRow {
    var name: String
    var href: String?
    var effect: StatusView

    init(_ affected: AffectedComponent, root: String, context: RenderContext) {
        name = affected.name
        href = context.component(affected.id) == nil ? nil : context.href("components/\(affected.id).html", root: root)
        effect = StatusView(affected.status)
    }
}

/// One entry of a timeline, newest first.
struct UpdateRow {
    var state: StatusView
    var at: TimeView
    var etaAt: TimeView?
    var messageHTML: String
}

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
        impactLabel = incident.impact.label(context.strings)
        state = StatusView(incident.status, context.strings)
        affected = incident.components.map { AffectedRow($0, root: root, context: context) }
        hasAffected = !affected.isEmpty
        started = context.time.view(incident.startedAt)
        resolved = context.time.view(incident.resolvedAt)
        period = incident.resolvedAt.map {
            context.strings.text("history.resolved_after", ["duration": context.duration(from: incident.startedAt, to: $0)])
        } ?? context.strings.text("incident.ongoing_for", ["duration": context.duration(from: incident.startedAt, to: context.model.generatedAt)])
        rootCause = incident.rootCause
        updates = incident.updates.map {
            UpdateRow(state: StatusView($0.status, context.strings), at: context.time.view($0.at), etaAt: context.time.view($0.eta), messageHTML: $0.messageHTML)
        }
        bodyHTML = incident.bodyHTML
    }
}

/// A component named by an incident or maintenance window, linked to its page, with the effect.
struct AffectedRow {
    var name: String
    var href: String?
    /// nil when the event gives the component no status (a cancelled maintenance window).
    var effect: StatusView?

    init(_ affected: AffectedComponent, root: String, context: RenderContext) {
        name = affected.name
        href = context.component(affected.id) == nil ? nil : context.href("components/\(affected.id).html", root: root)
        effect = affected.status.map { StatusView($0, context.strings) }
    }
}

/// One entry of a timeline, newest first.
struct UpdateRow {
    var state: StatusView
    var at: TimeView
    var etaAt: TimeView?
    var messageHTML: String
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension AffectedRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "name": .of(name)
        case "href": .of(href)
        case "effect": .of(effect)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension IncidentDetail: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "title": .of(title)
        case "tone": .of(tone)
        case "impactLabel": .of(impactLabel)
        case "state": .of(state)
        case "affected": .of(affected)
        case "hasAffected": .of(hasAffected)
        case "started": .of(started)
        case "resolved": .of(resolved)
        case "period": .of(period)
        case "rootCause": .of(rootCause)
        case "updates": .of(updates)
        case "bodyHTML": .of(bodyHTML)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension IncidentPage: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "page": .of(page)
        case "incident": .of(incident)
        default: .none
        }
    }
}

// What a template sees of this view: every stored property by its name (`PageView`).
extension UpdateRow: PageView {
    func value(named requested: String) -> ViewValue {
        switch requested {
        case "state": .of(state)
        case "at": .of(at)
        case "etaAt": .of(etaAt)
        case "messageHTML": .of(messageHTML)
        default: .none
        }
    }
}

import Foundation

/// Atlassian Statuspage's public API v2 under `api/v2/`: the same envelopes, field names and enum values, so
/// existing Statuspage clients, exporters and widgets read the site unchanged.
struct StatuspageAPI {
    /// Statuspage's list endpoints return at most this many items.
    static let listLimit = 50

    let model: SiteModel
    let links: SiteLinks
    let pageID: String
    let components: StatuspageComponents

    let strings: UIStrings

    init(model: SiteModel, links: SiteLinks, strings: UIStrings) {
        self.model = model
        self.links = links
        self.strings = strings
        pageID = StableID.of(links.base)
        components = StatuspageComponents(model: model, pageID: pageID)
    }

    /// Relative path → document.
    func documents() -> [String: JSONValue] {
        let page = pageObject
        let status = statusObject
        // Two documents list every component: written once.
        let allComponents = JSONValue.array(components.all).written
        let incidents = model.incidents.prefix(Self.listLimit).map(incidentObject)
        let unresolved = model.activeIncidents.map(incidentObject)
        let published = model.maintenance.filter { $0.state != .cancelled }
        let upcoming = model.upcomingMaintenance.map(maintenanceObject)
        let active = model.activeMaintenance.map(maintenanceObject)
        return [
            "api/v2/summary.json": .object([
                "page": page, "status": status, "components": allComponents,
                "incidents": .array(unresolved), "scheduled_maintenances": .array(active + upcoming),
            ]),
            "api/v2/status.json": .object(["page": page, "status": status]),
            "api/v2/components.json": .object(["page": page, "components": allComponents]),
            "api/v2/incidents.json": .object(["page": page, "incidents": .array(incidents)]),
            "api/v2/incidents/unresolved.json": .object(["page": page, "incidents": .array(unresolved)]),
            "api/v2/scheduled-maintenances.json": .object([
                "page": page,
                "scheduled_maintenances": .array(published.prefix(Self.listLimit).map(maintenanceObject)),
            ]),
            "api/v2/scheduled-maintenances/upcoming.json": .object(["page": page, "scheduled_maintenances": .array(upcoming)]),
            "api/v2/scheduled-maintenances/active.json": .object(["page": page, "scheduled_maintenances": .array(active)]),
        ]
    }

    var pageObject: JSONValue {
        .object([
            "id": .string(pageID),
            "name": .string(model.site.title),
            "url": .string(links.base),
            "time_zone": .string(model.site.timezoneName),
            "updated_at": .time(model.generatedAt),
        ])
    }

    var statusObject: JSONValue {
        .object(["indicator": .string(model.indicator.rawValue), "description": .string(strings["indicator.\(model.indicator.rawValue)"])])
    }

    func incidentObject(_ incident: IncidentModel) -> JSONValue {
        StatuspageEvent(incident: incident, links: links).json(pageID: pageID, componentObjects: components.byID)
    }

    func maintenanceObject(_ maintenance: MaintenanceModel) -> JSONValue {
        StatuspageEvent(maintenance: maintenance, links: links).json(pageID: pageID, componentObjects: components.byID)
    }
}

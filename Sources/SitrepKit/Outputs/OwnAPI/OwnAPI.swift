import Foundation

/// sitrep's own API under `api/v1/`: what the pages show, including what Statuspage's format cannot say
/// (uptime windows, daily bars, "no recent data", latency percentiles, check results, cancelled maintenance).
struct OwnAPI {
    let model: SiteModel
    let links: SiteLinks
    /// `OwnAPIValues.daily` of each component, in the model's order (`writtenDailyBars`).
    let daily: [JSONValue]

    /// The daily bars of every component, written once for `status.json` and the component documents.
    static func writtenDailyBars(_ model: SiteModel) -> [JSONValue] {
        WorkQueue.map(count: model.components.count) { OwnAPIValues.daily(model.components[$0].daily).written }
    }

    /// `api/v1/status.json`: the largest document, so `MachineOutputs` builds it on a core of its own.
    func statusDocument() -> (path: String, document: JSONValue) {
        ("api/v1/status.json", status)
    }

    /// Relative path → document for the incident and maintenance lists.
    func eventDocuments() -> [String: JSONValue] {
        [
            "api/v1/incidents.json": .object([
                "generated_at": .time(model.generatedAt),
                "incidents": .array(model.incidents.map { OwnEventDocuments.incident($0, links: links) }),
            ]),
            "api/v1/maintenance.json": .object([
                "generated_at": .time(model.generatedAt),
                "maintenance": .array(model.maintenance.map { OwnEventDocuments.maintenance($0, links: links) }),
            ]),
        ]
    }

    /// `api/v1/components/<id>.json` for the component at `index` in the model.
    func componentDocument(at index: Int) -> (path: String, document: JSONValue) {
        let component = model.components[index]
        return ("api/v1/components/\(component.id).json", self.component(component, daily: daily[index]))
    }

    var page: JSONValue {
        .object([
            "name": .string(model.site.title),
            "url": .string(links.base),
            "description": .string(model.site.description),
            "time_zone": .string(model.site.timezoneName),
            "history_days": .int(model.site.historyDays),
            "refresh_seconds": .int(model.site.refreshSeconds),
        ])
    }

    /// Everything the index page shows.
    var status: JSONValue {
        .object([
            "generated_at": .time(model.generatedAt),
            "page": page,
            "status": .object([
                "indicator": .string(model.indicator.rawValue),
                "description": .string(model.indicator.description),
            ]),
            "groups": .array(model.groups.map { group in
                .object([
                    "id": .string(group.id), "name": .string(group.name), "status": .string(group.status.rawValue),
                    "components": .array(group.componentIDs.map { .string($0) }),
                ])
            }),
            "components": .array(zip(model.components, daily).map {
                OwnAPIValues.componentSummary($0, daily: $1, links: links)
            }),
            "active_incidents": .array(model.activeIncidents.map { OwnEventDocuments.incident($0, links: links) }),
            "active_maintenance": .array(model.activeMaintenance.map { OwnEventDocuments.maintenance($0, links: links) }),
            "upcoming_maintenance": .array(model.upcomingMaintenance.map { OwnEventDocuments.maintenance($0, links: links) }),
        ])
    }

    /// SPEC.md's `api/v1/components/<id>.json`; `daily` is `OwnAPIValues.daily(component.daily)`.
    /// With probe locations (`sitrep import`), `locations` says how each sees the component.
    func component(_ component: ComponentModel, daily: JSONValue) -> JSONValue {
        var members: JSONMembers = [
            "generated_at": .time(model.generatedAt),
            "id": .string(component.id),
            "name": .string(component.name),
            "description": .string(component.description),
            "group_id": .string(component.groupID),
            "status": .string(component.status.rawValue),
            "automatic_status": .string(component.automaticStatus?.rawValue),
            "stale": .bool(component.isStale),
            "last_result_at": .time(component.lastResultAt),
            "first_seen_at": .time(component.firstSeenAt),
            "url": .string(links.component(component.id)),
            "uptime": OwnAPIValues.uptime(component.uptime),
            "uptime_since": .time(component.uptime.since),
            "daily": daily,
            "latency": OwnAPIValues.latency(component.latency),
            "response_times": .array(component.responseTimes.map { point in
                .object(["at": .time(point.at), "timings_ms": OwnAPIValues.timings(point.timings)])
            }),
            "checks": .array(component.checks.map(OwnAPIValues.check)),
            "incidents": .array(component.incidentIDs.map { .string($0) }),
            "maintenance": .array(component.maintenanceIDs.map { .string($0) }),
        ]
        if !component.locations.isEmpty { members["locations"] = .array(component.locations.map(OwnAPIValues.location)) }
        return .object(members)
    }
}

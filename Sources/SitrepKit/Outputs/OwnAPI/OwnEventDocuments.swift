import Foundation

/// Incident and maintenance objects of the own API: everything the content says, in SPEC.md's JSON times. Bodies
/// and update messages are the Markdown as written; their sanitised HTML is on the event's page (`url`), not
/// repeated here: as JSON strings, where every `<` and `>` takes six bytes, it made `incidents.json` 73 MB
/// for 1,000 files of 16 KiB with tables and lists, 16 MB without it.
enum OwnEventDocuments {
    static func incident(_ incident: IncidentModel, links: SiteLinks) -> JSONValue {
        .object([
            "id": .string(incident.id),
            "title": .string(incident.title),
            "impact": .string(incident.impact.rawValue),
            "status": .string(incident.status.rawValue),
            "resolved": .bool(incident.isResolved),
            "url": .string(links.incident(incident.id)),
            "components": OwnAPIValues.affected(incident.components),
            "root_cause": .string(incident.rootCause),
            "started_at": .time(incident.startedAt),
            "updated_at": .time(incident.updatedAt),
            "monitoring_at": .time(incident.monitoringAt),
            "resolved_at": .time(incident.resolvedAt),
            "created_at": .time(incident.createdAt),
            "eta": .time(incident.currentETA),
            "body": .string(incident.body),
            "updates": .array(incident.updates.map { update in
                .object([
                    "at": .time(update.at), "status": .string(update.status.rawValue), "eta": .time(update.eta),
                    "message": .string(update.message),
                ])
            }),
        ])
    }

    static func maintenance(_ maintenance: MaintenanceModel, links: SiteLinks) -> JSONValue {
        .object([
            "id": .string(maintenance.id),
            "title": .string(maintenance.title),
            "state": .string(maintenance.state.rawValue),
            "cancelled": .bool(maintenance.state == .cancelled),
            "url": .string(links.maintenance(maintenance.id)),
            "components": OwnAPIValues.affected(maintenance.components),
            "scheduled_for": .time(maintenance.scheduledFor),
            "scheduled_until": .time(maintenance.scheduledUntil),
            "created_at": .time(maintenance.createdAt),
            "updated_at": .time(maintenance.updatedAt),
            "body": .string(maintenance.body),
            "updates": .array(maintenance.updates.map { update in
                .object([
                    "at": .time(update.at), "state": .string(update.state?.rawValue),
                    "message": .string(update.message),
                ])
            }),
        ])
    }
}

import Foundation

/// The generic webhook's body: Statuspage's webhook payloads (`meta`, `page`, and either `component_update` with
/// `component`, or `incident` with its newest `incident_updates` entry; maintenance windows are incidents with
/// `impact: maintenance` and `scheduled_for`/`scheduled_until`, as Statuspage sends them), plus a `sitrep`
/// object naming the event's id and kind.
enum StatuspageWebhookPayload {
    static func body(_ event: NotificationEvent, site: NotificationSite) -> Data {
        var document: JSONMembers = [
            "meta": .object(["unsubscribe": .null, "documentation": .string(site.url + "/")]),
            "page": .object(["id": .string(URL(string: site.url)?.host ?? site.url), "name": .string(site.title),
                             "url": .string(site.url + "/")]),
            "sitrep": .object(["event_id": .string(event.id), "event_kind": .string(event.kind.rawValue)]),
        ]
        guard event.kind != .test else { return JSONValue.object(document).data }
        switch event.subject {
        case .component(let id, let name, let from, let to, _):
            document["component_update"] = .object([
                "id": .string(event.id), "component_id": .string(id), "created_at": .time(event.occurredAt),
                "old_status": .string(from?.rawValue), "new_status": .string(to.rawValue),
            ])
            document["component"] = .object([
                "id": .string(id), "name": .string(name), "status": .string(to.rawValue),
                "created_at": .time(event.occurredAt),
            ])
        case .notice(let notice):
            document["incident"] = incident(notice, eventID: event.id)
        }
        return JSONValue.object(document).data
    }

    private static func incident(_ notice: NotificationNotice, eventID: String) -> JSONValue {
        let components = notice.components.map { component -> JSONValue in
            .object(["id": .string(component.id), "name": .string(component.name),
                     "status": .string(component.status.rawValue)])
        }
        let update: JSONValue = .object([
            "id": .string(eventID), "incident_id": .string(notice.id), "status": .string(notice.status),
            "body": .string(notice.updateBody), "created_at": .time(notice.updateAt),
            "display_at": .time(notice.updateAt), "updated_at": .time(notice.updateAt),
            "affected_components": .array(notice.components.map { component in
                .object(["code": .string(component.id), "name": .string(component.name),
                         "new_status": .string(component.status.rawValue)])
            }),
        ])
        let closed = notice.status == IncidentStatus.resolved.rawValue || notice.status == MaintenanceState.completed.rawValue
        return .object([
            "id": .string(notice.id), "name": .string(notice.title), "status": .string(notice.status),
            "impact": .string(notice.impact), "shortlink": .string(notice.pageURL),
            "updated_at": .time(notice.updateAt), "resolved_at": .time(closed ? notice.updateAt : nil),
            "scheduled_for": .time(notice.scheduledFor), "scheduled_until": .time(notice.scheduledUntil),
            "components": .array(components), "incident_updates": .array([update]),
        ])
    }
}

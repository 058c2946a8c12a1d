import Foundation

/// What Statuspage's incident and scheduled-maintenance objects share; both kinds map onto this and one
/// function writes the JSON, so the two can never drift apart.
struct StatuspageEvent {
    struct Update {
        var status: String
        /// Plain text (the Markdown source), as Statuspage sends `body`.
        var body: String
        var at: Date
        /// Statuspage's `affected_components` of the update: only set on updates that change component statuses.
        var affected: [AffectedChange]?
    }

    struct AffectedChange {
        var component: AffectedComponent
        var oldStatus: ComponentStatus
        var newStatus: ComponentStatus
    }

    var id: String
    var name: String
    var status: String
    var impact: String
    var createdAt: Date
    var updatedAt: Date
    var startedAt: Date
    var monitoringAt: Date?
    var resolvedAt: Date?
    var shortlink: String
    var components: [AffectedComponent]
    /// Newest first.
    var updates: [Update]
    /// Only for scheduled maintenance.
    var window: (start: Date, end: Date)?

    func json(pageID: String, componentObjects: [String: JSONValue]) -> JSONValue {
        let count = updates.count
        let updateObjects: [JSONValue] = updates.enumerated().map { index, update in
            // Numbered from the oldest, so adding a newest update never renumbers the others.
            .object([
                "id": .string("\(id)-\(count - index)"),
                "status": .string(update.status),
                "body": .string(update.body),
                "incident_id": .string(id),
                "created_at": .time(update.at),
                "updated_at": .time(update.at),
                "display_at": .time(update.at),
                "affected_components": update.affected.map { changes in
                    .array(changes.map { change in
                        .object([
                            "code": .string(change.component.id),
                            "name": .string(change.component.name),
                            "old_status": .string(change.oldStatus.rawValue),
                            "new_status": .string(change.newStatus.rawValue),
                        ])
                    })
                } ?? .null,
            ])
        }
        var members: JSONMembers = [
            "id": .string(id),
            "name": .string(name),
            "status": .string(status),
            "impact": .string(impact),
            "created_at": .time(createdAt),
            "updated_at": .time(updatedAt),
            "monitoring_at": .time(monitoringAt),
            "resolved_at": .time(resolvedAt),
            "started_at": .time(startedAt),
            "shortlink": .string(shortlink),
            "page_id": .string(pageID),
            "incident_updates": .array(updateObjects),
            "components": .array(components.compactMap { componentObjects[$0.id] }),
        ]
        if let window {
            members["scheduled_for"] = .time(window.start)
            members["scheduled_until"] = .time(window.end)
        }
        return .object(members)
    }
}

extension StatuspageEvent {
    init(incident: IncidentModel, links: SiteLinks) {
        let oldest = incident.updates.count - 1
        let updates = incident.updates.enumerated().map { index, update in
            var affected: [AffectedChange]?
            if index == oldest {
                affected = incident.components.map { AffectedChange(component: $0, oldStatus: .operational, newStatus: $0.status ?? .operational) }
            } else if update.status == .resolved {
                affected = incident.components.map { AffectedChange(component: $0, oldStatus: $0.status ?? .operational, newStatus: .operational) }
            }
            return Update(status: update.status.rawValue, body: update.message, at: update.at, affected: affected)
        }
        self.init(
            id: incident.id, name: incident.title, status: incident.status.rawValue, impact: incident.impact.rawValue,
            createdAt: incident.createdAt, updatedAt: incident.updatedAt, startedAt: incident.startedAt,
            monitoringAt: incident.monitoringAt, resolvedAt: incident.resolvedAt,
            shortlink: links.incident(incident.id), components: incident.components, updates: updates, window: nil)
    }

    /// Statuspage has no cancelled state: callers leave cancelled windows out before mapping.
    init(maintenance: MaintenanceModel, links: SiteLinks) {
        func clockState(at date: Date) -> MaintenanceState {
            date < maintenance.scheduledFor ? .scheduled : date < maintenance.scheduledUntil ? .inProgress : .completed
        }
        func statusWord(_ state: MaintenanceState?, at date: Date) -> String {
            switch state {
            case .scheduled?, .inProgress?, .completed?: state.map(\.rawValue) ?? ""
            case .cancelled?, nil: clockState(at: date).rawValue
            }
        }
        var updates = maintenance.updates.map { update in
            Update(status: statusWord(update.state, at: update.at), body: update.message, at: update.at, affected: nil)
        }
        if updates.isEmpty {
            // Statuspage always has the announcement as the first update; clients read incident_updates[0].
            updates = [Update(status: MaintenanceState.scheduled.rawValue, body: maintenance.body ?? maintenance.title,
                              at: maintenance.createdAt, affected: nil)]
        }
        let resolvedAt: Date? = maintenance.state == .completed
            ? (maintenance.updates.first { $0.state == .completed }?.at ?? maintenance.scheduledUntil)
            : nil
        self.init(
            id: maintenance.id, name: maintenance.title, status: statusWord(maintenance.state, at: maintenance.updatedAt),
            impact: "maintenance", createdAt: maintenance.createdAt, updatedAt: maintenance.updatedAt,
            startedAt: maintenance.scheduledFor, monitoringAt: nil, resolvedAt: resolvedAt,
            shortlink: links.maintenance(maintenance.id), components: maintenance.components, updates: updates,
            window: (maintenance.scheduledFor, maintenance.scheduledUntil))
    }
}

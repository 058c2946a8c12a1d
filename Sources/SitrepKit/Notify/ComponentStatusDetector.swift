import Foundation
import GRDB

/// Finds the components whose automatic status changed and has held (`HoldSettings`), inside the transaction
/// that appended the latest probe run, and records each as announced there. A stretch that has not held yet
/// announces nothing, so a flapping check sends nothing until one of its statuses lasts.
///
/// The first status a component holds is taken as the starting point without a message when it is
/// `operational` (turning notifications on does not announce that everything works); any other is announced
/// with no `from`.
struct ComponentStatusDetector: Sendable {
    var hold: HoldSettings
    var components: [ComponentConfig]
    var siteURL: String

    init(config: SiteConfig) {
        hold = config.notifications.hold
        components = config.components
        siteURL = config.site.url
    }

    func detect(in db: Database) throws -> [NotificationEvent] {
        guard let latest = try Row.fetchOne(db, sql: "SELECT id, started_at_ms FROM run ORDER BY id DESC LIMIT 1") else {
            return []
        }
        let latestRun = StoredRow(latest, of: "run")
        let latestID = try latestRun.integer(0)
        let latestMs = try latestRun.integer(1)
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.component_id, s.status, s.first_run_id,
                   (SELECT count(*) FROM run WHERE run.id BETWEEN s.first_run_id AND s.last_run_id),
                   (SELECT started_at_ms FROM run WHERE run.id = s.first_run_id),
                   a.status
            FROM component_status_run s LEFT JOIN notification_component_state a ON a.component_id = s.component_id
            WHERE s.last_run_id = ?
            """, arguments: [latestID])
        let links = SiteLinks(siteURL: siteURL)
        var events: [NotificationEvent] = []
        for row in rows {
            let stored = StoredRow(row, of: "component_status_run")
            let componentID = try stored.text(0)
            guard let component = components.first(where: { $0.id == componentID }),
                  let status = ComponentStatus(rawValue: try stored.text(1)) else { continue }
            let firstRunID = try stored.integer(2)
            let runs = try stored.count(3)
            guard let firstMs = try stored.optionalInteger(4) else { continue }
            let announced = try stored.optionalText(5).flatMap(ComponentStatus.init(rawValue:))
            let held = runs >= hold.runs && latestMs - firstMs >= Int64(hold.minutes) * 60_000
            guard held, announced != status else { continue }
            try db.execute(sql: """
                INSERT INTO notification_component_state (component_id, status, first_run_id) VALUES (?, ?, ?)
                ON CONFLICT (component_id) DO UPDATE SET status = excluded.status, first_run_id = excluded.first_run_id
                """, arguments: [componentID, status.rawValue, firstRunID])
            if announced == nil, status == .operational { continue }
            events.append(NotificationEvent(
                id: "component-\(componentID)-\(status.rawValue)-\(firstMs)", kind: .componentStatus,
                occurredAt: StoreTime.date(firstMs), componentIDs: [componentID],
                subject: .component(id: componentID, name: component.name, from: announced, to: status,
                                    pageURL: links.component(componentID))))
        }
        return events.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
    }
}

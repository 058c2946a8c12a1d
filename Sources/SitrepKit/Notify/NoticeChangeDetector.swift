import Foundation
import GRDB

/// Finds what is new in the incidents and maintenance windows by comparing them with what was already
/// announced (`notification_announced`), and records it as announced in the same transaction that enqueues it.
///
/// An incident update is known by a digest of its time and status, not its text: correcting a typo in an old
/// update sends nothing. A maintenance window is announced when it is scheduled (seen before it starts), starts,
/// completes or is cancelled. Updates dated after `now` are not yet in effect and wait. Anything that happened
/// more than `maxAgeHours` before it is first seen is recorded without a message, so turning notifications on
/// does not replay the site's history.
struct NoticeChangeDetector: Sendable {
    var content: SiteContent
    var components: [ComponentConfig]
    var siteURL: String
    var maxAgeHours: Int
    var now: Date

    init(config: SiteConfig, content: SiteContent, now: Date) {
        self.content = content
        components = config.components
        siteURL = config.site.url
        maxAgeHours = config.notifications.maxAgeHours
        self.now = now
    }

    /// One change, before it is checked against what was announced.
    private struct Change {
        var noticeKind: NotificationNotice.Kind
        var noticeID: String
        var digest: String
        var event: NotificationEvent
    }

    func detect(in db: Database) throws -> [NotificationEvent] {
        let nowMs = StoreTime.milliseconds(now)
        var events: [NotificationEvent] = []
        for change in changes() {
            try db.execute(sql: """
                INSERT INTO notification_announced (notice_kind, notice_id, digest, announced_at_ms) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, arguments: [change.noticeKind.rawValue, change.noticeID, change.digest, nowMs])
            guard db.changesCount > 0 else { continue }
            if now.timeIntervalSince(change.event.occurredAt) <= Double(maxAgeHours) * 3600 {
                events.append(change.event)
            }
        }
        return events.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
    }

    /// Every change the content shows at `now`, announced or not.
    private func changes() -> [Change] {
        content.incidents.flatMap(incidentChanges) + content.maintenance.flatMap(maintenanceChanges)
    }

    private func incidentChanges(_ incident: Incident) -> [Change] {
        let links = SiteLinks(siteURL: siteURL)
        let inEffect = incident.updates.filter { $0.at <= now }.reversed()
        return inEffect.enumerated().map { index, update in
            let digest = WebhookSignature.digest(["incident", incident.id, "\(StoreTime.milliseconds(update.at))",
                                                  update.status.rawValue])
            let kind: NotificationEventKind = update.status == .resolved ? .incidentResolved
                : index == 0 ? .incidentOpened : .incidentUpdated
            let affected = incident.components.compactMap { reference -> NotificationComponent? in
                guard let component = components.first(where: { $0.id == reference.id }) else { return nil }
                let status: ComponentStatus = update.status == .resolved ? .operational
                    : incident.componentStatus(reference.id) ?? .operational
                return NotificationComponent(id: component.id, name: component.name, status: status)
            }
            let notice = NotificationNotice(
                kind: .incident, id: incident.id, title: incident.title, status: update.status.rawValue,
                impact: incident.impact.rawValue, updateBody: update.message, updateAt: update.at,
                pageURL: links.incident(incident.id), components: affected)
            return Change(noticeKind: .incident, noticeID: incident.id, digest: digest, event: NotificationEvent(
                id: "incident-\(incident.id)-\(digest.prefix(16))", kind: kind, occurredAt: update.at,
                componentIDs: affected.map(\.id), subject: .notice(notice)))
        }
    }

    private func maintenanceChanges(_ window: Maintenance) -> [Change] {
        let links = SiteLinks(siteURL: siteURL)
        let state = window.state(at: now)
        let updates = window.updates.filter { $0.at <= now }
        let forMs = StoreTime.milliseconds(window.scheduledFor)
        let untilMs = StoreTime.milliseconds(window.scheduledUntil)
        var steps: [(kind: NotificationEventKind, status: MaintenanceState, at: Date, key: String)] = []
        switch state {
        case .cancelled:
            let at = updates.first(where: { $0.status == .cancelled })?.at ?? now
            steps.append((kind: .maintenanceCancelled, status: .cancelled, at: min(at, now), key: "cancelled"))
        case .scheduled:
            steps.append((kind: .maintenanceScheduled, status: .scheduled, at: updates.last?.at ?? now,
                          key: "scheduled \(forMs) \(untilMs)"))
        case .inProgress:
            steps.append((kind: .maintenanceStarted, status: .inProgress, at: window.scheduledFor, key: "started \(forMs)"))
        case .completed:
            steps.append((kind: .maintenanceStarted, status: .inProgress, at: window.scheduledFor, key: "started \(forMs)"))
            steps.append((kind: .maintenanceCompleted, status: .completed, at: window.scheduledUntil,
                          key: "completed \(untilMs)"))
        }
        return steps.map { step in
            let digest = WebhookSignature.digest(["maintenance", window.id, step.key])
            let affected = window.components.compactMap { reference -> NotificationComponent? in
                guard let component = components.first(where: { $0.id == reference.id }) else { return nil }
                return NotificationComponent(id: component.id, name: component.name,
                                             status: step.status == .inProgress ? .underMaintenance : .operational)
            }
            let notice = NotificationNotice(
                kind: .maintenance, id: window.id, title: window.title, status: step.status.rawValue,
                impact: "maintenance", updateBody: updates.first?.message ?? window.body, updateAt: step.at,
                scheduledFor: window.scheduledFor, scheduledUntil: window.scheduledUntil,
                pageURL: links.maintenance(window.id), components: affected)
            return Change(noticeKind: .maintenance, noticeID: window.id, digest: digest, event: NotificationEvent(
                id: "maintenance-\(window.id)-\(digest.prefix(16))", kind: step.kind, occurredAt: step.at,
                componentIDs: affected.map(\.id), subject: .notice(notice)))
        }
    }
}

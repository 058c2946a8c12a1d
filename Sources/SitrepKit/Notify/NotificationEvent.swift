import Foundation

/// Something a subscriber is told about. Events are found by comparing what the store and the content say now
/// with what was already announced, so the same change always yields the same `id` (a retried or re-run
/// detection enqueues nothing new).
public struct NotificationEvent: Sendable, Hashable, Codable {
    /// Stable across runs: derived from what happened (kind, subject, and the change's own time or content
    /// digest), never from when it was detected.
    public var id: String
    public var kind: NotificationEventKind
    /// When the change happened (a status's first run, an update's time), not when it was detected.
    public var occurredAt: Date
    /// The components the event concerns; channels limited to some components match on these.
    public var componentIDs: [String]
    /// What the event is about, ready to show: the component's or incident's name, escaped by whoever renders it.
    public var subject: NotificationSubject

    public init(id: String, kind: NotificationEventKind, occurredAt: Date, componentIDs: [String],
                subject: NotificationSubject) {
        self.id = id
        self.kind = kind
        self.occurredAt = occurredAt
        self.componentIDs = componentIDs
        self.subject = subject
    }
}

/// The kinds of event a channel or subscriber can be limited to (`events:` in the config uses these raw values).
public enum NotificationEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case componentStatus = "component_status"
    case incidentOpened = "incident_opened"
    case incidentUpdated = "incident_updated"
    case incidentResolved = "incident_resolved"
    case maintenanceScheduled = "maintenance_scheduled"
    case maintenanceStarted = "maintenance_started"
    case maintenanceCompleted = "maintenance_completed"
    case maintenanceCancelled = "maintenance_cancelled"
    /// `sitrep notify --test CHANNEL`: a message that only says the channel works (never filtered out, never
    /// stored in the outbox).
    case test
}

/// The facts a message is made of. Every channel renders the same facts in its own format.
public enum NotificationSubject: Sendable, Hashable, Codable {
    /// A component's automatic status changed and the new status held (`from` is nil for a component's first).
    case component(id: String, name: String, from: ComponentStatus?, to: ComponentStatus, pageURL: String)
    /// An incident or a maintenance window, with the update that caused the event.
    case notice(NotificationNotice)
}

public struct NotificationNotice: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case incident, maintenance }
    public var kind: Kind
    public var id: String
    public var title: String
    /// The status after the update (`investigating`, `resolved`, `scheduled`, `in_progress`, `completed`, ...).
    public var status: String
    /// `none`, `minor`, `major`, `critical` (incidents), or `maintenance`.
    public var impact: String
    /// The update's text as plain text (Markdown source); HTML channels render it with the escaping renderer.
    public var updateBody: String
    public var updateAt: Date
    /// For maintenance: the window.
    public var scheduledFor: Date?
    public var scheduledUntil: Date?
    public var pageURL: String
    /// Affected components as (id, name, status) triples, in config order.
    public var components: [NotificationComponent]

    public init(kind: Kind, id: String, title: String, status: String, impact: String, updateBody: String,
                updateAt: Date, scheduledFor: Date? = nil, scheduledUntil: Date? = nil, pageURL: String,
                components: [NotificationComponent]) {
        self.kind = kind
        self.id = id
        self.title = title
        self.status = status
        self.impact = impact
        self.updateBody = updateBody
        self.updateAt = updateAt
        self.scheduledFor = scheduledFor
        self.scheduledUntil = scheduledUntil
        self.pageURL = pageURL
        self.components = components
    }
}

public struct NotificationComponent: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var status: ComponentStatus

    public init(id: String, name: String, status: ComponentStatus) {
        self.id = id
        self.name = name
        self.status = status
    }
}

import Foundation

/// One incident from `content/incidents/<id>.md`.
public struct IncidentModel: Sendable, Hashable, Identifiable {
    /// The file name without `.md`; also the URL slug.
    public var id: String
    public var title: String
    public var impact: Impact
    /// The newest update's status.
    public var status: IncidentStatus
    public var components: [AffectedComponent]
    public var rootCause: String?
    /// Newest first; never empty for valid content.
    public var updates: [IncidentUpdateModel]
    /// The Markdown body as written (for plain-text outputs); nil when there is none.
    public var body: String?
    /// The body rendered to safe HTML by the builder (raw HTML dropped); nil when there is none.
    public var bodyHTML: String?
    /// The oldest update's time.
    public var startedAt: Date
    /// The newest update's time.
    public var updatedAt: Date
    /// The first `monitoring` update's time, if any.
    public var monitoringAt: Date?
    /// The `resolved` update's time; nil while open.
    public var resolvedAt: Date?
    /// Statuspage's `created_at` (the oldest update's time unless the content says otherwise).
    public var createdAt: Date

    public init(
        id: String, title: String, impact: Impact, status: IncidentStatus, components: [AffectedComponent],
        rootCause: String? = nil, updates: [IncidentUpdateModel], body: String? = nil, bodyHTML: String? = nil,
        startedAt: Date, updatedAt: Date, monitoringAt: Date? = nil, resolvedAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.impact = impact
        self.status = status
        self.components = components
        self.rootCause = rootCause
        self.updates = updates
        self.body = body
        self.bodyHTML = bodyHTML
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.monitoringAt = monitoringAt
        self.resolvedAt = resolvedAt
        self.createdAt = createdAt
    }

    public var isResolved: Bool { status == .resolved }

    /// The newest update.
    public var latestUpdate: IncidentUpdateModel? { updates.first }

    /// The ETA of the newest update that gives one, while the incident is open.
    public var currentETA: Date? { isResolved ? nil : updates.lazy.compactMap(\.eta).first }
}

/// One update of an incident.
public struct IncidentUpdateModel: Sendable, Hashable {
    public var at: Date
    public var status: IncidentStatus
    public var eta: Date?
    /// The message as written (Markdown source, for plain-text outputs).
    public var message: String
    /// The message rendered to safe HTML by the builder.
    public var messageHTML: String

    public init(at: Date, status: IncidentStatus, eta: Date? = nil, message: String, messageHTML: String) {
        self.at = at
        self.status = status
        self.eta = eta
        self.message = message
        self.messageHTML = messageHTML
    }
}

import Foundation

/// One `content/incidents/<id>.md` file, validated.
public struct Incident: Sendable, Hashable, Identifiable {
    /// The file name without `.md`: also the URL slug.
    public let id: String
    public let title: String
    public let impact: Impact
    public let components: [ComponentReference]
    public let rootCause: String?
    /// Newest first; the loader guarantees at least one.
    public let updates: [IncidentUpdate]
    /// Markdown source of the body after the front matter (may be empty).
    public let body: String
    /// The file as diagnostics name it.
    public let sourcePath: String

    public init(
        id: String, title: String, impact: Impact, components: [ComponentReference], rootCause: String? = nil,
        updates: [IncidentUpdate], body: String = "", sourcePath: String = ""
    ) {
        self.id = id
        self.title = title
        self.impact = impact
        self.components = components
        self.rootCause = rootCause
        self.updates = updates
        self.body = body
        self.sourcePath = sourcePath
    }

    /// The oldest update's time (`.distantPast` for an incident built without updates).
    public var startedAt: Date { updates.last?.at ?? .distantPast }

    /// The newest update's time.
    public var updatedAt: Date { updates.first?.at ?? startedAt }

    /// The newest update's status (`investigating` for an incident built without updates).
    public var status: IncidentStatus { updates.first?.status ?? .investigating }

    /// Resolved when the newest update is `resolved`; a later non-resolved update reopens it.
    public var isResolved: Bool { status == .resolved }

    /// The time of the closing `resolved` update, nil while unresolved.
    public var resolvedAt: Date? { isResolved ? updates.first?.at : nil }

    /// Whether the incident names a component.
    public func names(_ componentID: String) -> Bool { components.contains { $0.id == componentID } }

    /// The status this incident asks for a component it names: the explicit one from the map form,
    /// else the impact's minimum (`Impact.minimumComponentStatus`). nil when not named, or for impact `none`
    /// without an explicit status. Callers apply it only while the incident is unresolved.
    public func componentStatus(_ componentID: String) -> ComponentStatus? {
        guard let named = components.first(where: { $0.id == componentID }) else { return nil }
        return named.status ?? impact.minimumComponentStatus
    }
}

/// One entry of an incident's timeline.
public struct IncidentUpdate: Sendable, Hashable {
    public let at: Date
    public let status: IncidentStatus
    /// Markdown source.
    public let message: String
    /// When the team expects the next step (optional `eta:`).
    public let eta: Date?

    public init(at: Date, status: IncidentStatus, message: String, eta: Date? = nil) {
        self.at = at
        self.status = status
        self.message = message
        self.eta = eta
    }
}

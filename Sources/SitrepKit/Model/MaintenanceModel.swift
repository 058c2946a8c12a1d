import Foundation

/// One maintenance window from `content/maintenance/<id>.md`.
public struct MaintenanceModel: Sendable, Hashable, Identifiable {
    /// The file name without `.md`; also the URL slug.
    public var id: String
    public var title: String
    /// Follows the clock (`generatedAt`) unless the content says `cancelled`.
    public var state: MaintenanceState
    public var scheduledFor: Date
    public var scheduledUntil: Date
    /// Each with status `under_maintenance`, or none (nil) when the window is cancelled.
    public var components: [AffectedComponent]
    /// Newest first; may be empty.
    public var updates: [MaintenanceUpdateModel]
    public var body: String?
    public var bodyHTML: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, title: String, state: MaintenanceState, scheduledFor: Date, scheduledUntil: Date,
        components: [AffectedComponent], updates: [MaintenanceUpdateModel] = [], body: String? = nil,
        bodyHTML: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.title = title
        self.state = state
        self.scheduledFor = scheduledFor
        self.scheduledUntil = scheduledUntil
        self.components = components
        self.updates = updates
        self.body = body
        self.bodyHTML = bodyHTML
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One update of a maintenance window.
public struct MaintenanceUpdateModel: Sendable, Hashable {
    public var at: Date
    /// The state the update announces, when it names one.
    public var state: MaintenanceState?
    public var message: String
    public var messageHTML: String

    public init(at: Date, state: MaintenanceState? = nil, message: String, messageHTML: String) {
        self.at = at
        self.state = state
        self.message = message
        self.messageHTML = messageHTML
    }
}

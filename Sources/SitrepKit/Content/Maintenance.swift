import Foundation

/// One `content/maintenance/<id>.md` file, validated.
public struct Maintenance: Sendable, Hashable, Identifiable {
    /// The file name without `.md`: also the URL slug.
    public let id: String
    public let title: String
    public let components: [ComponentReference]
    public let scheduledFor: Date
    /// Strictly after `scheduledFor` (the loader checks).
    public let scheduledUntil: Date
    /// Optional timeline, newest first.
    public let updates: [MaintenanceUpdate]
    /// `status: cancelled` (or `canceled`) in the front matter.
    public let cancelledInFrontMatter: Bool
    /// Markdown source of the body after the front matter (may be empty).
    public let body: String
    /// The file as diagnostics name it.
    public let sourcePath: String

    public init(
        id: String, title: String, components: [ComponentReference], scheduledFor: Date, scheduledUntil: Date,
        updates: [MaintenanceUpdate] = [], cancelled: Bool = false, body: String = "", sourcePath: String = ""
    ) {
        self.id = id
        self.title = title
        self.components = components
        self.scheduledFor = scheduledFor
        self.scheduledUntil = scheduledUntil
        self.updates = updates
        self.cancelledInFrontMatter = cancelled
        self.body = body
        self.sourcePath = sourcePath
    }

    /// Called off: the front matter says `status: cancelled`, or the newest update is a `cancelled` one (a
    /// later update of another status takes the window up again). A cancelled window puts no component under
    /// maintenance.
    public var cancelled: Bool { cancelledInFrontMatter || updates.first?.status == .cancelled }

    /// `cancelled` if the file says so; otherwise by the clock: before `scheduledFor` `scheduled`,
    /// from `scheduledFor` until (excluding) `scheduledUntil` `in_progress`, afterwards `completed`.
    /// Other updates are a timeline only; they never change the state.
    public func state(at now: Date) -> MaintenanceState {
        if cancelled { return .cancelled }
        if now < scheduledFor { return .scheduled }
        if now < scheduledUntil { return .inProgress }
        return .completed
    }

    /// Whether the window names a component.
    public func names(_ componentID: String) -> Bool { components.contains { $0.id == componentID } }

    /// The newest update's time, else the start of the window.
    public var updatedAt: Date { updates.first?.at ?? scheduledFor }
}

/// One entry of a maintenance window's timeline.
public struct MaintenanceUpdate: Sendable, Hashable {
    public let at: Date
    public let status: MaintenanceUpdateStatus
    /// Markdown source.
    public let message: String

    public init(at: Date, status: MaintenanceUpdateStatus, message: String) {
        self.at = at
        self.status = status
        self.message = message
    }
}

/// What a maintenance update may say: Statuspage's scheduled-maintenance update statuses, and `cancelled`
/// (also spelt `canceled`), which calls the window off as the front matter's `status: cancelled` does.
public enum MaintenanceUpdateStatus: Sendable, Hashable, CaseIterable, RawRepresentable {
    case scheduled
    case inProgress
    case verifying
    case completed
    case cancelled

    public init?(rawValue: String) {
        switch rawValue {
        case "scheduled": self = .scheduled
        case "in_progress": self = .inProgress
        case "verifying": self = .verifying
        case "completed": self = .completed
        case "cancelled", "canceled": self = .cancelled
        default: return nil
        }
    }

    /// The spelling written back and listed in messages (`cancelled` for either spelling read).
    public var rawValue: String {
        switch self {
        case .scheduled: "scheduled"
        case .inProgress: "in_progress"
        case .verifying: "verifying"
        case .completed: "completed"
        case .cancelled: "cancelled"
        }
    }
}

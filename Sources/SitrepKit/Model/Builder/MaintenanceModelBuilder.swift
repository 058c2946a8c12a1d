import Foundation

/// A maintenance file as the renderers read it.
///
/// - `state`: `Maintenance.state(at: now)` (cancelled, or by the clock).
/// - `components`: each named component that exists in the config, with status `under_maintenance`; a
///   cancelled window gives them no status (nil): it puts nothing under maintenance.
/// - updates: newest first, messages rendered to safe HTML; the update status maps to the state of the
///   same name, `verifying` (not a window state) to nil.
/// - `createdAt`: the oldest update, else `scheduledFor`; `updatedAt`: the newest update, else `scheduledFor`.
enum MaintenanceModelBuilder {
    static func model(
        _ maintenance: Maintenance, componentNames: [String: String], now: Date, markdown: RenderedMarkdown = .none
    ) -> MaintenanceModel {
        let body = ContentText.nonBlank(maintenance.body)
        let state = maintenance.state(at: now)
        let effect: ComponentStatus? = state == .cancelled ? nil : .underMaintenance
        return MaintenanceModel(
            id: maintenance.id, title: maintenance.title, state: state,
            scheduledFor: maintenance.scheduledFor, scheduledUntil: maintenance.scheduledUntil,
            components: maintenance.components.compactMap { reference in
                componentNames[reference.id].map {
                    AffectedComponent(id: reference.id, name: $0, status: effect)
                }
            },
            updates: maintenance.updates.map { update in
                MaintenanceUpdateModel(at: update.at, state: Self.state(announcedBy: update.status),
                                       message: update.message, messageHTML: markdown.html(update.message))
            },
            body: body, bodyHTML: body.map(markdown.html),
            createdAt: maintenance.updates.last?.at ?? maintenance.scheduledFor, updatedAt: maintenance.updatedAt)
    }

    static func state(announcedBy status: MaintenanceUpdateStatus) -> MaintenanceState? {
        switch status {
        case .scheduled: .scheduled
        case .inProgress: .inProgress
        case .verifying: nil
        case .completed: .completed
        case .cancelled: .cancelled
        }
    }

    /// Latest `scheduledFor` first, ties by id.
    static func newestFirst(_ lhs: Maintenance, _ rhs: Maintenance) -> Bool {
        lhs.scheduledFor != rhs.scheduledFor ? lhs.scheduledFor > rhs.scheduledFor : lhs.id < rhs.id
    }
}

import Foundation

/// A stretch of consecutive probe runs that all observed one component in one automatic status: the runs with
/// ids `firstRunID...lastRunID` (row `component_status_run`). A run that does not observe the component, or sees
/// another status, ends the stretch, so every run in the range is one observation of `status`, made at that
/// run's start; with the runs' times (`StatusRunHistory`) observations are counted exactly over any interval.
public struct StatusRun: Sendable, Hashable {
    public var componentID: String
    /// An automatic status (never `underMaintenance`).
    public var status: ComponentStatus
    public var firstRunID: Int64
    public var lastRunID: Int64

    public init(componentID: String, status: ComponentStatus, firstRunID: Int64, lastRunID: Int64) {
        self.componentID = componentID
        self.status = status
        self.firstRunID = firstRunID
        self.lastRunID = lastRunID
    }
}

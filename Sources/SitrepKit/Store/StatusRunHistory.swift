import Foundation

/// What a snapshot carries for exact uptime: the status runs reaching into its days and the start time of every
/// probe run they may cover, and `exactFrom`, where this history begins (before it, only rollups tell).
public struct StatusRunHistory: Sendable, Hashable {
    /// Where exact history begins: `distantPast` when the store has kept it from its first run, a UTC midnight
    /// for a database upgraded from before status runs (or given imported rollups); nil when there is none.
    public var exactFrom: Date?
    /// Ids of the probe runs of the snapshot's days up to `now`, ascending.
    public var runIDs: [Int64]
    /// Start of each of those runs, in milliseconds since 1970 (UTC), in the order of `runIDs`.
    public var runStartsMs: [Int64]
    /// Status runs reaching into those runs, sorted by component id then first run id.
    public var statusRuns: [StatusRun]

    public init(exactFrom: Date?, runIDs: [Int64], runStartsMs: [Int64], statusRuns: [StatusRun]) {
        self.exactFrom = exactFrom
        self.runIDs = runIDs
        self.runStartsMs = runStartsMs
        self.statusRuns = statusRuns
    }

    /// No exact history: uptime comes from rollups alone.
    public static let none = StatusRunHistory(exactFrom: nil, runIDs: [], runStartsMs: [], statusRuns: [])
}

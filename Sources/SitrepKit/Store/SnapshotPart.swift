import Foundation

/// One table's share of a snapshot, read in a transaction of its own (`ResultStore.snapshotPart`), so that the
/// parts of one snapshot are read on several cores at once; `StoreSnapshot(joining:now:days:)` joins them.
public struct SnapshotPart: Sendable {
    public enum Kind: Sendable, CaseIterable {
        /// The latest run and the latest result of every check.
        case latest
        case componentHourly, componentDaily, checkHourly, checkDaily
        /// The status runs and run times of the snapshot's days (`StatusRunHistory`).
        case statusRuns
    }

    public let kind: Kind
    /// The store's write count when the part was read; nil for a database from before the count existed.
    public let revision: Int64?
    var latestRun: ProbeRun?
    var latestResults: [CheckResult] = []
    var locationResults: [LocationResult] = []
    var componentRollups: [ComponentRollup] = []
    var checkRollups: [CheckRollup] = []
    var statusRunHistory = StatusRunHistory.none

    init(kind: Kind, revision: Int64?) {
        self.kind = kind
        self.revision = revision
    }
}

extension StoreSnapshot {
    /// The snapshot the parts make up; nil unless there is exactly one part of each kind and all of them read
    /// the same revision of the store (a probe may commit between two reads, and a database too old to count
    /// its writes cannot tell): the caller then reads the snapshot whole.
    public init?(joining parts: [SnapshotPart], now: Date, days: Int) {
        guard let revision = parts.first?.revision, parts.allSatisfy({ $0.revision == revision }) else { return nil }
        self.init(assembling: parts, now: now, days: max(1, days), recentResults: [])
    }

    /// The snapshot of one part of each kind, read in one transaction or checked to be of one revision; nil when
    /// a kind is missing or repeated.
    init?(assembling parts: [SnapshotPart], now: Date, days: Int, recentResults: [CheckResult]) {
        let byKind = Dictionary(parts.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        guard byKind.count == parts.count, let latest = byKind[.latest], let componentHourly = byKind[.componentHourly],
              let componentDaily = byKind[.componentDaily], let checkHourly = byKind[.checkHourly],
              let checkDaily = byKind[.checkDaily], let statusRuns = byKind[.statusRuns]
        else { return nil }
        self.init(
            now: now, days: days, latestRun: latest.latestRun, latestResults: latest.latestResults,
            componentHourly: componentHourly.componentRollups, componentDaily: componentDaily.componentRollups,
            checkHourly: checkHourly.checkRollups, checkDaily: checkDaily.checkRollups, recentResults: recentResults,
            statusRunHistory: statusRuns.statusRunHistory, locationResults: latest.locationResults)
    }
}

import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// `component_status_run`: appends keep one row per stretch of runs that saw a component in one status.
@Suite("Store status runs")
struct StatusRunTests {
    static func rows(_ store: ResultStore) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT component_id, status, first_run_id, last_run_id FROM component_status_run
                JOIN component_key ON component_key.key = component_status_run.component_key
                ORDER BY component_id, first_run_id
                """).map { row in
                let status = StoreCodes.componentStatus(row[1] as Int64)?.rawValue ?? "unknown"
                return "\(row[0] as String) \(status) \(row[2] as Int64)-\(row[3] as Int64)"
            }
        }
    }

    @Test func aChangeOfStatusOrAMissedRunStartsANewStatusRun() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let day0 = StoreFixtures.day0
        // api: up, up, down, (not probed), down, down; web: up in every run.
        let apiStatuses: [CheckStatus?] = [.up, .up, .down, nil, .down, .down]
        for (index, status) in apiStatuses.enumerated() {
            let at = day0.addingTimeInterval(Double(index) * 60)
            var results = [StoreFixtures.result("web", "home", at: at)]
            if let status { results.append(StoreFixtures.result("api", "health", at: at, status: status)) }
            try store.append(ProbeRun(startedAt: at, durationMs: 1), results: results)
        }
        #expect(try Self.rows(store) == [
            "api operational 1-2", "api major_outage 3-3", "api major_outage 5-6", "web operational 1-6",
        ])
        let history = try store.snapshot(now: day0.addingTimeInterval(3600), days: 1).statusRunHistory
        #expect(history.exactFrom == .distantPast)
        #expect(history.runIDs == [1, 2, 3, 4, 5, 6])
        #expect(history.runStartsMs == (0..<6).map { StoreTime.milliseconds(day0) + Int64($0) * 60_000 })
        #expect(history.statusRuns.map(\.componentID) == ["api", "api", "api", "web"])
    }

    /// Imported rollups say how many observations a bucket had, not when: exact history starts after them.
    @Test func importedRollupsMoveTheStartOfExactHistory() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        var rollup = ComponentRollup(componentID: "api", granularity: .hourly,
                                     bucketStart: StoreFixtures.day0.addingTimeInterval(5 * 3600))
        rollup.record(.operational)
        try store.importRollups(checks: [], components: [rollup])
        let history = try store.snapshot(now: StoreFixtures.day0.addingTimeInterval(2 * 86_400), days: 3).statusRunHistory
        #expect(history.exactFrom == StoreFixtures.day0.addingTimeInterval(86_400))
    }
}

extension StatusRunTests {
    /// Pruning removes runs with the rollups of their time, and the status runs that ended before the oldest run kept.
    @Test func pruningRemovesStatusRunsWithTheirRuns() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let now = StoreFixtures.day0
        for (days, status) in [(420.0, CheckStatus.down), (410, .down), (405, .up), (10, .up), (1, .down)] {
            let at = now.addingTimeInterval(-days * 86_400)
            try store.append(ProbeRun(startedAt: at, durationMs: 1), results: [StoreFixtures.result("api", "health", at: at, status: status)])
        }
        try store.prune(now: now, keeping: RetentionSettings(rawDays: 30, hourlyDays: 40, dailyDays: 400))
        #expect(try StoreFixtures.count("run", store) == 2)
        #expect(try Self.rows(store) == ["api operational 3-4", "api major_outage 5-5"])
    }
}

import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// The status-run queries every append and every build run seek by primary key per component and sort nothing:
/// left to choose its join order, SQLite scanned every status run instead (a million rows after a year with a few
/// flapping components: most of an append's time, and most of a build's snapshot read).
@Suite struct StoreQueryPlanTests {
    /// SQLite's plan of `sql` on a store holding a few runs of three components, one line per step.
    static func plan(_ sql: String, arguments: StatementArguments) throws -> [String] {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("plan.sqlite"))
        let components = ["a": ["x"], "b": ["y"], "c": ["z"]]
        for (run, results) in StoreFixtures.history(runs: 20, from: StoreFixtures.day0, step: 60, components: components, seed: 3) {
            try store.append(run, results: results)
        }
        return try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { row in
                row["detail"] as String? ?? ""
            }
        }
    }

    @Test func findingTheOpenStatusRunsOfAnAppendSeeksPerComponent() throws {
        let plan = try Self.plan(StatusRunWriter.openRunsQuery, arguments: [20])
        #expect(plan.contains { $0.hasPrefix("SEARCH s USING PRIMARY KEY") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN s") || $0.hasPrefix("SCAN component_status_run") }, "\(plan)")
    }

    @Test func aSnapshotSeeksTheStatusRunsOfItsDaysPerComponentInIdOrder() throws {
        let plan = try Self.plan(ResultStore.statusRunsQuery, arguments: [5, 20])
        #expect(plan.contains { $0.hasPrefix("SEARCH s USING PRIMARY KEY") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN s") || $0.hasPrefix("SCAN component_status_run") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    /// Raw results have no time index; a build whose `now` is after every latest result never reads them. Asked in
    /// the same statement as the runs, SQLite scanned them all for each rollup table.
    @Test func aSnapshotAsksWhetherARunIsLaterThanNowFromTheTimeIndexAlone() throws {
        let plan = try Self.plan(ResultStore.laterRunQuery, arguments: [0, Int64.max])
        #expect(plan.contains { $0.contains("USING COVERING INDEX run_by_time") }, "\(plan)")
        #expect(!plan.contains { $0.contains(" result") || $0.hasPrefix("SCAN run") }, "\(plan)")
    }

    @Test func aSnapshotReadsTheRunTimesFromTheTimeIndexWithoutSorting() throws {
        let plan = try Self.plan(ResultStore.runTimesQuery, arguments: [0, Int64.max])
        #expect(plan.contains { $0.contains("USING COVERING INDEX run_by_time") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}

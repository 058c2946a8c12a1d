import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// `appendBatch` (the year benchmark's bulk path) leaves exactly the rows of `append` run by run: after the same
/// prune, every table holds the same rows, whether a batch continues status runs the database already holds or
/// starts new ones, with components missing from some runs and statuses changing from run to run.
@Suite struct StoreBatchAppendTests {
    static func contents(_ store: ResultStore) throws -> [String: [String]] {
        try store.pool.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT IN ('store_revision', 'grdb_migrations')
                """)
            var contents: [String: [String]] = [:]
            for table in tables {
                contents[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                    .map { row in row.databaseValues.map(\.description).joined(separator: "|") }.sorted()
            }
            return contents
        }
    }

    @Test func aBatchLeavesTheRowsOfAppendingRunByRunThenPruning() throws {
        let folder = try TemporaryFolder()
        let components = ["a": ["x", "y"], "b": ["z"], "c": ["w"]]
        // 300 runs ten minutes apart; component c is not probed in every 17th run; every 23rd run has a second
        // result of a/x, half an hour later (another hour, sometimes another day) with another latency.
        let runs = StoreFixtures.history(runs: 300, from: StoreFixtures.day0, step: 600, components: components, seed: 11)
            .enumerated().map { index, run in
                var results = index % 17 == 5 ? run.1.filter { $0.componentID != "c" } : run.1
                if index % 23 == 7, var again = results.first(where: { $0.componentID == "a" && $0.checkID == "x" }) {
                    again.at = again.at.addingTimeInterval(1_800)
                    again.latencyMs = 0.3337
                    results.append(again)
                    results.append(StoreFixtures.result("a", "x", at: again.at.addingTimeInterval(-1), latencyMs: 7.0001))
                }
                return (run: run.0, results: results)
            }
        let now = StoreFixtures.day0.addingTimeInterval(300 * 600)
        let retention = RetentionSettings()
        let rawFrom = now.addingTimeInterval(-Double(retention.rawDays) * 86_400)

        let appended = try ResultStore.open(at: folder.file("appended.sqlite"))
        for (run, results) in runs { try appended.append(run, results: results) }
        try appended.prune(now: now, keeping: retention)

        let batched = try ResultStore.open(at: folder.file("batched.sqlite"))
        for (run, results) in runs[..<40] { try batched.append(run, results: results) }
        try batched.appendBatch(Array(runs[40..<170]), rawResultsFrom: rawFrom)
        try batched.appendBatch(Array(runs[170...]), rawResultsFrom: rawFrom)
        try batched.prune(now: now, keeping: retention)

        let expected = try Self.contents(appended)
        #expect(try Self.contents(batched) == expected)
        // The case is not trivial: raw results were cut, and statuses changed many times.
        #expect((expected["result"]?.count ?? 0) > 100 && (expected["result"]?.count ?? 0) < 1_000)
        #expect((expected["component_status_run"]?.count ?? 0) > 50)
        #expect(expected["run"]?.count == 300)
    }

    /// Appends read the stored rollup rows of the buckets they touch and write them back with the run added
    /// (`BatchAppender`); the rows equal those of adding each run's rollups in SQL, one upsert per run and bucket with
    /// the histogram merged by the SQL function (`importRollups`), in buckets that already hold rows as in new ones.
    @Test func appendedRollupsEqualThoseAddedRunByRunInSQL() throws {
        let folder = try TemporaryFolder()
        let components = ["a": ["x", "y"], "b": ["z"]]
        // Runs 7 minutes apart over two days: many runs meet in each hour and day bucket.
        let runs = StoreFixtures.history(runs: 420, from: StoreFixtures.day0, step: 420, components: components, seed: 5)
        let appended = try ResultStore.open(at: folder.file("appended.sqlite"))
        for (run, results) in runs[..<200] { try appended.append(run, results: results) }
        try appended.appendBatch(Array(runs[200...]))

        let upserted = try ResultStore.open(at: folder.file("upserted.sqlite"))
        for (_, results) in runs {
            var checks: [String: CheckRollup] = [:]
            for result in results {
                for granularity in RollupGranularity.allCases {
                    let start = granularity.bucketStart(of: result.at)
                    checks["\(granularity)/\(start)/\(result.componentID)/\(result.checkID)", default: CheckRollup(
                        componentID: result.componentID, checkID: result.checkID, granularity: granularity,
                        bucketStart: start)].record(result)
                }
            }
            // In the order of the results, so that checks get the same keys as by appending.
            try upserted.importRollups(checks: checks.values.sorted { ($0.componentID, $0.checkID) < ($1.componentID, $1.checkID) },
                                       components: [])
        }
        let expected = try Self.contents(upserted)
        let stored = try Self.contents(appended)
        for table in ["check_rollup_hourly", "check_rollup_daily"] {
            #expect(stored[table] == expected[table], "\(table)")
        }
        // Most runs met stored buckets: 420 runs in 49 hours of 3 days.
        #expect(expected["check_rollup_hourly"]?.count == 49 * 3)
        #expect(expected["check_rollup_daily"]?.count == 3 * 3)
    }
}

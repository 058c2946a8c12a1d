import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// A value this store never writes (wrong type, NULL, impossible number) makes every read throw
/// `StoreError.corrupt` naming the table and column: never a trap, never a silent zero.
@Suite struct StoreDamagedValueTests {
    /// Table, column and the SQL that replaces its value in every row.
    static let damages: [(String, String, String)] = [
        ("check_rollup_daily", "up_count", "'many'"),
        ("check_rollup_daily", "down_count", "-1"),
        ("check_rollup_hourly", "latency_count", "\(Int64(1) << 40)"),
        ("check_rollup_daily", "latency_sum_us", "X'00'"),
        ("check_rollup_daily", "latency_histogram", "X'FF'"),
        ("check_rollup_hourly", "latency_histogram", "12"),
        ("check_rollup_daily", "latency_min_us", "1e300"),
        ("check_rollup_hourly", "total_sum_us", "\(Int64.max)"),
        ("component_rollup_hourly", "major_outage_count", "2.5"),
        ("component_rollup_daily", "component_key", "X'00'"),
        ("component_rollup_hourly", "component_key", "42"),
        ("latest_result", "status", "'sideways'"),
        ("latest_result", "status", "9"),
        ("latest_result", "type", "97"),
        ("result", "check_key", "42"),
        ("component_status_run", "status", "4"),
        ("latest_result", "at_ms", "\(Int64.min)"),
        ("result", "attempts", "'twice'"),
        ("run", "duration_ms", "'long'"),
        ("run", "started_at_ms", "-99999999999999999"),
    ]

    @Test(arguments: damages)
    func aValueThisStoreNeverWritesIsReportedAsDamage(table: String, column: String, value: String) throws {
        let folder = try TemporaryFolder()
        let url = try Self.oneRun(in: folder, damaging: table, column, to: value)
        let store = try #require(try ResultStore.openForReading(at: url))
        let error = #expect(throws: StoreError.self) {
            _ = try store.snapshot(now: StoreFixtures.day0.addingTimeInterval(60), days: 2, includingRecentResults: true)
        }
        #expect(error?.kind == .corrupt)
        #expect(error?.description.hasPrefix("\(url.path) is damaged (\(table).\(column) ") == true, "\(String(describing: error))")
    }

    /// An append into a bucket whose stored row is damaged is refused, naming the table and column, and adds
    /// nothing: appends read the rollup rows they add to and check every value (`BatchAppender`), where an upsert in
    /// SQL added a run to text as to 0.
    @Test(arguments: damages.filter { $0.0.hasPrefix("check_rollup_") })
    func anAppendOntoADamagedRollupRowIsRefused(table: String, column: String, value: String) throws {
        let folder = try TemporaryFolder()
        let url = try Self.oneRun(in: folder, damaging: table, column, to: value)
        let store = try ResultStore.open(at: url)
        let at = StoreFixtures.day0.addingTimeInterval(60)
        let error = #expect(throws: StoreError.self) {
            try store.append(ProbeRun(startedAt: at, durationMs: 1), results: [StoreFixtures.result("api", "health", at: at)])
        }
        #expect(error?.kind == .corrupt)
        #expect(error?.description.hasPrefix("\(url.path) is damaged (\(table).\(column) ") == true, "\(String(describing: error))")
        #expect(try StoreFixtures.count("run", store) == 1)
    }

    /// A store holding one run in `folder`, with `column` of every row of `table` set to the SQL `value`.
    static func oneRun(in folder: TemporaryFolder, damaging table: String, _ column: String, to value: String) throws -> URL {
        let url = folder.file("sitrep.sqlite")
        try StoreFixtures.writeOneRun(to: url)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in try db.execute(sql: "UPDATE \(table) SET \(column) = \(value)") }
        try queue.close()
        return url
    }
}

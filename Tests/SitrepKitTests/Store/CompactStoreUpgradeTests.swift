import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// A database written by sitrep before the compact store (`Fixtures/before-compact-store.sqlite`, schema v1-v4:
/// 288 runs ten minutes apart over 2026-12-05/06 of `web` (checks `home`, down 13:22-14:22 on the first day, and
/// `api`, degraded in stretches) and `db` (check `tcp`, flapping), from two locations, with errors, phase timings
/// and fractional latencies) is upgraded in place by the next writer, and then holds exactly what the same results
/// appended to a new database hold: every raw result, rollup, status run and latest result, and so the same
/// uptime, daily bars and latencies.
@Suite("Store upgrade to the compact store")
struct CompactStoreUpgradeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/before-compact-store.sqlite")
    /// 2026-12-07T00:00:00Z, after the fixture's last run.
    static let now = Date(timeIntervalSince1970: 1_796_601_600)

    /// The fixture's runs and raw results, read with plain SQL from its v4 tables (text ids and statuses, REAL ms).
    static func oldRuns(_ url: URL) throws -> [(run: ProbeRun, results: [CheckResult])] {
        let queue = try DatabaseQueue(path: url.path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            let runs = try Row.fetchAll(db, sql: "SELECT id, started_at_ms, duration_ms, location FROM run ORDER BY id")
            let rows = try Row.fetchAll(db, sql: """
                SELECT run_id, component_id, check_id, type, at_ms, status, latency_ms, dns_ms, connect_ms, tls_ms,
                    ttfb_ms, total_ms, http_status, error_kind, error_message, attempts
                FROM result ORDER BY run_id, ordinal
                """)
            let byRun = Dictionary(grouping: rows) { $0["run_id"] as Int64 }
            return try runs.map { run in
                let results = try (byRun[run["id"] as Int64] ?? []).map { row in
                    let timings: PhaseTimings? = (row["dns_ms"] as Double?).map { dns in
                        PhaseTimings(dnsMs: dns, connectMs: row["connect_ms"], tlsMs: row["tls_ms"], ttfbMs: row["ttfb_ms"],
                                     totalMs: row["total_ms"])
                    }
                    return CheckResult(
                        componentID: row["component_id"], checkID: row["check_id"],
                        type: try #require(CheckType(rawValue: row["type"])),
                        at: StoreTime.date(row["at_ms"]), status: try #require(CheckStatus(rawValue: row["status"])),
                        latencyMs: row["latency_ms"], httpStatus: row["http_status"], timings: timings,
                        error: (row["error_kind"] as String?).map { kind in
                            ProbeError(kind: ProbeErrorKind(rawValue: kind) ?? .other, message: row["error_message"])
                        },
                        attempts: row["attempts"])
                }
                return (ProbeRun(startedAt: StoreTime.date(run["started_at_ms"]), durationMs: run["duration_ms"],
                                 location: run["location"]), results)
            }
        }
    }

    static func model(_ snapshot: StoreSnapshot) -> SiteModel {
        let config = Fixture.config(components: [
            Fixture.component("web", checks: ["home", "api"]), Fixture.component("db", checks: ["tcp"]),
        ])
        return SiteModelBuilder.build(config: config, snapshot: snapshot, content: SiteContent(), now: snapshot.now)
    }

    @Test func theUpgradeKeepsEveryRowAndEqualsAppendingTheSameResults() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sitrep.sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: url)
        let old = try Self.oldRuns(url)
        #expect(old.count == 288 && old.map(\.results.count).reduce(0, +) == 864)

        let upgraded = try ResultStore.open(at: url)
        let migrations = try upgraded.pool.read { db in try StoreSchema.migrator.appliedMigrations(db) }
        #expect(migrations.suffix(3) == [CompactStoreMigration.identifier, LocationsMigration.identifier,
                                          LocationsMigration.segmentTimesIdentifier])
        let fresh = try ResultStore.open(at: folder.file("fresh.sqlite"))
        for (run, results) in old { try fresh.append(run, results: results) }

        // Raw results: every one, with its run, as the old rows held it.
        let raw = try StoreFixtures.rawResults(upgraded)
        #expect(raw.map(\.result) == old.flatMap(\.results))
        #expect(raw.map(\.runID) == (try StoreFixtures.rawResults(fresh)).map(\.runID))
        // Rollups, status runs, latest results and runs: what appending the same results gives.
        for days in [1, 2, 3] {
            let snapshot = try upgraded.snapshot(now: Self.now, days: days, includingRecentResults: true)
            #expect(snapshot == (try fresh.snapshot(now: Self.now, days: days, includingRecentResults: true)))
        }
        let snapshot = try upgraded.snapshot(now: Self.now, days: 3)
        #expect(snapshot.checkDaily.count == 6 && snapshot.componentDaily.count == 4 && snapshot.latestResults.count == 3)
        #expect(snapshot.statusRunHistory.exactFrom == .distantPast)
        #expect(snapshot.statusRunHistory.statusRuns.count == 196)
        // And so the same site: uptime windows, daily bars, latencies.
        let model = Self.model(snapshot)
        #expect(model.components == Self.model(try fresh.snapshot(now: Self.now, days: 3)).components)

        // The upgraded file is whole: reopened for writing (its schema checked against a fresh one's) and reading.
        try upgraded.close()
        _ = try ResultStore.open(at: url)
        #expect(try ResultStore.openForReading(at: url) != nil)
    }

    @Test func theUpgradedFileIsSmaller() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sitrep.sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: url)
        let before = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        let store = try ResultStore.open(at: url)
        // The migration frees the old tables' pages; a prune gives them back to the file system.
        try store.prune(now: Self.now, keeping: RetentionSettings(rawDays: 3650))
        try store.checkpoint()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        // Tables that later migrations add (notifications, result details, locations) are empty pages the fixture never had.
        let added = try store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(pgsize), 0) FROM dbstat
                WHERE name GLOB 'notification_*' OR name GLOB 'sqlite_autoindex_notification_*'
                   OR name GLOB 'result_detail*' OR name GLOB 'sqlite_autoindex_result_detail*'
                   OR name GLOB 'location*'
                """) ?? 0
        }
        #expect(added > 0, "the later tables take pages of their own")
        let after = size - added
        // At this size every table's first page is much of the file (196,608 -> 151,552 bytes measured).
        #expect(after < before * 4 / 5, "\(before) -> \(after) bytes (\(added) bytes of later tables left out)")
        #expect(try StoreFixtures.count("result", store) == 864)
    }
}

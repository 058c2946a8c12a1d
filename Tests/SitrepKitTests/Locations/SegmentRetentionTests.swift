import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// The builder's record of imported segments (`location_segment`) is pruned like every other kind of row: a
/// segment whose runs are older than the agreed history and than `retention.raw_days` is forgotten, and importing
/// its file again still changes nothing.
@Suite struct SegmentRetentionTests {
    /// A day and a quarter of an hour after the first runs: with `raw_days: 1` the cut-off falls between the
    /// two imports below (minutes 0-9 and 10-19).
    let pruneAt = StoreFixtures.day0.addingTimeInterval(86_400 + 15 * 60)
    let retention = RetentionSettings(rawDays: 1)

    @Test func segmentsOlderThanTheAgreedHistoryAndTheRawCutoffAreForgotten() throws {
        let sites = try ThreeLocations()
        for name in ThreeLocations.names { try sites.probe(name, minutes: 0..<10, down: name == "sfo" ? [] : [3]) }
        let early = try ThreeLocations.names.flatMap { try sites.ship($0) }
        try sites.importFiles(early)
        for name in ThreeLocations.names { try sites.probe(name, minutes: 10..<20) }
        let late = try ThreeLocations.names.flatMap { try sites.ship($0) }
        try sites.importFiles(late)
        #expect(try segmentRecords(sites.builder) == 6)

        try sites.builder.prune(now: pruneAt, keeping: retention)
        // The three early segments end at minute 9; the later ones at minute 19, after the cut-off.
        #expect(try segmentRecords(sites.builder) == 3)
        let now = ThreeLocations.time(30, "sfo")
        let before = try sites.builder.snapshot(now: now, days: 2)
        #expect(try sites.agreedCount("api", .majorOutage, now: now) >= 1)

        // Forgotten: imported again, every run is late and nothing changes. Remembered: a duplicate.
        let again = try sites.importFiles(early + late)
        #expect(again.outcomes.map(\.outcome) == Array(repeating: .imported(runs: 10, results: 20, late: 10), count: 3)
            + Array(repeating: .duplicate, count: 3))
        #expect(again.agreedRuns == 0)
        #expect(try sites.builder.snapshot(now: now, days: 2) == before)
    }

    @Test func segmentsTheAgreedHistoryHasNotReachedAreKept() throws {
        // sfo went silent at minute 5 but is not stale yet (stale after an hour), so the agreed history waits at
        // its newest run: the segments of the others, though older than the raw cut-off, are still needed.
        let sites = try ThreeLocations(staleAfterS: 3_600)
        try sites.probe("ams", minutes: 0..<10)
        try sites.probe("nyc", minutes: 0..<10)
        try sites.probe("sfo", minutes: 0..<5)
        let report = try sites.importFiles(ThreeLocations.names.flatMap { try sites.ship($0) })
        #expect(report.settledAt == ThreeLocations.time(4, "sfo"))
        try sites.builder.prune(now: pruneAt, keeping: retention)
        // Only sfo's segment (newest run at minute 4, agreed) is forgotten.
        #expect(try segmentRecords(sites.builder) == 2)
        let again = try sites.importFiles(ThreeLocations.names.flatMap { name in
            try FileManager.default.contentsOfDirectory(at: sites.inbox, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasPrefix("\(name).") }
        })
        #expect(again.outcomes.map(\.outcome) == [.duplicate, .duplicate, .imported(runs: 5, results: 10, late: 5)])
    }

    @Test func recordsFromBeforeTheirTimeWasKeptTakeTheirLocationsNewestRun() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("builder.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try StoreSchema.migrator.migrate(queue, upTo: LocationsMigration.identifier)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO location (key, name, newest_run_ms) VALUES (1, 'ams', 1000), (2, 'nyc', 2000);
                INSERT INTO location_segment (location_key, first_run_id, last_run_id)
                VALUES (1, 1, 10), (1, 11, 20), (2, 1, 10);
                """)
        }
        try queue.close()
        let store = try ResultStore.open(at: url)
        let times = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT location_key, newest_run_ms FROM location_segment ORDER BY location_key, first_run_id")
                .map { [$0[0] as Int64, $0[1] as Int64] }
        }
        #expect(times == [[1, 1000], [1, 1000], [2, 2000]])
    }

    private func segmentRecords(_ store: ResultStore) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM location_segment") ?? -1 }
    }
}

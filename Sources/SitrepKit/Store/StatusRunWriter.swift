import Foundation
import GRDB

/// What an append (`BatchAppender`) needs of `component_status_run`: the status runs the next run may extend
/// (a component seen in the same status as in the run before extends its open status run; any other starts a new
/// one), and where exact history starts after an import of rollups. The table has no index but its primary key
/// (component, first run).
enum StatusRunWriter {
    /// Each component's newest status run, by component key, when run `previousRunID` ends it: the one the next
    /// run may extend. `CROSS JOIN` keeps SQLite's join order (components outside, a primary-key seek each): left
    /// to choose, SQLite scanned every status run (a million after a year of flapping) on every append.
    static func openRuns(endingWith previousRunID: Int64, _ db: Database) throws -> [Int64: (status: Int64, firstRunID: Int64)] {
        var open: [Int64: (status: Int64, firstRunID: Int64)] = [:]
        let rows = try Row.fetchCursor(db, sql: openRunsQuery, arguments: [previousRunID])
        while let row = try rows.next() {
            let stored = StoredRow(row, of: "component_status_run")
            open[try stored.integer(0)] = (try stored.integer(1), try stored.integer(2))
        }
        return open
    }

    /// The query of `openRuns`; its one argument is the previous run's id.
    static let openRunsQuery = """
        SELECT s.component_key, s.status, s.first_run_id FROM component_key AS c
        CROSS JOIN component_status_run AS s ON s.component_key = c.key AND s.first_run_id = (
            SELECT max(first_run_id) FROM component_status_run WHERE component_key = c.key)
        WHERE s.last_run_id = ?
        """

    /// Moves the start of exact history past imported rollups: an import says how many observations a bucket had,
    /// not when, so exact history starts at the first UTC midnight after the newest imported bucket.
    static func afterImport(_ components: [ComponentRollup], in db: Database) throws {
        let ends = components.filter { $0.observations > 0 }.map { rollup in
            rollup.granularity.bucketStartMs(of: StoreTime.milliseconds(rollup.bucketStart)) + rollup.granularity.lengthMs
        }
        guard let end = ends.max() else { return }
        let midnight = RollupGranularity.daily.bucketStartMs(of: end - 1) + StoreTime.dayMs
        try db.execute(sql: """
            UPDATE status_run_origin SET exact_from_ms = max(coalesce(exact_from_ms, ?1), ?1) WHERE id = 1
            """, arguments: [midnight])
    }
}

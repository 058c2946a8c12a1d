import Foundation
import GRDB

/// Keeps `component_status_run` up to date on every append, inside the append's transaction: a component seen
/// in the same status as in the run before extends its open status run; any other starts a new one.
///
/// Cost per append: one indexed read of the status runs the previous run ended, one `UPDATE` per 200 extended
/// components and one batched insert of the new ones.
enum StatusRunWriter {
    /// `statuses`: each component's automatic status in run `runID`; `previousRunID`: the run stored before it.
    static func record(_ statuses: [String: ComponentStatus], runID: Int64, previousRunID: Int64?, in db: Database) throws {
        var open: [String: String] = [:]
        if let previousRunID {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT component_id, status FROM component_status_run WHERE last_run_id = ?",
                arguments: [previousRunID])
            while let row = try rows.next() {
                let stored = StoredRow(row, of: "component_status_run")
                open[try stored.text(0)] = try stored.text(1)
            }
        }
        var extended: [String] = []
        var started: [[(any DatabaseValueConvertible)?]] = []
        for componentID in statuses.keys.sorted() {
            guard let status = statuses[componentID] else { continue }
            if open[componentID] == status.rawValue {
                extended.append(componentID)
            } else {
                started.append([componentID, status.rawValue, runID, runID])
            }
        }
        if let previousRunID {
            var start = 0
            while start < extended.count {
                let end = min(start + RowBatch.rowsPerStatement, extended.count)
                let list = Array(repeating: "?", count: end - start).joined(separator: ", ")
                let statement = try db.cachedStatement(sql: """
                    UPDATE component_status_run SET last_run_id = ? WHERE last_run_id = ? AND component_id IN (\(list))
                    """)
                try statement.execute(arguments: StatementArguments([runID, previousRunID] + Array(extended[start..<end])))
                start = end
            }
        }
        try RowBatch.insert(
            started, head: "INSERT INTO component_status_run (component_id, status, first_run_id, last_run_id)", in: db)
    }

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

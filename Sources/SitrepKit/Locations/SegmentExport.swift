import Foundation
import GRDB

extension ResultStore {
    /// The runs recorded since the last export that still have raw results, as one segment per location name (a
    /// probe that changed its `--location` sends each name's runs apart), handed to `write`; when `write` returns,
    /// they are marked exported in the same transaction, so a failed write exports them again next time and a
    /// segment is never skipped. Returns the segments written (none when nothing is new).
    public func exportSegments(write: ([Segment]) throws -> Void) throws -> [Segment] {
        do {
            return try pool.write { db in
                let keys = try StoreKeys.load(db)
                let lastExported = try Int64.fetchOne(db, sql: "SELECT last_run_id FROM location_export WHERE id = 1") ?? 0
                var runs: [Int64: (run: ProbeRun, results: [CheckResult])] = [:]
                var order: [Int64] = []
                let runRows = try Row.fetchCursor(db, sql: """
                    SELECT id, started_at_ms, duration_ms, location FROM run WHERE id > ? ORDER BY id
                    """, arguments: [lastExported])
                while let row = try runRows.next() {
                    let stored = StoredRow(row, of: "run")
                    let id = try stored.integer(0)
                    runs[id] = (ProbeRun(startedAt: try stored.instant(1), durationMs: try stored.milliseconds(2),
                                         location: try stored.text(3)), [])
                    order.append(id)
                }
                guard let newest = order.last else { return [] }
                let resultRows = try Row.fetchCursor(db, sql: """
                    SELECT run_id, ordinal, \(ResultRow.columnList) FROM result WHERE run_id > ? ORDER BY run_id, ordinal
                    """, arguments: [lastExported])
                while let row = try resultRows.next() {
                    let id = try StoredRow(row, of: "result").integer(0)
                    runs[id]?.results.append(try ResultRow.decode(row, from: 2, table: "result", keys: keys))
                }
                var byLocation: [String: [Segment.Run]] = [:]
                for id in order {
                    guard let entry = runs[id], !entry.results.isEmpty else { continue }
                    // With their failed-condition summaries and a flow's steps, which live beside the result rows.
                    let results = try ResultDetail.attach(to: entry.results, db)
                    byLocation[entry.run.location, default: []].append(Segment.Run(id: id, run: entry.run, results: results))
                }
                for name in byLocation.keys where !Segment.isValidLocation(name) {
                    throw SegmentExportError.invalidLocation(name)
                }
                let segments = byLocation.keys.sorted().compactMap { name in
                    byLocation[name].map { Segment(location: name, runs: $0) }
                }
                try write(segments)
                try db.execute(sql: """
                    INSERT INTO location_export (id, last_run_id) VALUES (1, ?1)
                    ON CONFLICT (id) DO UPDATE SET last_run_id = ?1
                    """, arguments: [newest])
                return segments
            }
        } catch let error as SegmentExportError {
            throw error
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }
}

/// Why `sitrep export` wrote nothing.
public enum SegmentExportError: Error, Sendable, CustomStringConvertible {
    case invalidLocation(String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidLocation(let name):
            "runs were probed with --location \"\(name)\", which cannot name a segment (use 1 to 64 letters, digits, "
                + "'.', '_' or '-'); nothing was exported."
        case .unwritable(let path, let reason):
            "cannot write segment \(path): \(reason); nothing was marked exported."
        }
    }
}

import Foundation
import GRDB

/// `result_detail`: what a result carries beyond the `result` columns, for the few results that have it: a
/// failed condition's or step's summary (`ProbeError.summary`, shown for every check) and a flow's steps (JSON,
/// one object per step). Keyed like the result it belongs to; kept as long as that raw result, or as long as it
/// is a check's latest result.
enum ResultDetail {
    static let migration = "v7: flow steps"

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE result_detail (
                component_id TEXT NOT NULL,
                check_id TEXT NOT NULL,
                at_ms INTEGER NOT NULL,
                error_summary TEXT,
                steps TEXT,
                PRIMARY KEY (component_id, check_id, at_ms)
            ) WITHOUT ROWID
            """)
    }

    /// Adds the detail of every result that has any; a later write for the same key replaces it.
    static func append(_ results: [CheckResult], in db: Database) throws {
        var rows: [[DatabaseValue]] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for result in results where result.error?.summary != nil || !result.steps.isEmpty {
            let steps = result.steps.isEmpty ? nil : String(decoding: try encoder.encode(result.steps), as: UTF8.self)
            rows.append([result.componentID.databaseValue, result.checkID.databaseValue, StoreTime.milliseconds(result.at).databaseValue,
                         (result.error?.summary).bound, steps.bound])
        }
        try RowBatch.insert(rows, head: "INSERT OR REPLACE INTO result_detail (component_id, check_id, at_ms, error_summary, steps)", in: db)
    }

    /// Deletes the detail of results older than `rawCutoffMs` that are no check's latest result any more.
    static func prune(before rawCutoffMs: Int64, in db: Database) throws {
        guard try db.tableExists("result_detail") else { return }
        try db.execute(sql: """
            DELETE FROM result_detail WHERE at_ms < ? AND NOT EXISTS (
                SELECT 1 FROM latest_result l JOIN check_key k ON k.key = l.check_key
                JOIN component_key c ON c.key = k.component_key
                WHERE c.component_id = result_detail.component_id AND k.check_id = result_detail.check_id
                AND l.at_ms = result_detail.at_ms)
            """, arguments: [rawCutoffMs])
    }

    /// `results` with their summaries and steps filled in (unchanged for a database without the table).
    static func attach(to results: [CheckResult], _ db: Database) throws -> [CheckResult] {
        guard try db.tableExists("result_detail") else { return results }
        let statement = try db.cachedStatement(sql: """
            SELECT error_summary, steps FROM result_detail WHERE component_id = ? AND check_id = ? AND at_ms = ?
            """)
        let decoder = JSONDecoder()
        return try results.map { result in
            guard result.error != nil || result.type == .flow,
                  let row = try Row.fetchOne(statement, arguments: [result.componentID, result.checkID, StoreTime.milliseconds(result.at)])
            else { return result }
            let stored = StoredRow(row, of: "result_detail")
            var result = result
            if let summary = try stored.optionalText(0) { result.error?.summary = summary }
            if let steps = try stored.optionalText(1) {
                guard let decoded = try? decoder.decode([FlowStepResult].self, from: Data(steps.utf8)) else {
                    throw stored.damage(1, "holds steps that are not sitrep's JSON")
                }
                result.steps = decoded
            }
            return result
        }
    }
}

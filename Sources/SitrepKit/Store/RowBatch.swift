import GRDB

/// Writes many rows with few statements: `INSERT … VALUES (…), (…), … <suffix>` with up to 200 rows each, fewer
/// where the linked SQLite allows fewer arguments per statement (statements are cached per size, so a run
/// reuses at most two). Per-statement overhead, not SQLite's work per row, was most of the time of a
/// 1,000-result append (72 ms a statement a row, 35 ms batched: `sitrep-bench store-commit`). Binding is still
/// most of an append's time: GRDB turns every value into a `DatabaseValue` through unspecialised generic code
/// (about 100 ns a value; its initialiser for a homogeneous sequence, through a key path, is slower still), so the
/// fewer values an append binds, the faster it is.
enum RowBatch {
    static let rowsPerStatement = 200

    /// `head` is everything before `VALUES`; `tail` follows the last row (an `ON CONFLICT` clause, or empty).
    /// Every row has one value per column of `head`.
    static func insert(_ rows: [[DatabaseValue]], head: String, tail: String = "", in db: Database) throws {
        guard let columns = rows.first?.count else { return }
        let placeholders = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let perStatement = max(1, min(rowsPerStatement, db.maximumStatementArgumentCount / max(1, columns)))
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let sql = "\(head) VALUES \(Array(repeating: placeholders, count: end - start).joined(separator: ", ")) \(tail)"
            let statement = try db.cachedStatement(sql: sql)
            var values: [DatabaseValue] = []
            values.reserveCapacity((end - start) * columns)
            for row in rows[start..<end] { values.append(contentsOf: row) }
            try statement.execute(arguments: arguments(values))
            start = end
        }
    }

    /// `values` as arguments, through GRDB's initialiser for optional existentials (its generic one for a sequence
    /// of `DatabaseValue` maps a key path per value: a quarter of an append).
    static func arguments(_ values: [DatabaseValue]) -> StatementArguments {
        StatementArguments(values.map { Optional<any DatabaseValueConvertible>.some($0) })
    }
}

extension Optional where Wrapped: DatabaseValueConvertible {
    /// The value a row binds: NULL for nil.
    var bound: DatabaseValue { self?.databaseValue ?? .null }
}

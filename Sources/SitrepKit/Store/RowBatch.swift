import GRDB

/// Writes many rows with few statements: `INSERT … VALUES (…), (…), … <suffix>` with up to 200 rows each, fewer
/// where the linked SQLite allows fewer arguments per statement (statements are cached per size, so a run
/// reuses at most two). Per-statement overhead, not SQLite's work per row, was most of the time of a
/// 1,000-result append (72 ms a statement a row, 35 ms batched: `sitrep-bench store-commit`). Values are bound
/// straight to the statement (`bind`), not through `StatementArguments`, which wraps and copies each one: a
/// 1,000-result append went from 54 to 34 ms (`sitrep-bench store-commit`, median).
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
            try bind(rows[start..<end].joined(), count: (end - start) * columns, to: statement)
            try statement.execute()
            start = end
        }
    }

    /// Binds `values` to the statement's `count` parameters in order, straight into SQLite: building a
    /// `StatementArguments` wraps every value in an existential and copies it again (a third of an append).
    static func bind(_ values: some Sequence<DatabaseValue>, count: Int, to statement: Statement) throws {
        // Clears the previous bindings and tells GRDB the statement's arguments are set.
        statement.setUncheckedArguments(StatementArguments())
        var index: CInt = 0
        for value in values {
            index += 1
            guard index <= count else { break }
            let code = value.bind(to: statement.sqliteStatement, at: index)
            guard code == ResultCode.SQLITE_OK.rawValue else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "could not bind a value", sql: statement.sql)
            }
        }
        guard index == count else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(index) values for \(count) parameters", sql: statement.sql)
        }
    }
}

extension Optional where Wrapped: DatabaseValueConvertible {
    /// The value a row binds: NULL for nil.
    var bound: DatabaseValue { self?.databaseValue ?? .null }
}

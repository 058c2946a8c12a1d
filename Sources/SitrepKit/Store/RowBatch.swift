import GRDB

/// Writes many rows with few statements: `INSERT … VALUES (…), (…), … <suffix>` with up to 32 rows each, fewer
/// where the linked SQLite allows fewer arguments per statement (statements are cached per size, so a run
/// reuses at most two). Per-statement overhead, not SQLite's work per row, was most of the time of a
/// 1,000-result append (72 ms a statement a row, 35 ms batched: `sitrep-bench store-commit`). Values are bound
/// straight to the statement (`bind`), not through `StatementArguments`, which wraps and copies each one: a
/// 1,000-result append went from 54 to 34 ms (`sitrep-bench store-commit`, median).
///
/// 32 rows, not more: `sitrep probe` is a new process each time, so every statement is prepared afresh, and
/// SQLite's parse grows with the placeholders (a 200-row statement of 16 columns has 3,200). A 1,000-check probe
/// counted 448.3 million instructions with 200 rows, 438.8 with 64 and 432.6 with 32 (callgrind, the same store;
/// session 31 counted 430 against 448 with 25, but kept 200 on timings too noisy to tell).
enum RowBatch {
    static let rowsPerStatement = 32

    /// `head` is everything before `VALUES`; `tail` follows the last row (an `ON CONFLICT` clause, or empty).
    /// Every row has one value per column of `head`.
    static func insert(_ rows: [[DatabaseValue]], head: String, tail: String = "", in db: Database) throws {
        guard let columns = rows.first?.count else { return }
        let perStatement = max(1, min(rowsPerStatement, db.maximumStatementArgumentCount / max(1, columns)))
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let statement = try db.cachedStatement(sql: "\(head) VALUES \(placeholders(rows: end - start, columns: columns)) \(tail)")
            try bind(rows: rows[start..<end], columns: columns, to: statement)
            try statement.execute()
            start = end
        }
    }

    /// `(?, ?), (?, ?)` for two rows of two columns. Built by repetition, not by joining arrays of strings: the
    /// text is made again for each statement of an append (to find it in GRDB's cache), and with 200-row
    /// statements joining cost 4.5 of a probe's 457 million instructions (callgrind).
    static func placeholders(rows: Int, columns: Int) -> String {
        guard rows > 0, columns > 0 else { return "" }
        let row = "(" + String(repeating: "?, ", count: columns - 1) + "?)"
        return String(repeating: row + ", ", count: rows - 1) + row
    }

    /// Binds rows of `columns` values each to the statement's parameters in order, straight into SQLite (every row
    /// must have that many): building a `StatementArguments` wraps every value in an existential and copies it
    /// again (a third of an append).
    static func bind(rows: ArraySlice<[DatabaseValue]>, columns: Int, to statement: Statement) throws {
        // Clears the previous bindings and tells GRDB the statement's arguments are set.
        statement.setUncheckedArguments(StatementArguments())
        var index: CInt = 0
        for row in rows {
            guard row.count == columns else {
                throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a row of \(row.count) values for \(columns) columns", sql: statement.sql)
            }
            for value in row {
                index += 1
                let code = value.bind(to: statement.sqliteStatement, at: index)
                guard code == ResultCode.SQLITE_OK.rawValue else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "could not bind a value", sql: statement.sql)
                }
            }
        }
    }
}

extension Optional where Wrapped: DatabaseValueConvertible {
    /// The value a row binds: NULL for nil.
    var bound: DatabaseValue { self?.databaseValue ?? .null }
}

import Foundation
import GRDB

/// One row read from the store, its values taken by position with their SQLite storage class and range checked.
///
/// A NULL, text or blob where this store writes a number, or a number it could never have written (a count
/// below zero or beyond `countLimit`, an instant outside the years 1-9999, a duration that is not finite), is
/// a damaged database: `SQLITE_CORRUPT` naming the table and column, never a trap (GRDB's `row[i]` subscripts
/// stop the process on a NULL) and never a silent zero (SQLite reads text as 0 where a number is asked for).
///
/// Rows of a large read are read straight from their statement (`init(_:of:statement:)`): going through the
/// `Row` for every value made a build's snapshot read take half as long again.
struct StoredRow {
    /// The largest count one rollup bucket may hold: a probe every millisecond for 49 days. Sums of counts over
    /// every bucket a build reads stay far from `Int.max`.
    static let countLimit: Int64 = 1 << 32
    /// Milliseconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: instants with four-digit years.
    static let instantRange: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999
    /// Durations and latency sums in milliseconds: about 31,000 years either way.
    static let millisecondsLimit = 1e15

    let row: Row
    /// The table the row was selected from, for the message.
    let table: String
    /// The statement the row was read from, when given: its values are read from it directly.
    private let statement: SQLiteStatement?

    /// `statement` is the one the row's cursor steps through, for the large reads.
    init(_ row: Row, of table: String, statement: Statement? = nil) {
        self.row = row
        self.table = table
        self.statement = statement?.sqliteStatement
    }

    func text(_ index: Int) throws -> String {
        guard let text = try optionalText(index) else { throw damage(index, "holds no value") }
        return text
    }

    func optionalText(_ index: Int) throws -> String? {
        switch try value(index).storage {
        case .null: return nil
        case .string(let text): return text
        case .int64, .double: throw damage(index, "holds a number where text belongs")
        case .blob: throw damage(index, "holds binary data where text belongs")
        }
    }

    func integer(_ index: Int) throws -> Int64 {
        guard let integer = try optionalInteger(index) else { throw damage(index, "holds no value") }
        return integer
    }

    func optionalInteger(_ index: Int) throws -> Int64? {
        switch try value(index).storage {
        case .null: return nil
        case .int64(let integer): return integer
        case .double: throw damage(index, "holds a real number where a whole number belongs")
        case .string: throw damage(index, "holds text where a number belongs")
        case .blob: throw damage(index, "holds binary data where a number belongs")
        }
    }

    /// A count of observations, results or attempts: `0...countLimit`.
    func count(_ index: Int) throws -> Int {
        let count = try integer(index)
        guard count >= 0, count <= Self.countLimit else { throw damage(index, "holds an impossible count") }
        return Int(count)
    }

    func optionalInt(_ index: Int) throws -> Int? {
        try optionalInteger(index).map { Int($0) }
    }

    /// An instant stored as milliseconds since 1970 (UTC).
    func instant(_ index: Int) throws -> Date {
        let milliseconds = try integer(index)
        guard Self.instantRange.contains(milliseconds) else { throw damage(index, "holds an impossible time") }
        return StoreTime.date(milliseconds)
    }

    /// Milliseconds (a duration, latency or a sum of them): finite and within `millisecondsLimit`.
    func milliseconds(_ index: Int) throws -> Double {
        guard let value = try optionalMilliseconds(index) else { throw damage(index, "holds no value") }
        return value
    }

    func optionalMilliseconds(_ index: Int) throws -> Double? {
        let number: Double
        switch try value(index).storage {
        case .null: return nil
        case .double(let double): number = double
        case .int64(let integer): number = Double(integer)
        case .string: throw damage(index, "holds text where a number belongs")
        case .blob: throw damage(index, "holds binary data where a number belongs")
        }
        guard number.isFinite, abs(number) <= Self.millisecondsLimit else { throw damage(index, "holds an impossible duration") }
        return number
    }

    /// Whole microseconds (the compact store's latencies and their sums), as milliseconds.
    func microseconds(_ index: Int) throws -> Double {
        guard let value = try optionalMicroseconds(index) else { throw damage(index, "holds no value") }
        return value
    }

    func optionalMicroseconds(_ index: Int) throws -> Double? {
        guard let us = try optionalInteger(index) else { return nil }
        guard us >= -StoreCodes.limitUs, us <= StoreCodes.limitUs else { throw damage(index, "holds an impossible duration") }
        return StoreCodes.milliseconds(us)
    }

    /// A code of `StoreCodes`, decoded by `decode`; damage when it knows no such code.
    func code<Decoded>(_ index: Int, _ decode: (Int64) -> Decoded?, _ what: String) throws -> Decoded {
        guard let decoded = decode(try integer(index)) else { throw damage(index, "holds an unknown \(what)") }
        return decoded
    }

    func blob(_ index: Int) throws -> Data {
        switch try value(index).storage {
        case .blob(let data): return data
        case .null: throw damage(index, "holds no value")
        case .int64, .double, .string: throw damage(index, "holds something other than binary data")
        }
    }

    private func value(_ index: Int) throws -> DatabaseValue {
        guard index >= 0, index < row.count else { throw damage(index, "is missing") }
        if let statement { return DatabaseValue(sqliteStatement: statement, index: CInt(index)) }
        return try row.decode(DatabaseValue.self, atIndex: index)
    }

    /// The error for a value this store never writes; named by table and column.
    func damage(_ index: Int, _ problem: String) -> DatabaseError {
        let names = Array(row.columnNames)
        let column = names.indices.contains(index) ? names[index] : "column \(index + 1)"
        return DatabaseError(resultCode: .SQLITE_CORRUPT, message: "\(table).\(column) \(problem)")
    }
}

import Foundation
import GRDB

/// How a `CheckResult` maps onto the columns shared by `result` and `latest_result` (v5: keys and codes, see
/// `StoreCodes` and `StoreKeys`).
enum ResultRow {
    static let columns = [
        "at_ms", "check_key", "type", "status", "latency_us",
        "dns_us", "connect_us", "tls_us", "ttfb_us", "total_us",
        "http_status", "error_kind", "error_message", "attempts",
    ]

    static var columnList: String { columns.joined(separator: ", ") }

    /// The values of `columns`, after the `prefix` values the table has before them (a run id and an ordinal).
    static func values(_ result: CheckResult, checkKey: Int64, after prefix: [DatabaseValue] = []) -> [DatabaseValue] {
        let timings = result.timings
        var values = prefix
        values.reserveCapacity(prefix.count + columns.count)
        values += [
            StoreTime.milliseconds(result.at).databaseValue, checkKey.databaseValue, StoreCodes.code(result.type).databaseValue,
            StoreCodes.code(result.status).databaseValue, result.latencyMs.map(StoreCodes.microseconds).bound,
            timings.map { StoreCodes.microseconds($0.dnsMs) }.bound, timings.map { StoreCodes.microseconds($0.connectMs) }.bound,
            timings.map { StoreCodes.microseconds($0.tlsMs) }.bound, timings.map { StoreCodes.microseconds($0.ttfbMs) }.bound,
            timings.map { StoreCodes.microseconds($0.totalMs) }.bound,
            result.httpStatus.bound, result.error.map { StoreCodes.code($0.kind) }.bound, (result.error?.message).bound,
            result.attempts.databaseValue,
        ]
        return values
    }

    /// Decodes a row of `table` selected with `columnList` starting at column `offset` (by position: name
    /// lookups are slow); throws `SQLITE_CORRUPT` for values this store never writes.
    static func decode(_ row: Row, from offset: Int = 0, table: String = "result", keys: StoreKeys) throws -> CheckResult {
        let stored = StoredRow(row, of: table)
        let series = try keys.check(stored, offset + 1)
        let type = try stored.code(offset + 2, StoreCodes.checkType, "check type")
        let status = try stored.code(offset + 3, StoreCodes.checkStatus, "status")
        var timings: PhaseTimings?
        if let dns = try stored.optionalMicroseconds(offset + 5), let connect = try stored.optionalMicroseconds(offset + 6),
           let tls = try stored.optionalMicroseconds(offset + 7), let ttfb = try stored.optionalMicroseconds(offset + 8),
           let total = try stored.optionalMicroseconds(offset + 9) {
            timings = PhaseTimings(dnsMs: dns, connectMs: connect, tlsMs: tls, ttfbMs: ttfb, totalMs: total)
        }
        var error: ProbeError?
        if let kind = try stored.optionalInteger(offset + 11) {
            error = ProbeError(kind: StoreCodes.errorKind(kind), message: try stored.optionalText(offset + 12) ?? "")
        }
        return CheckResult(
            componentID: series.componentID, checkID: series.checkID, type: type,
            at: try stored.instant(offset), status: status, latencyMs: try stored.optionalMicroseconds(offset + 4),
            httpStatus: try stored.optionalInt(offset + 10), timings: timings, error: error,
            attempts: try stored.count(offset + 13))
    }
}

import Foundation
import GRDB

/// How a `CheckResult` maps onto the columns shared by `result` and `latest_result`.
enum ResultRow {
    static let columns = [
        "at_ms", "component_id", "check_id", "type", "status", "latency_ms",
        "dns_ms", "connect_ms", "tls_ms", "ttfb_ms", "total_ms",
        "http_status", "error_kind", "error_message", "attempts",
    ]

    static var columnList: String { columns.joined(separator: ", ") }

    static func values(_ result: CheckResult) -> [(any DatabaseValueConvertible)?] {
        [
            StoreTime.milliseconds(result.at), result.componentID, result.checkID, result.type.rawValue,
            result.status.rawValue, result.latencyMs,
            result.timings?.dnsMs, result.timings?.connectMs, result.timings?.tlsMs, result.timings?.ttfbMs,
            result.timings?.totalMs,
            result.httpStatus, result.error?.kind.rawValue, result.error?.message, result.attempts,
        ]
    }

    /// Decodes a row of `table` selected with `columnList` starting at column `offset` (by position: name
    /// lookups are slow); throws `SQLITE_CORRUPT` for values this store never writes.
    static func decode(_ row: Row, from offset: Int = 0, table: String = "result") throws -> CheckResult {
        let stored = StoredRow(row, of: table)
        guard let type = CheckType(rawValue: try stored.text(offset + 3)) else {
            throw stored.damage(offset + 3, "holds an unknown check type")
        }
        guard let status = CheckStatus(rawValue: try stored.text(offset + 4)) else {
            throw stored.damage(offset + 4, "holds an unknown status")
        }
        var timings: PhaseTimings?
        if let dns = try stored.optionalMilliseconds(offset + 6), let connect = try stored.optionalMilliseconds(offset + 7),
           let tls = try stored.optionalMilliseconds(offset + 8), let ttfb = try stored.optionalMilliseconds(offset + 9),
           let total = try stored.optionalMilliseconds(offset + 10) {
            timings = PhaseTimings(dnsMs: dns, connectMs: connect, tlsMs: tls, ttfbMs: ttfb, totalMs: total)
        }
        var error: ProbeError?
        if let kindText = try stored.optionalText(offset + 12) {
            let message = try stored.optionalText(offset + 13) ?? ""
            error = ProbeError(kind: ProbeErrorKind(rawValue: kindText) ?? .other, message: message)
        }
        return CheckResult(
            componentID: try stored.text(offset + 1), checkID: try stored.text(offset + 2), type: type,
            at: try stored.instant(offset), status: status, latencyMs: try stored.optionalMilliseconds(offset + 5),
            httpStatus: try stored.optionalInt(offset + 11), timings: timings, error: error,
            attempts: try stored.count(offset + 14))
    }
}

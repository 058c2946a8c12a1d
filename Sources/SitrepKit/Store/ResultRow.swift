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

    /// Decodes a row selected with `columnList` starting at column `offset` (by position: name lookups are slow);
    /// throws `SQLITE_CORRUPT` for values this store never writes.
    static func decode(_ row: Row, from offset: Int = 0) throws -> CheckResult {
        let typeText: String = row[offset + 3]
        let statusText: String = row[offset + 4]
        guard let type = CheckType(rawValue: typeText), let status = CheckStatus(rawValue: statusText) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown check type or status in a result")
        }
        var timings: PhaseTimings?
        if let dns: Double = row[offset + 6], let connect: Double = row[offset + 7], let tls: Double = row[offset + 8],
           let ttfb: Double = row[offset + 9], let total: Double = row[offset + 10] {
            timings = PhaseTimings(dnsMs: dns, connectMs: connect, tlsMs: tls, ttfbMs: ttfb, totalMs: total)
        }
        var error: ProbeError?
        if let kindText: String = row[offset + 12] {
            let message: String = row[offset + 13] ?? ""
            error = ProbeError(kind: ProbeErrorKind(rawValue: kindText) ?? .other, message: message)
        }
        return CheckResult(
            componentID: row[offset + 1], checkID: row[offset + 2], type: type,
            at: StoreTime.date(row[offset]), status: status, latencyMs: row[offset + 5],
            httpStatus: row[offset + 11], timings: timings, error: error, attempts: row[offset + 14])
    }
}

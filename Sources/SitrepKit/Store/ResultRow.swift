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

    /// Decodes a row selected with `columnList`; throws `SQLITE_CORRUPT` for values this store never writes.
    static func decode(_ row: Row) throws -> CheckResult {
        let typeText: String = row["type"]
        let statusText: String = row["status"]
        guard let type = CheckType(rawValue: typeText), let status = CheckStatus(rawValue: statusText) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown check type or status in a result")
        }
        var timings: PhaseTimings?
        if let dns: Double = row["dns_ms"], let connect: Double = row["connect_ms"], let tls: Double = row["tls_ms"],
           let ttfb: Double = row["ttfb_ms"], let total: Double = row["total_ms"] {
            timings = PhaseTimings(dnsMs: dns, connectMs: connect, tlsMs: tls, ttfbMs: ttfb, totalMs: total)
        }
        var error: ProbeError?
        if let kindText: String = row["error_kind"] {
            let message: String = row["error_message"] ?? ""
            error = ProbeError(kind: ProbeErrorKind(rawValue: kindText) ?? .other, message: message)
        }
        return CheckResult(
            componentID: row["component_id"], checkID: row["check_id"], type: type,
            at: StoreTime.date(row["at_ms"]), status: status, latencyMs: row["latency_ms"],
            httpStatus: row["http_status"], timings: timings, error: error, attempts: row["attempts"])
    }
}

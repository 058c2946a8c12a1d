import Foundation

/// The small integers the compact store (v5) keeps instead of text, and latencies as integer microseconds.
///
/// SQLite stores the integers 0 and 1 in the record header alone, so each enum's most frequent case is 0 and the
/// next 1. The codes are part of the file format: never renumbered, new cases get new numbers.
enum StoreCodes {
    static func code(_ status: CheckStatus) -> Int {
        switch status {
        case .up: 0
        case .degraded: 1
        case .down: 2
        }
    }

    static func checkStatus(_ code: Int64) -> CheckStatus? {
        switch code {
        case 0: .up
        case 1: .degraded
        case 2: .down
        default: nil
        }
    }

    /// Automatic component statuses only (status runs never hold `underMaintenance`).
    static func code(_ status: ComponentStatus) -> Int {
        switch status {
        case .operational: 0
        case .degradedPerformance: 1
        case .partialOutage: 2
        case .majorOutage: 3
        case .underMaintenance: 4
        }
    }

    static func componentStatus(_ code: Int64) -> ComponentStatus? {
        switch code {
        case 0: .operational
        case 1: .degradedPerformance
        case 2: .partialOutage
        case 3: .majorOutage
        default: nil
        }
    }

    static func code(_ type: CheckType) -> Int {
        switch type {
        case .http: 0
        case .tcp: 1
        case .dns: 2
        case .flow: 3
        case .postgres: 4
        case .redis: 5
        case .amqp: 6
        case .smtp: 7
        case .tls: 8
        }
    }

    static func checkType(_ code: Int64) -> CheckType? {
        switch code {
        case 0: .http
        case 1: .tcp
        case 2: .dns
        case 3: .flow
        case 4: .postgres
        case 5: .redis
        case 6: .amqp
        case 7: .smtp
        case 8: .tls
        default: nil
        }
    }

    /// Error kinds by code: the first twelve in the order of `ProbeErrorKind`'s cases when v5 was made, later
    /// kinds appended. A code this sitrep does not know (a newer one's) reads as `.other`, as an unknown kind's
    /// text did before.
    static let errorKinds: [ProbeErrorKind] = [
        .dns, .connect, .tls, .timeout, .httpStatus, .body, .json, .tooLarge, .redirects, .certificate, .slow, .other,
        .header, .capture, .protocol, .auth, .unavailable, .field,
    ]

    static func code(_ kind: ProbeErrorKind) -> Int {
        errorKinds.firstIndex(of: kind) ?? otherCode
    }

    private static let otherCode = 11

    static func errorKind(_ code: Int64) -> ProbeErrorKind {
        code >= 0 && code < errorKinds.count ? errorKinds[Int(code)] : .other
    }

    /// Milliseconds as whole microseconds: exact for every latency libcurl reports (it counts microseconds);
    /// others (DNS and TCP checks timed by the clock) are rounded to the microsecond. Beyond the range a
    /// duration can have (`StoredRow.millisecondsLimit`), and for NaN, the value is clamped.
    static func microseconds(_ milliseconds: Double) -> Int64 {
        let us = (milliseconds * 1000).rounded()
        guard us.isFinite else { return us > 0 ? limitUs : us < 0 ? -limitUs : 0 }
        return Int64(min(max(us, -Double(limitUs)), Double(limitUs)))
    }

    static func milliseconds(_ microseconds: Int64) -> Double {
        Double(microseconds) / 1000
    }

    /// `StoredRow.millisecondsLimit` in microseconds.
    static let limitUs = Int64(StoredRow.millisecondsLimit) * 1000

    /// SQL turning a v4 REAL millisecond column into v5 microseconds (NULL stays NULL).
    static func microsecondsSQL(_ column: String) -> String {
        "CAST(round(\(column) * 1000) AS INTEGER)"
    }
}

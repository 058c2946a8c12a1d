import Foundation

/// The store keeps every instant as integer milliseconds since 1970-01-01T00:00:00Z (UTC).
enum StoreTime {
    /// Largest magnitude kept exactly by a Double; keeps `Int64(_:)` from trapping on absurd dates.
    private static let limit = 9_007_199_254_740_992.0

    static func milliseconds(_ date: Date) -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        guard ms.isFinite else { return ms > 0 ? Int64(limit) : -Int64(limit) }
        return Int64(min(max(ms, -limit), limit))
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The start of the bucket of `length` milliseconds holding `milliseconds` (floor, also before 1970).
    static func floor(_ milliseconds: Int64, toMultipleOf length: Int64) -> Int64 {
        let remainder = ((milliseconds % length) + length) % length
        return milliseconds - remainder
    }

    static let hourMs: Int64 = 3_600_000
    static let dayMs: Int64 = 86_400_000
}

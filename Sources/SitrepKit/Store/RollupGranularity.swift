import Foundation

/// The width of a rollup bucket. Buckets start on whole UTC hours or UTC midnights.
public enum RollupGranularity: String, Sendable, Hashable, CaseIterable {
    case hourly
    case daily

    /// Bucket width in milliseconds.
    public var lengthMs: Int64 {
        switch self {
        case .hourly: StoreTime.hourMs
        case .daily: StoreTime.dayMs
        }
    }

    /// The UTC start of the bucket holding `date`.
    public func bucketStart(of date: Date) -> Date {
        StoreTime.date(bucketStartMs(of: StoreTime.milliseconds(date)))
    }

    func bucketStartMs(of milliseconds: Int64) -> Int64 {
        StoreTime.floor(milliseconds, toMultipleOf: lengthMs)
    }

    var checkTable: String { "check_rollup_\(rawValue)" }
    var componentTable: String { "component_rollup_\(rawValue)" }
}

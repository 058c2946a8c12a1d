import Foundation
import GRDB

/// Rollup upserts: the SQL that adds a rollup into its stored bucket, and `merge` for rollups imported whole
/// (`ResultStore.importRollups`). Appends of runs go through `BatchAppender`.
enum RollupWriter {
    /// Columns of the check rollup tables that an upsert adds up.
    static let additiveCheckColumns = [
        "up_count", "degraded_count", "down_count", "latency_count", "latency_sum_us",
        "timing_count", "dns_sum_us", "connect_sum_us", "tls_sum_us", "ttfb_sum_us", "total_sum_us",
    ]
    static let componentCountColumns = [
        "operational_count", "degraded_performance_count", "partial_outage_count", "major_outage_count",
    ]

    /// Adds rollups into the stored buckets (counts and sums added, min/max widened, histograms merged),
    /// inside the caller's write transaction.
    static func merge(checks: [CheckRollup], components: [ComponentRollup], keys: inout StoreKeys, in db: Database) throws {
        for granularity in RollupGranularity.allCases {
            var checkRows: [[DatabaseValue]] = []
            for rollup in checks where rollup.granularity == granularity {
                let key = try keys.checkKey(rollup.componentID, rollup.checkID, in: db)
                checkRows.append(values(rollup, checkKey: key,
                                        bucketStartMs: granularity.bucketStartMs(of: StoreTime.milliseconds(rollup.bucketStart))))
            }
            try RowBatch.insert(checkRows, head: checkInsertHead(granularity), tail: checkConflictClause, in: db)
            var componentRows: [[DatabaseValue]] = []
            for rollup in components where rollup.granularity == granularity {
                componentRows.append([
                    granularity.bucketStartMs(of: StoreTime.milliseconds(rollup.bucketStart)),
                    try keys.componentKey(rollup.componentID, in: db),
                ].map(\.databaseValue) + [
                    rollup.operational, rollup.degradedPerformance, rollup.partialOutage, rollup.majorOutage,
                ].map(\.databaseValue))
            }
            try RowBatch.insert(componentRows, head: componentInsertHead(granularity), tail: componentConflictClause, in: db)
        }
    }

    static func checkInsertHead(_ granularity: RollupGranularity) -> String {
        """
        INSERT INTO \(granularity.checkTable) (bucket_start_ms, check_key,
            \(additiveCheckColumns.joined(separator: ", ")), latency_min_us, latency_max_us, latency_histogram)
        """
    }

    static var checkConflictClause: String {
        let additive = additiveCheckColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
        return """
            ON CONFLICT (bucket_start_ms, check_key) DO UPDATE SET \(additive),
                latency_min_us = min(coalesce(latency_min_us, excluded.latency_min_us),
                                     coalesce(excluded.latency_min_us, latency_min_us)),
                latency_max_us = max(coalesce(latency_max_us, excluded.latency_max_us),
                                     coalesce(excluded.latency_max_us, latency_max_us)),
                latency_histogram = \(StoreSchema.histogramMergeFunction)(latency_histogram, excluded.latency_histogram)
            """
    }

    /// Values in the order of `checkInsertHead`, latencies rounded to the microsecond as in raw results; the upsert
    /// adds integers, so stored sums are exact.
    private static func values(_ rollup: CheckRollup, checkKey: Int64, bucketStartMs: Int64) -> [DatabaseValue] {
        let sums = rollup.phaseSumsMs
        let us = StoreCodes.microseconds
        return [
            bucketStartMs, checkKey,
            Int64(rollup.up), Int64(rollup.degraded), Int64(rollup.down), Int64(rollup.latencyCount), us(rollup.latencySumMs),
            Int64(rollup.timingCount), us(sums.dnsMs), us(sums.connectMs), us(sums.tlsMs), us(sums.ttfbMs), us(sums.totalMs),
        ].map(\.databaseValue) + [
            rollup.latencyMinMs.map(us).bound, rollup.latencyMaxMs.map(us).bound, rollup.histogram.encoded.databaseValue,
        ]
    }

    static func componentInsertHead(_ granularity: RollupGranularity) -> String {
        "INSERT INTO \(granularity.componentTable) (bucket_start_ms, component_key, \(componentCountColumns.joined(separator: ", ")))"
    }

    static var componentConflictClause: String {
        let additive = componentCountColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
        return "ON CONFLICT (bucket_start_ms, component_key) DO UPDATE SET \(additive)"
    }
}

import Foundation
import GRDB

/// The body of `ResultStore.append`: run row, result rows, latest results, rollup upserts and status runs,
/// all inside the caller's write transaction.
enum RollupWriter {
    private struct CheckKey: Hashable {
        var granularity: RollupGranularity
        var bucketStartMs: Int64
        var componentID: String
        var checkID: String
    }

    private struct ComponentKey: Hashable {
        var granularity: RollupGranularity
        var bucketStartMs: Int64
        var componentID: String
    }

    /// Columns of the check rollup tables that an upsert adds up.
    private static let additiveCheckColumns = [
        "up_count", "degraded_count", "down_count", "latency_count", "latency_sum_us",
        "timing_count", "dns_sum_us", "connect_sum_us", "tls_sum_us", "ttfb_sum_us", "total_sum_us",
    ]
    static let componentCountColumns = [
        "operational_count", "degraded_performance_count", "partial_outage_count", "major_outage_count",
    ]

    static func append(_ run: ProbeRun, results: [CheckResult], in db: Database) throws {
        let counts = Dictionary(grouping: results, by: \.status).mapValues(\.count)
        let previousRunID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM run")
        try db.execute(
            sql: """
                INSERT INTO run (started_at_ms, duration_ms, location, up_count, degraded_count, down_count)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                StoreTime.milliseconds(run.startedAt), run.durationMs, run.location,
                counts[.up] ?? 0, counts[.degraded] ?? 0, counts[.down] ?? 0,
            ])
        let runID = db.lastInsertedRowID

        var keys = try StoreKeys.load(db)
        var checkRollups: [CheckKey: CheckRollup] = [:]
        var componentStatuses: [String: [CheckStatus]] = [:]
        var rows: [[(any DatabaseValueConvertible)?]] = []
        rows.reserveCapacity(results.count)
        for (ordinal, result) in results.enumerated() {
            let checkKey = try keys.checkKey(result.componentID, result.checkID, in: db)
            rows.append([runID, ordinal] + ResultRow.values(result, checkKey: checkKey))
            let atMs = StoreTime.milliseconds(result.at)
            for granularity in RollupGranularity.allCases {
                let start = granularity.bucketStartMs(of: atMs)
                let key = CheckKey(
                    granularity: granularity, bucketStartMs: start,
                    componentID: result.componentID, checkID: result.checkID)
                checkRollups[key, default: CheckRollup(
                    componentID: result.componentID, checkID: result.checkID, granularity: granularity,
                    bucketStart: StoreTime.date(start))].record(result)
            }
            componentStatuses[result.componentID, default: []].append(result.status)
        }
        try RowBatch.insert(rows, head: "INSERT INTO result (run_id, ordinal, \(ResultRow.columnList))", in: db)
        let updates = ResultRow.columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        try RowBatch.insert(
            rows, head: "INSERT INTO latest_result (run_id, ordinal, \(ResultRow.columnList))",
            tail: """
                ON CONFLICT (check_key) DO UPDATE SET
                    run_id = excluded.run_id, ordinal = excluded.ordinal, \(updates)
                WHERE excluded.at_ms >= latest_result.at_ms
                """,
            in: db)
        let runMs = StoreTime.milliseconds(run.startedAt)
        var componentRollups: [ComponentRollup] = []
        var automatic: [Int64: ComponentStatus] = [:]
        for (componentID, statuses) in componentStatuses {
            guard let status = ComponentStatus.automatic(from: statuses) else { continue }
            automatic[try keys.componentKey(componentID, in: db)] = status
            for granularity in RollupGranularity.allCases {
                var rollup = ComponentRollup(
                    componentID: componentID, granularity: granularity,
                    bucketStart: StoreTime.date(granularity.bucketStartMs(of: runMs)))
                rollup.record(status)
                componentRollups.append(rollup)
            }
        }
        try merge(checks: Array(checkRollups.values), components: componentRollups, keys: &keys, in: db)
        try StatusRunWriter.record(automatic, runID: runID, previousRunID: previousRunID, in: db)
    }

    /// Adds rollups into the stored buckets (counts and sums added, min/max widened, histograms merged),
    /// inside the caller's write transaction. `append` uses it for each run; imports use it directly.
    static func merge(checks: [CheckRollup], components: [ComponentRollup], keys: inout StoreKeys, in db: Database) throws {
        for granularity in RollupGranularity.allCases {
            var checkRows: [[(any DatabaseValueConvertible)?]] = []
            for rollup in checks where rollup.granularity == granularity {
                let key = try keys.checkKey(rollup.componentID, rollup.checkID, in: db)
                checkRows.append(values(rollup, checkKey: key,
                                        bucketStartMs: granularity.bucketStartMs(of: StoreTime.milliseconds(rollup.bucketStart))))
            }
            try RowBatch.insert(checkRows, head: checkInsertHead(granularity), tail: checkConflictClause, in: db)
            var componentRows: [[(any DatabaseValueConvertible)?]] = []
            for rollup in components where rollup.granularity == granularity {
                componentRows.append([
                    granularity.bucketStartMs(of: StoreTime.milliseconds(rollup.bucketStart)),
                    try keys.componentKey(rollup.componentID, in: db),
                    rollup.operational, rollup.degradedPerformance, rollup.partialOutage, rollup.majorOutage,
                ])
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

    /// Values in the order of `checkInsertHead`, latencies rounded to the microsecond as in raw results. An append
    /// brings one result per check and bucket and the upsert adds integers, so stored sums are exact.
    private static func values(_ rollup: CheckRollup, checkKey: Int64, bucketStartMs: Int64) -> [(any DatabaseValueConvertible)?] {
        let sums = rollup.phaseSumsMs
        let us = StoreCodes.microseconds
        return [
            bucketStartMs, checkKey,
            rollup.up, rollup.degraded, rollup.down, rollup.latencyCount, us(rollup.latencySumMs),
            rollup.timingCount, us(sums.dnsMs), us(sums.connectMs), us(sums.tlsMs), us(sums.ttfbMs), us(sums.totalMs),
            rollup.latencyMinMs.map(us), rollup.latencyMaxMs.map(us), rollup.histogram.encoded,
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

import Foundation
import GRDB

extension ResultStore {
    /// Days of component hourly rollups a snapshot carries at most.
    public static let componentHourlyDays = 8
    /// Hours of check hourly rollups a snapshot carries.
    public static let checkHourlyHours = 48

    /// Reads everything the site generator needs in one read transaction: it sees the last committed
    /// state, never a half-written run, and neither blocks nor waits for a writer. `days` (at least 1) is
    /// the number of UTC days of daily history, today included.
    public func snapshot(now: Date, days: Int) throws -> StoreSnapshot {
        let days = max(1, days)
        let nowMs = StoreTime.milliseconds(now)
        let todayMs = RollupGranularity.daily.bucketStartMs(of: nowMs)
        let dailyFrom = todayMs - Int64(days - 1) * StoreTime.dayMs
        let componentHourlyFrom = RollupGranularity.hourly.bucketStartMs(
            of: nowMs - Int64(min(days, Self.componentHourlyDays)) * StoreTime.dayMs)
        let checkHourlyFrom = RollupGranularity.hourly.bucketStartMs(
            of: nowMs - Int64(Self.checkHourlyHours) * StoreTime.hourMs)
        do {
            return try pool.read { db in
                StoreSnapshot(
                    now: now, days: days,
                    latestRun: try Self.latestRun(db),
                    latestResults: try Row.fetchAll(db, sql: """
                        SELECT \(ResultRow.columnList) FROM latest_result ORDER BY component_id, check_id
                        """).map(ResultRow.decode),
                    componentHourly: try Self.componentRollups(.hourly, from: componentHourlyFrom, to: nowMs, db),
                    componentDaily: try Self.componentRollups(.daily, from: dailyFrom, to: nowMs, db),
                    checkHourly: try Self.checkRollups(.hourly, from: checkHourlyFrom, to: nowMs, db),
                    checkDaily: try Self.checkRollups(.daily, from: dailyFrom, to: nowMs, db),
                    recentResults: try Row.fetchAll(
                        db,
                        sql: """
                            SELECT \(ResultRow.columnList) FROM result WHERE at_ms > ? AND at_ms <= ?
                            ORDER BY component_id, check_id, at_ms, run_id, ordinal
                            """,
                        arguments: [nowMs - StoreTime.dayMs, nowMs]
                    ).map(ResultRow.decode))
            }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }

    private static func latestRun(_ db: Database) throws -> ProbeRun? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT started_at_ms, duration_ms, location FROM run ORDER BY started_at_ms DESC, id DESC LIMIT 1
            """)
        else { return nil }
        return ProbeRun(startedAt: StoreTime.date(row["started_at_ms"]), durationMs: row["duration_ms"],
                        location: row["location"])
    }

    private static func componentRollups(
        _ granularity: RollupGranularity, from: Int64, to: Int64, _ db: Database
    ) throws -> [ComponentRollup] {
        try rows(of: granularity.componentTable, orderedBy: "component_id", from: from, to: to, db).map { row in
            var rollup = ComponentRollup(
                componentID: row["component_id"], granularity: granularity,
                bucketStart: StoreTime.date(row["bucket_start_ms"]))
            rollup.operational = row["operational_count"]
            rollup.degradedPerformance = row["degraded_performance_count"]
            rollup.partialOutage = row["partial_outage_count"]
            rollup.majorOutage = row["major_outage_count"]
            return rollup
        }
    }

    private static func checkRollups(
        _ granularity: RollupGranularity, from: Int64, to: Int64, _ db: Database
    ) throws -> [CheckRollup] {
        try rows(of: granularity.checkTable, orderedBy: "component_id, check_id", from: from, to: to, db).map { row in
            var rollup = CheckRollup(
                componentID: row["component_id"], checkID: row["check_id"], granularity: granularity,
                bucketStart: StoreTime.date(row["bucket_start_ms"]))
            rollup.up = row["up_count"]
            rollup.degraded = row["degraded_count"]
            rollup.down = row["down_count"]
            rollup.latencyCount = row["latency_count"]
            rollup.latencySumMs = row["latency_sum_ms"]
            rollup.latencyMinMs = row["latency_min_ms"]
            rollup.latencyMaxMs = row["latency_max_ms"]
            guard let histogram = LatencyHistogram(encoded: row["latency_histogram"] ?? Data()) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unreadable latency histogram")
            }
            rollup.histogram = histogram
            rollup.timingCount = row["timing_count"]
            rollup.phaseSumsMs = PhaseTimings(
                dnsMs: row["dns_sum_ms"], connectMs: row["connect_sum_ms"], tlsMs: row["tls_sum_ms"],
                ttfbMs: row["ttfb_sum_ms"], totalMs: row["total_sum_ms"])
            return rollup
        }
    }

    /// Rollup rows with `from <= bucket_start_ms <= to`, sorted by `keys` then time.
    private static func rows(
        of table: String, orderedBy keys: String, from: Int64, to: Int64, _ db: Database
    ) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM \(table) WHERE bucket_start_ms >= ? AND bucket_start_ms <= ?
                ORDER BY \(keys), bucket_start_ms
                """,
            arguments: [from, to])
    }
}

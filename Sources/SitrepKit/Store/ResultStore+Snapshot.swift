import Foundation
import GRDB

extension ResultStore {
    /// Days of component hourly rollups a snapshot carries at most.
    public static let componentHourlyDays = 8
    /// Hours of check hourly rollups a snapshot carries.
    public static let checkHourlyHours = 48
    /// Days of check daily rollups a snapshot carries at most, today included: the latency percentiles reach 30
    /// days back (`LatencyBuilder`), and older ones were a year-old file's largest read (500 checks x 91 days of
    /// rows with a histogram each), never used.
    public static let checkDailyDays = 30

    /// Reads everything the site generator needs in one read transaction: it sees the last committed
    /// state, never a half-written run, and neither blocks nor waits for a writer. `days` (at least 1) is
    /// the number of UTC days of daily history, today included. Raw results of the last 24 hours are read
    /// only when asked for (`includingRecentResults`): the site builder works from rollups and latest
    /// results, and a day of raw rows for a large site is hundreds of thousands of rows.
    public func snapshot(now: Date, days: Int, includingRecentResults: Bool = false) throws -> StoreSnapshot {
        let window = SnapshotWindow(now: now, days: days)
        do {
            return try pool.read { db in
                let parts = try SnapshotPart.Kind.allCases.map { try Self.part($0, window: window, revision: nil, db) }
                // Raw results have no time index; they are few (a day or two by default) and this read is rare.
                let recent = !includingRecentResults ? [] : try Self.results(
                    db, table: "result",
                    sql: "SELECT run_id, ordinal, \(ResultRow.columnList) FROM result WHERE at_ms > ? AND at_ms <= ?",
                    arguments: [window.nowMs - StoreTime.dayMs, window.nowMs], keys: try StoreKeys.load(db))
                guard let snapshot = StoreSnapshot(assembling: parts, now: now, days: window.days, recentResults: recent) else {
                    throw StoreError(.other, path: displayPath, detail: "a part of the snapshot was not read")
                }
                return snapshot
            }
        } catch {
            throw StoreError(error, path: displayPath, reading: true)
        }
    }

    /// One part of what `snapshot(now:days:)` reads, in a read transaction of its own, so that the parts of a
    /// snapshot can be read on several cores at once. `StoreSnapshot(joining:now:days:)` puts them together,
    /// and only when every part read the same store revision, that is the same data.
    public func snapshotPart(_ kind: SnapshotPart.Kind, now: Date, days: Int) throws -> SnapshotPart {
        let window = SnapshotWindow(now: now, days: days)
        do {
            return try pool.read { db in try Self.part(kind, window: window, revision: try StoreSchema.revision(db), db) }
        } catch {
            throw StoreError(error, path: displayPath, reading: true)
        }
    }

    /// The rows of one part, read in the caller's transaction.
    private static func part(_ kind: SnapshotPart.Kind, window: SnapshotWindow, revision: Int64?, _ db: Database) throws -> SnapshotPart {
        var part = SnapshotPart(kind: kind, revision: revision)
        let keys = try StoreKeys.load(db)
        switch kind {
        case .latest:
            part.latestRun = try latestRun(upTo: window.nowMs, db)
            part.latestResults = try ResultDetail.attach(to: try latestResults(upTo: window.nowMs, keys: keys, db), db)
            part.locationResults = try LocationResult.read(upTo: window.nowMs, keys: keys, db)
        case .componentHourly:
            part.componentRollups = try componentRollups(
                .hourly, from: window.componentHourlyFrom, to: try window.lastBucketMs(.hourly, db), keys: keys, db)
        case .componentDaily:
            part.componentRollups = try componentRollups(
                .daily, from: window.dailyFrom, to: try window.lastBucketMs(.daily, db), keys: keys, db)
        case .checkHourly:
            part.checkRollups = try checkRollups(
                .hourly, from: window.checkHourlyFrom, to: try window.lastBucketMs(.hourly, db), keys: keys, db)
        case .checkDaily:
            part.checkRollups = try checkRollups(
                .daily, from: window.checkDailyFrom, to: try window.lastBucketMs(.daily, db), keys: keys, db)
        case .statusRuns:
            // A day more than the daily rollups: the first local day of the bars may begin before its UTC day.
            part.statusRunHistory = try statusRunHistory(
                from: window.dailyFrom - StoreTime.dayMs, to: window.nowMs, keys: keys, db)
        }
        return part
    }

    /// The newest result of every check taken at or before `nowMs`: `latest_result`, except for a check whose
    /// newest result is later than `nowMs` (a build with `--now` in the past), whose newest raw result at or
    /// before it is read instead (none once raw retention removed it). Sorted by component and check id.
    private static func latestResults(upTo nowMs: Int64, keys: StoreKeys, _ db: Database) throws -> [CheckResult] {
        let current = "SELECT run_id, ordinal, \(ResultRow.columnList) FROM latest_result WHERE at_ms <= ?1"
        // Usually nothing is later than now; the raw rows are then not looked at.
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM latest_result WHERE at_ms > ?)",
                                arguments: [nowMs]) == true
        else { return try results(db, table: "latest_result", sql: current, arguments: [nowMs], keys: keys) }
        return try results(db, table: "latest_result", sql: """
            \(current)
            UNION ALL
            SELECT run_id, ordinal, \(ResultRow.columnList) FROM result JOIN (
                SELECT check_key AS later_check, max(at_ms) AS newest_ms FROM result
                WHERE at_ms <= ?1 AND check_key IN (SELECT check_key FROM latest_result WHERE at_ms > ?1)
                GROUP BY check_key
            ) ON check_key = later_check AND at_ms = newest_ms
            """, arguments: [nowMs], keys: keys)
    }

    /// The runs started in `from...to` (ids and start times) and the status runs that reach into them; `.none` for
    /// a database not yet upgraded to status runs.
    private static func statusRunHistory(from: Int64, to: Int64, keys: StoreKeys, _ db: Database) throws -> StatusRunHistory {
        guard try db.tableExists("component_status_run"),
              let origin = try Row.fetchOne(db, sql: "SELECT exact_from_ms FROM status_run_origin WHERE id = 1")
        else { return .none }
        let exactFrom = try StoredRow(origin, of: "status_run_origin").optionalInteger(0).map(StoreTime.date) ?? .distantPast
        var runIDs: [Int64] = []
        var runStartsMs: [Int64] = []
        let runStatement = try db.makeStatement(sql: runTimesQuery)
        let runs = try Row.fetchCursor(runStatement, arguments: [from, to])
        while let row = try runs.next() {
            let stored = StoredRow(row, of: "run", statement: runStatement)
            runIDs.append(try stored.integer(0))
            runStartsMs.append(try stored.integer(1))
        }
        if !zip(runIDs, runIDs.dropFirst()).allSatisfy({ $0 < $1 }) {
            let byID = zip(runIDs, runStartsMs).sorted { $0.0 < $1.0 }
            runIDs = byID.map(\.0)
            runStartsMs = byID.map(\.1)
        }
        guard let firstID = runIDs.first, let lastID = runIDs.last else {
            return StatusRunHistory(exactFrom: exactFrom, runIDs: [], runStartsMs: [], statusRuns: [])
        }
        var statusRuns: [StatusRun] = []
        let statement = try db.makeStatement(sql: statusRunsQuery)
        let rows = try Row.fetchCursor(statement, arguments: [firstID, lastID])
        // Rows come component by component: the id is looked up when the key changes, not for every row.
        var component: (key: Int64, id: String)?
        while let row = try rows.next() {
            let stored = StoredRow(row, of: "component_status_run", statement: statement)
            let key = try stored.integer(0)
            let componentID: String
            if let component, component.key == key {
                componentID = component.id
            } else {
                componentID = try keys.component(stored, 0)
                component = (key, componentID)
            }
            let status = try stored.code(1, StoreCodes.componentStatus, "component status")
            statusRuns.append(StatusRun(componentID: componentID, status: status,
                                        firstRunID: try stored.integer(2), lastRunID: try stored.integer(3)))
        }
        return StatusRunHistory(exactFrom: exactFrom, runIDs: runIDs, runStartsMs: runStartsMs, statusRuns: statusRuns)
    }

    /// The runs started in `?1...?2`, in the time index's order (SQLite sorts nothing), which is id order unless a
    /// run was appended with an earlier start than the one before (a clock change): only then does
    /// `statusRunHistory` sort them.
    static let runTimesQuery = """
        SELECT id, started_at_ms FROM run WHERE started_at_ms >= ?1 AND started_at_ms <= ?2 ORDER BY started_at_ms, id
        """

    /// Per component (status runs of one never overlap), the status runs covering runs `?1...?2`: the last one
    /// starting at or before `?1` and every one starting after it up to `?2`. Primary-key seeks only: `CROSS JOIN`
    /// keeps the components outside (left to choose, SQLite scanned every status run, a million after a year with
    /// a few flapping components). In component id order (the unique index on `component_id`, BINARY as
    /// `StatusRunHistory` sorts), so nothing is sorted.
    static let statusRunsQuery = """
        SELECT s.component_key, s.status, s.first_run_id, s.last_run_id FROM component_key AS c
        CROSS JOIN component_status_run AS s ON s.component_key = c.key AND s.first_run_id >= coalesce((
            SELECT max(first_run_id) FROM component_status_run WHERE component_key = c.key AND first_run_id <= ?1), ?1)
            AND s.first_run_id <= ?2
        WHERE s.last_run_id >= ?1
        ORDER BY c.component_id, s.first_run_id
        """

    /// The time ranges a snapshot reads, from `now` and the days of daily history asked for.
    ///
    /// Nothing recorded after `now` is read. A bucket's counts cannot be split by time, so the bucket holding
    /// `now` is left out whole when the store has a run or result after `now` in it, or when its runs are
    /// no longer kept while later ones are (`lastBucketMs`).
    private struct SnapshotWindow {
        let days: Int
        let nowMs: Int64
        let dailyFrom: Int64
        let checkDailyFrom: Int64
        let componentHourlyFrom: Int64
        let checkHourlyFrom: Int64

        init(now: Date, days: Int) {
            self.days = max(1, days)
            nowMs = StoreTime.milliseconds(now)
            let todayMs = RollupGranularity.daily.bucketStartMs(of: nowMs)
            dailyFrom = todayMs - Int64(self.days - 1) * StoreTime.dayMs
            checkDailyFrom = todayMs - Int64(min(self.days, ResultStore.checkDailyDays) - 1) * StoreTime.dayMs
            componentHourlyFrom = RollupGranularity.hourly.bucketStartMs(
                of: nowMs - Int64(min(self.days, ResultStore.componentHourlyDays)) * StoreTime.dayMs)
            checkHourlyFrom = RollupGranularity.hourly.bucketStartMs(
                of: nowMs - Int64(ResultStore.checkHourlyHours) * StoreTime.hourMs)
        }

        /// The latest bucket start of `granularity` a snapshot reads: `nowMs`, or just before the bucket holding
        /// it when that bucket also counts something recorded after `nowMs`.
        func lastBucketMs(_ granularity: RollupGranularity, _ db: Database) throws -> Int64 {
            let start = granularity.bucketStartMs(of: nowMs)
            let arguments: StatementArguments = [nowMs, start + granularity.lengthMs]
            if try Bool.fetchOne(db, sql: ResultStore.laterRunQuery, arguments: arguments) == true { return start - 1 }
            // Raw results have no time index: they are looked at only when some check's latest result is later
            // than now (a build with `--now` in the past), as no raw result is later than its check's latest. The
            // two questions are asked one after the other: in one statement SQLite answered both, and scanned
            // every raw result (a day of 500 checks a minute: 75 ms of CPU, four times a build).
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM latest_result WHERE at_ms > ?)",
                                    arguments: [nowMs]) == true
            else { return nowMs }
            let later = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM result WHERE at_ms > ?1 AND at_ms < ?2)",
                                          arguments: arguments) ?? false
            return later ? start - 1 : nowMs
        }
    }

    /// Whether a run started in `?1 < start < ?2`, or every run after `?1` (their runs no longer kept, the oldest
    /// buckets hold what came before): from the time index alone.
    static let laterRunQuery = """
        SELECT EXISTS (SELECT 1 FROM run WHERE started_at_ms > ?1 AND started_at_ms < ?2)
            OR (SELECT min(started_at_ms) FROM run) > ?1
        """

    /// The results `sql` selects (`run_id, ordinal, ` then `ResultRow.columnList`), sorted by component id, check
    /// id, time, run and ordinal (ids compared byte by byte, as SQLite's BINARY collation does).
    private static func results(
        _ db: Database, table: String, sql: String, arguments: StatementArguments = StatementArguments(), keys: StoreKeys
    ) throws -> [CheckResult] {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var keyed: [(order: (Int64, Int64), result: CheckResult)] = []
        while let row = try rows.next() {
            let stored = StoredRow(row, of: table)
            keyed.append(((try stored.integer(0), try stored.integer(1)), try ResultRow.decode(row, from: 2, table: table, keys: keys)))
        }
        keyed.sort { first, second in
            let a = first.result, b = second.result
            let seriesA = RollupKey(componentID: a.componentID, checkID: a.checkID)
            let seriesB = RollupKey(componentID: b.componentID, checkID: b.checkID)
            if seriesA != seriesB { return seriesA.precedes(seriesB) }
            if a.at != b.at { return a.at < b.at }
            return first.order < second.order
        }
        return keyed.map(\.result)
    }

    private static func latestRun(upTo nowMs: Int64, _ db: Database) throws -> ProbeRun? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT started_at_ms, duration_ms, location FROM run WHERE started_at_ms <= ?
            ORDER BY started_at_ms DESC, id DESC LIMIT 1
            """, arguments: [nowMs])
        else { return nil }
        let stored = StoredRow(row, of: "run")
        return ProbeRun(startedAt: try stored.instant(0), durationMs: try stored.milliseconds(1), location: try stored.text(2))
    }

    private static func componentRollups(
        _ granularity: RollupGranularity, from: Int64, to: Int64, keys: StoreKeys, _ db: Database
    ) throws -> [ComponentRollup] {
        let columns = """
            bucket_start_ms, component_key,
            operational_count, degraded_performance_count, partial_outage_count, major_outage_count
            """
        return try rows(columns, of: granularity.componentTable, from: from, to: to, db,
                        key: { RollupKey(componentID: $0.componentID, checkID: "") }, time: \.bucketStart) { row in
                var rollup = ComponentRollup(
                    componentID: try keys.component(row, 1), granularity: granularity, bucketStart: try row.instant(0))
                rollup.operational = try row.count(2)
                rollup.degradedPerformance = try row.count(3)
                rollup.partialOutage = try row.count(4)
                rollup.majorOutage = try row.count(5)
                return rollup
            }
    }

    private static func checkRollups(
        _ granularity: RollupGranularity, from: Int64, to: Int64, keys: StoreKeys, _ db: Database
    ) throws -> [CheckRollup] {
        let columns = """
            bucket_start_ms, check_key, up_count, degraded_count, down_count,
            latency_count, latency_sum_us, latency_min_us, latency_max_us, latency_histogram,
            timing_count, dns_sum_us, connect_sum_us, tls_sum_us, ttfb_sum_us, total_sum_us
            """
        return try rows(columns, of: granularity.checkTable, from: from, to: to, db,
                        key: { RollupKey(componentID: $0.componentID, checkID: $0.checkID) }, time: \.bucketStart) { row in
            let series = try keys.check(row, 1)
            var rollup = CheckRollup(
                componentID: series.componentID, checkID: series.checkID, granularity: granularity,
                bucketStart: try row.instant(0))
            rollup.up = try row.count(2)
            rollup.degraded = try row.count(3)
            rollup.down = try row.count(4)
            rollup.latencyCount = try row.count(5)
            rollup.latencySumMs = try row.microseconds(6)
            rollup.latencyMinMs = try row.optionalMicroseconds(7)
            rollup.latencyMaxMs = try row.optionalMicroseconds(8)
            guard let histogram = LatencyHistogram(encoded: try row.blob(9)) else {
                throw row.damage(9, "holds an unreadable latency histogram")
            }
            rollup.histogram = histogram
            rollup.timingCount = try row.count(10)
            rollup.phaseSumsMs = PhaseTimings(
                dnsMs: try row.microseconds(11), connectMs: try row.microseconds(12), tlsMs: try row.microseconds(13),
                ttfbMs: try row.microseconds(14), totalMs: try row.microseconds(15))
            return rollup
        }
    }

    /// `columns` of the rollup rows with `from <= bucket_start_ms <= to`, sorted by `key` then time: the order
    /// `ORDER BY component_id, check_id, bucket_start_ms` gives (ids compared byte by byte, SQLite's BINARY
    /// collation), so every sum over them adds in the same order.
    ///
    /// Rows are read in the table's own order (its primary key starts with the bucket) and gathered per key as
    /// they are decoded; only the keys are sorted. Asking SQLite for that order made it sort every row in a
    /// temporary B-tree (on the 500-component bench site the snapshot went from 350 to 300 ms without it).
    private static func rows<Decoded>(
        _ columns: String, of table: String, from: Int64, to: Int64, _ db: Database,
        key: (Decoded) -> RollupKey, time: (Decoded) -> Date, decode: (StoredRow) throws -> Decoded
    ) throws -> [Decoded] {
        let statement = try db.makeStatement(
            sql: "SELECT \(columns) FROM \(table) WHERE bucket_start_ms >= ? AND bucket_start_ms <= ?")
        let cursor = try Row.fetchCursor(statement, arguments: [from, to])
        // Rows come bucket by bucket, and each bucket lists its series in the same order, so the series a row
        // belongs to is nearly always the one after the previous row's: that guess is checked by comparing
        // the key, and only a wrong guess hashes it.
        var keys: [RollupKey] = []
        var groups: [[Decoded]] = []
        var positions: [RollupKey: Int] = [:]
        var expected = 0
        while let row = try cursor.next() {
            let decoded = try decode(StoredRow(row, of: table, statement: statement))
            let rowKey = key(decoded)
            let position: Int
            if expected < keys.count, keys[expected] == rowKey {
                position = expected
            } else if let known = positions[rowKey] {
                position = known
            } else {
                position = keys.count
                keys.append(rowKey)
                groups.append([])
                positions[rowKey] = position
            }
            groups[position].append(decoded)
            expected = position + 1 < keys.count ? position + 1 : 0
        }
        var ordered: [Decoded] = []
        ordered.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        for position in keys.indices.sorted(by: { keys[$0].precedes(keys[$1]) }) {
            let group = groups[position]
            // The table's order (bucket first) yields each group in time order already; the check keeps the
            // result right whatever order SQLite chose.
            if zip(group, group.dropFirst()).allSatisfy({ time($0) < time($1) }) {
                ordered += group
            } else {
                ordered += group.sorted { time($0) < time($1) }
            }
        }
        return ordered
    }
}

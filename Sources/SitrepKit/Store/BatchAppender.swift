import Foundation
import GRDB

/// The body of `ResultStore.append` (a batch of one run), `appendBatch` and the agreed history of an import: runs in
/// the caller's transaction, leaving exactly the rows that appending them one by one and then pruning raw results
/// older than `rawFromMs` leave.
///
/// Each run's results are rolled up per check and bucket (a `CheckRollup` per run, rounded to microseconds) and
/// added up as integers in memory, then into the stored buckets, so every bucket is read and written once per batch
/// instead of once per run; status runs and latest results are followed in memory across the batch and written at
/// its end. Runs get the ids SQLite would give them one by one (one more than the largest).
enum BatchAppender {
    struct BucketKey: Hashable {
        var granularity: RollupGranularity
        var bucketStartMs: Int64
        var key: Int64
    }

    /// Integer sums of rounded per-run rollups: what the upserts of `append` add up in SQL.
    struct CheckSums {
        var up = 0, degraded = 0, down = 0, latencyCount = 0, timingCount = 0
        /// latency, dns, connect, tls, ttfb, total
        var sumsUs: (Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0)
        var minUs: Int64?
        var maxUs: Int64?
        var histogram = LatencyHistogram()

        /// A run's rollup of one check and bucket, as `RollupWriter` rounds it for its upsert.
        mutating func add(_ rollup: CheckRollup) {
            let us = StoreCodes.microseconds
            up += rollup.up
            degraded += rollup.degraded
            down += rollup.down
            latencyCount += rollup.latencyCount
            timingCount += rollup.timingCount
            let phases = rollup.phaseSumsMs
            sumsUs.0 += us(rollup.latencySumMs)
            sumsUs.1 += us(phases.dnsMs)
            sumsUs.2 += us(phases.connectMs)
            sumsUs.3 += us(phases.tlsMs)
            sumsUs.4 += us(phases.ttfbMs)
            sumsUs.5 += us(phases.totalMs)
            if let low = rollup.latencyMinMs.map(us) { minUs = min(minUs ?? low, low) }
            if let high = rollup.latencyMaxMs.map(us) { maxUs = max(maxUs ?? high, high) }
            histogram.merge(rollup.histogram)
        }

        /// The one result a run has of a check: the same as `add` of a rollup of that result alone.
        mutating func add(_ result: CheckResult) {
            let us = StoreCodes.microseconds
            switch result.status {
            case .up: up += 1
            case .degraded: degraded += 1
            case .down: down += 1
            }
            if let latency = result.latencyMs {
                let value = us(latency)
                latencyCount += 1
                sumsUs.0 += value
                minUs = min(minUs ?? value, value)
                maxUs = max(maxUs ?? value, value)
                histogram.record(ms: latency)
            }
            if let timings = result.timings {
                timingCount += 1
                sumsUs.1 += us(timings.dnsMs)
                sumsUs.2 += us(timings.connectMs)
                sumsUs.3 += us(timings.tlsMs)
                sumsUs.4 += us(timings.ttfbMs)
                sumsUs.5 += us(timings.totalMs)
            }
        }

        /// Adds a stored row selected with `storedColumns` (from column 2 on), as the upsert of `RollupWriter`
        /// adds a run's rollup to it.
        mutating func add(stored row: StoredRow) throws {
            // In the range a build reads (`StoredRow.optionalMicroseconds`), so no sum can overflow.
            func us(_ index: Int) throws -> Int64? {
                guard let value = try row.optionalInteger(index) else { return nil }
                guard value >= -StoreCodes.limitUs, value <= StoreCodes.limitUs else { throw row.damage(index, "holds an impossible duration") }
                return value
            }
            func sum(_ index: Int) throws -> Int64 {
                guard let value = try us(index) else { throw row.damage(index, "holds no value") }
                return value
            }
            up += try row.count(2)
            degraded += try row.count(3)
            down += try row.count(4)
            latencyCount += try row.count(5)
            sumsUs.0 += try sum(6)
            timingCount += try row.count(7)
            sumsUs.1 += try sum(8)
            sumsUs.2 += try sum(9)
            sumsUs.3 += try sum(10)
            sumsUs.4 += try sum(11)
            sumsUs.5 += try sum(12)
            if let low = try us(13) { minUs = min(minUs ?? low, low) }
            if let high = try us(14) { maxUs = max(maxUs ?? high, high) }
            guard let stored = LatencyHistogram(encoded: try row.blob(15)) else {
                throw row.damage(15, "holds an unreadable latency histogram")
            }
            histogram.merge(stored)
        }

        /// Sums of two sets of rounded rollups (integers: exact in any order).
        mutating func merge(_ other: CheckSums) {
            up += other.up
            degraded += other.degraded
            down += other.down
            latencyCount += other.latencyCount
            timingCount += other.timingCount
            sumsUs.0 += other.sumsUs.0
            sumsUs.1 += other.sumsUs.1
            sumsUs.2 += other.sumsUs.2
            sumsUs.3 += other.sumsUs.3
            sumsUs.4 += other.sumsUs.4
            sumsUs.5 += other.sumsUs.5
            if let low = other.minUs { minUs = min(minUs ?? low, low) }
            if let high = other.maxUs { maxUs = max(maxUs ?? high, high) }
            histogram.merge(other.histogram)
        }

        func values(_ key: BucketKey) -> [DatabaseValue] {
            [key.bucketStartMs.databaseValue, key.key.databaseValue, up.databaseValue, degraded.databaseValue,
             down.databaseValue, latencyCount.databaseValue, sumsUs.0.databaseValue, timingCount.databaseValue,
             sumsUs.1.databaseValue, sumsUs.2.databaseValue, sumsUs.3.databaseValue, sumsUs.4.databaseValue,
             sumsUs.5.databaseValue, minUs.bound, maxUs.bound, histogram.encoded.databaseValue]
        }
    }

    struct OpenStatusRun {
        var status: Int
        var firstRunID: Int64
        var lastRunID: Int64
        /// Whether the row is stored already (then only its last run changes).
        var stored: Bool
    }

    /// Check sums by bucket, in the order the buckets were first touched, with an index to find a bucket's sums:
    /// a batch of one run touches one or two buckets per check and granularity, so its sums live in an array and
    /// are never moved about in a dictionary.
    struct BucketSums {
        private(set) var keys: [BucketKey] = []
        private(set) var sums: [CheckSums] = []
        private var index: [BucketKey: Int] = [:]

        init(capacity: Int = 0) {
            keys.reserveCapacity(capacity)
            sums.reserveCapacity(capacity)
            index.reserveCapacity(capacity)
        }

        /// The position of `key`'s sums, added (empty) when new.
        mutating func position(of key: BucketKey) -> Int {
            if let known = index[key] { return known }
            index[key] = keys.count
            keys.append(key)
            sums.append(CheckSums())
            return keys.count - 1
        }

        /// The position of `key`'s sums, nil when the batch has none.
        func existingPosition(of key: BucketKey) -> Int? { index[key] }

        mutating func merge(_ other: CheckSums, into key: BucketKey) {
            sums[position(of: key)].merge(other)
        }

        mutating func add(_ result: CheckResult, at position: Int) {
            sums[position].add(result)
        }

        mutating func add(stored row: StoredRow, at position: Int) throws {
            try sums[position].add(stored: row)
        }
    }

    /// A component's automatic statuses counted in one bucket, by `StoreCodes` status code.
    struct StatusCounts {
        var counts = (0, 0, 0, 0)

        mutating func add(code: Int) {
            switch code {
            case 0: counts.0 += 1
            case 1: counts.1 += 1
            case 2: counts.2 += 1
            case 3: counts.3 += 1
            default: break // an automatic status is never "under maintenance" (4)
            }
        }

        var values: [DatabaseValue] {
            [counts.0.databaseValue, counts.1.databaseValue, counts.2.databaseValue, counts.3.databaseValue]
        }
    }

    /// What the batch knows of one check: where its newest result so far is (run index in the batch, ordinal) and
    /// the last run that had it. Updated in place, never copied: it is touched once per result.
    private struct CheckState {
        var latestAtMs = Int64.min
        var latest: (runIndex: Int, ordinal: Int)?
        var lastRunID: Int64 = 0

        /// Records the check's result `ordinal` of run `runIndex` (id `runID`) taken at `atMs`; true when the run
        /// already had a result of the check.
        mutating func record(runIndex: Int, runID: Int64, ordinal: Int, atMs: Int64) -> Bool {
            let again = lastRunID == runID
            lastRunID = runID
            if atMs >= latestAtMs {
                latestAtMs = atMs
                latest = (runIndex, ordinal)
            }
            return again
        }
    }

    /// One check of a batch: its key, its state, and the hourly sums (an index into the batch's) it was last added to.
    private struct CheckSlot {
        let key: Int64
        var state = CheckState()
        var hourStartMs = Int64.min
        var hourSums = 0
    }

    /// A run's results of one component so far, for its automatic status.
    struct ComponentTally {
        var results = 0, down = 0, degraded = 0

        mutating func add(_ status: CheckStatus) {
            results += 1
            switch status {
            case .down: down += 1
            case .degraded: degraded += 1
            case .up: break
            }
        }

        mutating func add(_ other: ComponentTally) {
            results += other.results
            down += other.down
            degraded += other.degraded
        }

        var status: ComponentStatus? { ComponentStatus.automatic(results: results, down: down, degraded: degraded) }
    }

    /// The common case hashes nothing per result: a check's single result in a run goes straight into its hour's
    /// sums, found by the check's position in the run before and the hour it was last added to (a key is hashed
    /// only when a run lists other checks or an hour begins), and daily sums are those hours added up (integers,
    /// so exactly what a daily upsert per run adds). A check with several results in one run (never from `probe`)
    /// is rolled up per run and bucket as `append` does.
    static func append(_ runs: [(run: ProbeRun, results: [CheckResult])], rawFromMs: Int64, in db: Database) throws {
        guard !runs.isEmpty else { return }
        var keys = try StoreKeys.load(db)
        // New checks (all of them in a first probe) get their keys together; later runs of a batch list the same
        // checks, and any other new one gets its key as the loop below meets it.
        try keys.register(runs[0].results.lazy.map { RollupKey(componentID: $0.componentID, checkID: $0.checkID) }, in: db)
        let firstID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM run") ?? 0) + 1
        var open = try StatusRunWriter.openRuns(endingWith: firstID - 1, db).mapValues { run in
            OpenStatusRun(status: Int(run.status), firstRunID: run.firstRunID, lastRunID: firstID - 1, stored: true)
        }
        var ended: [(componentKey: Int64, run: OpenStatusRun)] = []
        var severalHourly: [BucketKey: CheckSums] = [:]
        var severalDaily: [BucketKey: CheckSums] = [:]
        // By granularity (hourly, daily).
        var componentCounts: [[BucketKey: StatusCounts]] = RollupGranularity.allCases.map { _ in
            Dictionary(minimumCapacity: keys.componentCount)
        }
        // Every check of the batch, in the order first seen; `slotOfKey` finds a check's slot by its key.
        var slots: [CheckSlot] = []
        var slotOfKey: [Int64: Int] = [:]
        // The hourly sums of checks with one result per run.
        var hourly = BucketSums(capacity: runs.first?.results.count ?? 0)
        var runRows: [[DatabaseValue]] = []
        var rawRows: [[DatabaseValue]] = []
        // The previous run's checks by position: runs list their checks in the same order, so the keys and slots are
        // found by comparing ids instead of hashing them.
        var previous: [(componentID: String, checkID: String, key: Int64, componentKey: Int64, slot: Int)] = []

        for (index, (run, results)) in runs.enumerated() {
            let runID = firstID + Int64(index)
            let runMs = StoreTime.milliseconds(run.startedAt)
            var up = 0, degraded = 0, down = 0
            var several: Set<Int64> = []
            var current = previous
            if current.count > results.count { current.removeLast(current.count - results.count) }
            for ordinal in results.indices {
                if ordinal >= current.count || current[ordinal].componentID != results[ordinal].componentID
                    || current[ordinal].checkID != results[ordinal].checkID {
                    let componentID = results[ordinal].componentID, checkID = results[ordinal].checkID
                    let key = try keys.checkKey(componentID, checkID, in: db)
                    let slot: Int
                    if let known = slotOfKey[key] {
                        slot = known
                    } else {
                        slot = slots.count
                        slotOfKey[key] = slot
                        slots.append(CheckSlot(key: key))
                    }
                    let entry = (componentID, checkID, key, try keys.componentKey(componentID, in: db), slot)
                    if ordinal < current.count { current[ordinal] = entry } else { current.append(entry) }
                }
                if slots[current[ordinal].slot].state.record(
                    runIndex: index, runID: runID, ordinal: ordinal, atMs: StoreTime.milliseconds(results[ordinal].at)) {
                    several.insert(current[ordinal].key)
                }
            }
            previous = current
            var perRun: [BucketKey: CheckRollup] = [:]
            // Per component key; a component's results usually come one after another, so they are added up
            // here first and put in the dictionary when another component's begin.
            var componentTallies: [Int64: ComponentTally] = [:]
            var block = (componentKey: Int64(-1), tally: ComponentTally())
            for ordinal in results.indices {
                let result = results[ordinal]
                switch result.status {
                case .up: up += 1
                case .degraded: degraded += 1
                case .down: down += 1
                }
                let key = current[ordinal].key
                if runMs >= rawFromMs {
                    rawRows.append(ResultRow.values(result, checkKey: key, after: [runID.databaseValue, ordinal.databaseValue]))
                }
                let atMs = StoreTime.milliseconds(result.at)
                if several.isEmpty || !several.contains(key) {
                    // The check's sums of the hour it was last added to, unless this result starts another hour.
                    let slot = current[ordinal].slot
                    let hourMs = RollupGranularity.hourly.bucketStartMs(of: atMs)
                    if slots[slot].hourStartMs != hourMs {
                        slots[slot].hourStartMs = hourMs
                        slots[slot].hourSums = hourly.position(of: BucketKey(granularity: .hourly, bucketStartMs: hourMs, key: key))
                    }
                    hourly.add(result, at: slots[slot].hourSums)
                } else {
                    for granularity in RollupGranularity.allCases {
                        let start = granularity.bucketStartMs(of: atMs)
                        perRun[BucketKey(granularity: granularity, bucketStartMs: start, key: key), default: CheckRollup(
                            componentID: result.componentID, checkID: result.checkID, granularity: granularity,
                            bucketStart: StoreTime.date(start))].record(result)
                    }
                }
                if current[ordinal].componentKey != block.componentKey {
                    if block.tally.results > 0 { componentTallies[block.componentKey, default: ComponentTally()].add(block.tally) }
                    block = (current[ordinal].componentKey, ComponentTally())
                }
                block.tally.add(result.status)
            }
            if block.tally.results > 0 { componentTallies[block.componentKey, default: ComponentTally()].add(block.tally) }
            for (key, rollup) in perRun {
                if key.granularity == .hourly {
                    severalHourly[key, default: CheckSums()].add(rollup)
                } else {
                    severalDaily[key, default: CheckSums()].add(rollup)
                }
            }
            runRows.append([runID.databaseValue, runMs.databaseValue, run.durationMs.databaseValue, run.location.databaseValue,
                            up.databaseValue, degraded.databaseValue, down.databaseValue])
            for (componentKey, tally) in componentTallies {
                guard let status = tally.status else { continue }
                let code = StoreCodes.code(status)
                for (position, granularity) in RollupGranularity.allCases.enumerated() {
                    let key = BucketKey(granularity: granularity, bucketStartMs: granularity.bucketStartMs(of: runMs), key: componentKey)
                    componentCounts[position][key, default: StatusCounts()].add(code: code)
                }
                if var stretch = open[componentKey], stretch.status == code, stretch.lastRunID == runID - 1 {
                    stretch.lastRunID = runID
                    open[componentKey] = stretch
                } else {
                    if let previous = open[componentKey] { ended.append((componentKey, previous)) }
                    open[componentKey] = OpenStatusRun(status: code, firstRunID: runID, lastRunID: runID, stored: false)
                }
            }
        }

        var daily = BucketSums(capacity: hourly.keys.count)
        for (key, sums) in zip(hourly.keys, hourly.sums) {
            daily.merge(sums, into: BucketKey(granularity: .daily, bucketStartMs: RollupGranularity.daily.bucketStartMs(of: key.bucketStartMs),
                                              key: key.key))
        }
        for (key, sums) in severalDaily { daily.merge(sums, into: key) }
        for (key, sums) in severalHourly { hourly.merge(sums, into: key) }

        try RowBatch.insert(runRows, head: runInsertHead, in: db)
        try RowBatch.insert(rawRows, head: rawInsertHead, in: db)
        if rawRows.count == runs.reduce(0, { $0 + $1.results.count }) {
            // Every result was just written: copied in SQL, in the order of appending, which leaves each check's
            // newest (the later of equal times) as the rows below do, without binding them all again.
            try db.execute(sql: """
                \(latestInsertHead)
                SELECT run_id, ordinal, \(ResultRow.columnList) FROM result WHERE run_id BETWEEN ? AND ? ORDER BY run_id, ordinal
                \(latestConflictClause)
                """, arguments: [firstID, firstID + Int64(runs.count) - 1])
        } else {
            let latest: [[DatabaseValue]] = slots.sorted { $0.key < $1.key }.compactMap { slot in
                slot.state.latest.map {
                    ResultRow.values(runs[$0.runIndex].results[$0.ordinal], checkKey: slot.key,
                                     after: [(firstID + Int64($0.runIndex)).databaseValue, $0.ordinal.databaseValue])
                }
            }
            try RowBatch.insert(latest, head: latestInsertHead,
                                tail: latestConflictClause, in: db)
        }
        try writeCheckRollups(hourly, .hourly, in: db)
        try writeCheckRollups(daily, .daily, in: db)
        for (position, granularity) in RollupGranularity.allCases.enumerated() {
            // In key order, as the check rollups: 20,000 upserts of a 10,000-component run took 30 ms in hash order.
            let componentRows: [[DatabaseValue]] = componentCounts[position]
                .sorted { ($0.key.bucketStartMs, $0.key.key) < ($1.key.bucketStartMs, $1.key.key) }
                .map { key, counts in [key.bucketStartMs.databaseValue, key.key.databaseValue] + counts.values }
            try RowBatch.insert(componentRows, head: RollupWriter.componentInsertHead(granularity),
                                tail: RollupWriter.componentConflictClause, in: db)
        }
        try writeStatusRuns(ended + open.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, in: db)
    }

    /// The head of a run row's `INSERT`; a row is the run's id, start, duration, location and up, degraded and down
    /// counts.
    static let runInsertHead = "INSERT INTO run (id, started_at_ms, duration_ms, location, up_count, degraded_count, down_count)"

    /// The heads of a raw result's and a latest result's `INSERT`: the run's id, the result's ordinal in the run, then
    /// `ResultRow`'s columns.
    static let rawInsertHead = "INSERT INTO result (run_id, ordinal, \(ResultRow.columnList))"
    static let latestInsertHead = "INSERT INTO latest_result (run_id, ordinal, \(ResultRow.columnList))"

    /// The upsert of `latest_result`: a check's row is replaced by a result taken at the same time or later.
    static let latestConflictClause: String = {
        let updates = ResultRow.columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return """
            ON CONFLICT (check_key) DO UPDATE SET run_id = excluded.run_id, ordinal = excluded.ordinal, \(updates)
            WHERE excluded.at_ms >= latest_result.at_ms
            """
    }()

    /// The columns a check rollup row is read with: its bucket and key, then what `CheckSums.add(stored:)` adds.
    static let storedCheckColumns = "bucket_start_ms, check_key, \(RollupWriter.additiveCheckColumns.joined(separator: ", ")), "
        + "latency_min_us, latency_max_us, latency_histogram"

    /// The upsert of a check rollup whose values already hold the stored row's: every column is replaced.
    static let checkReplaceClause = "ON CONFLICT (bucket_start_ms, check_key) DO UPDATE SET "
        + (RollupWriter.additiveCheckColumns + ["latency_min_us", "latency_max_us", "latency_histogram"])
        .map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    /// Writes the check rollups of one granularity: the stored rows of the buckets the batch touches are read (one
    /// primary-key range per bucket start), added into the batch's sums and written back whole. Sums are integers
    /// and histograms add up, so the rows equal those of an upsert per run adding in SQL, without a histogram merge
    /// through a SQL function for every row (most of the cost of an append).
    private static func writeCheckRollups(_ sums: consuming BucketSums, _ granularity: RollupGranularity, in db: Database) throws {
        let table = granularity.checkTable
        let read = try db.cachedStatement(sql: "SELECT \(storedCheckColumns) FROM \(table) WHERE bucket_start_ms = ?")
        for start in Set(sums.keys.map(\.bucketStartMs)).sorted() {
            let rows = try Row.fetchCursor(read, arguments: [start])
            while let row = try rows.next() {
                let stored = StoredRow(row, of: table, statement: read)
                let key = BucketKey(granularity: granularity, bucketStartMs: start, key: try stored.integer(1))
                if let position = sums.existingPosition(of: key) { try sums.add(stored: stored, at: position) }
            }
        }
        try writeBack(sums, granularity, in: db)
    }

    /// Writes check sums that already hold their stored rows over them, in key order, which SQLite's B-tree inserts
    /// fastest (positions are sorted, not the sums themselves).
    static func writeBack(_ sums: borrowing BucketSums, _ granularity: RollupGranularity, in db: Database) throws {
        let keys = sums.keys
        let order = keys.indices.sorted { (keys[$0].bucketStartMs, keys[$0].key) < (keys[$1].bucketStartMs, keys[$1].key) }
        try RowBatch.insert(order.map { sums.sums[$0].values(keys[$0]) },
                            head: RollupWriter.checkInsertHead(granularity),
                            tail: checkReplaceClause, in: db)
    }

    /// Stored status runs extended by one `UPDATE`.
    static let statusRunsPerUpdate = 100

    /// Stored status runs the batch extended get their new end (one `UPDATE` per 100 of them); the ones it started
    /// are inserted whole.
    static func writeStatusRuns(_ runs: [(componentKey: Int64, run: OpenStatusRun)], in db: Database) throws {
        var inserted: [[DatabaseValue]] = []
        var extended: [[DatabaseValue]] = []
        for (componentKey, run) in runs {
            if run.stored {
                extended.append([componentKey.databaseValue, run.firstRunID.databaseValue, run.lastRunID.databaseValue])
            } else {
                inserted.append([componentKey.databaseValue, run.firstRunID.databaseValue, run.status.databaseValue,
                                 run.lastRunID.databaseValue])
            }
        }
        for start in stride(from: 0, to: extended.count, by: statusRunsPerUpdate) {
            let part = extended[start..<min(start + statusRunsPerUpdate, extended.count)]
            let statement = try db.cachedStatement(sql: """
                UPDATE component_status_run SET last_run_id = ended.column3
                FROM (VALUES \(RowBatch.placeholders(rows: part.count, columns: 3))) AS ended
                WHERE component_key = ended.column1 AND first_run_id = ended.column2
                """)
            try RowBatch.bind(rows: part, columns: 3, to: statement)
            try statement.execute()
        }
        try RowBatch.insert(inserted, head: "INSERT INTO component_status_run (component_key, first_run_id, status, last_run_id)", in: db)
    }
}

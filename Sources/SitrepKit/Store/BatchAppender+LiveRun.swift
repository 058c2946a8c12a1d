import Foundation
import GRDB

extension BatchAppender {
    /// One probe run appended while its checks still run, part by part as results come in, in the caller's
    /// transaction: a part's raw and latest results and its checks' rollups are written at once, a component's
    /// rollups and status run once all its checks have a result, the run's row at the end. It leaves exactly the rows
    /// `append` leaves for the same run (one result per check, ordinals in config order): rollup sums are integers
    /// and a check has one result per run, so adding them in parts changes nothing.
    ///
    /// With 2,000 of 10,000 checks hanging until their timeout, `append` after the run wrote all 10,000 results on the
    /// run's critical path (256 to 370 ms); now only the parts that come last are.
    struct LiveRun {
        let runID: Int64
        private let runMs: Int64
        /// By config position: the check's key and its component's key.
        private let checkKeys: [Int64]
        private let componentKeys: [Int64]
        /// By component key: how many of its checks have no result yet, and the tally of those that have.
        private var awaiting: [Int64: Int] = [:]
        private var tallies: [Int64: ComponentTally] = [:]
        /// Status runs that ended with the previous run, by component key.
        private let open: [Int64: OpenStatusRun]
        private var received: [Bool]
        private let runCheckKeys: Set<Int64>
        /// The stored check rollups of the bucket starts read so far (`startsRead`, key 0), until their check is written.
        private var storedSums: [BucketKey: CheckSums] = [:]
        private var startsRead: Set<BucketKey> = []
        /// Results taken and not written yet, fewer than a statement's rows.
        private var waiting: [(index: Int, result: CheckResult)] = []
        /// Components whose checks all have a result, not written yet: their status code, and their status runs.
        private var statuses: [(key: Int64, code: Int)] = []
        private var newRuns: [(componentKey: Int64, run: OpenStatusRun)] = []
        private var extendedRuns: [(componentKey: Int64, run: OpenStatusRun)] = []
        private var up = 0, degraded = 0, down = 0

        /// Reads the keys (adding those of new checks) and the open status runs; `checks` are the run's checks in
        /// config order, `startedAt` the run's start.
        init(checks: [RollupKey], startedAt: Date, in db: Database) throws {
            var keys = try StoreKeys.load(db)
            try keys.register(checks, in: db)
            checkKeys = try checks.map { try keys.checkKey($0.componentID, $0.checkID, in: db) }
            componentKeys = try checks.map { try keys.componentKey($0.componentID, in: db) }
            runID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM run") ?? 0) + 1
            runMs = StoreTime.milliseconds(startedAt)
            let previousRunID = runID - 1
            open = try StatusRunWriter.openRuns(endingWith: previousRunID, db).mapValues { run in
                OpenStatusRun(status: Int(run.status), firstRunID: run.firstRunID, lastRunID: previousRunID, stored: true)
            }
            for key in componentKeys { awaiting[key, default: 0] += 1 }
            received = Array(repeating: false, count: checks.count)
            runCheckKeys = Set(checkKeys)
        }

        /// Takes results that came in (`index`: the check's config position; a position already taken or out of range
        /// is ignored) and writes them in parts of `ResultFeed.defaultPartSize`, the rest when more come or at the end:
        /// every part is written by the same statements, prepared once, as a whole run's full statements are.
        mutating func add(_ part: [(index: Int, result: CheckResult)], in db: Database) throws {
            for (index, result) in part where received.indices.contains(index) && !received[index] {
                received[index] = true
                waiting.append((index, result))
            }
            let size = ResultFeed.defaultPartSize
            var start = 0
            while waiting.count - start >= size {
                try write(waiting[start..<start + size], in: db)
                start += size
            }
            waiting.removeFirst(start)
            try writeComponents(all: false, in: db)
        }

        /// Writes the results not written yet and the run's row: `results` are all of the run's, in config order.
        mutating func finish(_ run: ProbeRun, results: [CheckResult], in db: Database) throws {
            for index in results.indices where received.indices.contains(index) && !received[index] {
                received[index] = true
                waiting.append((index, results[index]))
            }
            try write(waiting[...], in: db)
            waiting = []
            try writeComponents(all: true, in: db)
            try RowBatch.insert([[runID.databaseValue, runMs.databaseValue, run.durationMs.databaseValue, run.location.databaseValue,
                                  up.databaseValue, degraded.databaseValue, down.databaseValue]],
                                head: BatchAppender.runInsertHead, in: db)
        }

        /// The results' raw and latest rows and their checks' rollups; components whose checks all have a result now
        /// get their status (written by `writeComponents`).
        private mutating func write(_ part: ArraySlice<(index: Int, result: CheckResult)>, in db: Database) throws {
            guard !part.isEmpty else { return }
            var rows: [[DatabaseValue]] = []
            rows.reserveCapacity(part.count)
            var hourly = BucketSums(capacity: part.count)
            var daily = BucketSums(capacity: part.count)
            for (index, result) in part {
                let key = checkKeys[index]
                rows.append(ResultRow.values(result, checkKey: key, after: [runID.databaseValue, index.databaseValue]))
                let atMs = StoreTime.milliseconds(result.at)
                hourly.add(result, at: hourly.position(of: BucketKey(
                    granularity: .hourly, bucketStartMs: RollupGranularity.hourly.bucketStartMs(of: atMs), key: key)))
                daily.add(result, at: daily.position(of: BucketKey(
                    granularity: .daily, bucketStartMs: RollupGranularity.daily.bucketStartMs(of: atMs), key: key)))
                switch result.status {
                case .up: up += 1
                case .degraded: degraded += 1
                case .down: down += 1
                }
                let component = componentKeys[index]
                tallies[component, default: ComponentTally()].add(result.status)
                awaiting[component, default: 1] -= 1
                if awaiting[component] == 0 { settle(component) }
            }
            try RowBatch.insert(rows, head: BatchAppender.rawInsertHead, in: db)
            try copyLatest(part.map(\.index), in: db)
            try writeCheckRollups(hourly, .hourly, in: db)
            try writeCheckRollups(daily, .daily, in: db)
        }

        /// Copies the raw results at `ordinals` (just written) into `latest_result`, in SQL as `append` does: binding
        /// their values again cost more, and its statement more to prepare.
        private func copyLatest(_ ordinals: [Int], in db: Database) throws {
            let size = ResultFeed.defaultPartSize
            for start in stride(from: 0, to: ordinals.count, by: size) {
                let part = ordinals[start..<min(start + size, ordinals.count)]
                let statement = try db.cachedStatement(sql: """
                    \(BatchAppender.latestInsertHead)
                    SELECT run_id, ordinal, \(ResultRow.columnList) FROM result
                    WHERE run_id = ? AND ordinal IN \(RowBatch.placeholders(rows: 1, columns: part.count))
                    \(BatchAppender.latestConflictClause)
                    """)
                // The run's id, then the ordinals: one row of parameters.
                try RowBatch.bind(rows: [[runID.databaseValue] + part.map(\.databaseValue)], columns: part.count + 1, to: statement)
                try statement.execute()
            }
        }

        /// A component's status in this run and where it takes its status run, kept for `writeComponents`.
        private mutating func settle(_ componentKey: Int64) {
            guard let status = tallies[componentKey]?.status else { return }
            let code = StoreCodes.code(status)
            statuses.append((componentKey, code))
            if var stretch = open[componentKey], stretch.status == code {
                stretch.lastRunID = runID
                extendedRuns.append((componentKey, stretch))
            } else {
                // A stored run that ends here keeps its row as it is.
                newRuns.append((componentKey, OpenStatusRun(status: code, firstRunID: runID, lastRunID: runID, stored: false)))
            }
        }

        /// Writes the settled components' rollups and status runs in parts of the statements' sizes (all of them when
        /// `all`).
        private mutating func writeComponents(all: Bool, in db: Database) throws {
            let size = ResultFeed.defaultPartSize
            while statuses.count >= size || (all && !statuses.isEmpty) {
                let part = statuses.prefix(size).sorted { $0.key < $1.key }
                statuses.removeFirst(part.count)
                for granularity in RollupGranularity.allCases {
                    let bucketStartMs = granularity.bucketStartMs(of: runMs)
                    let rows: [[DatabaseValue]] = part.map { key, code in
                        var counts = StatusCounts()
                        counts.add(code: code)
                        return [bucketStartMs.databaseValue, key.databaseValue] + counts.values
                    }
                    try RowBatch.insert(rows, head: RollupWriter.componentInsertHead(granularity),
                                        tail: RollupWriter.componentConflictClause, in: db)
                }
            }
            // `writeStatusRuns` inserts new runs a statement per 200 and extends stored ones a statement per 100.
            while newRuns.count >= size || (all && !newRuns.isEmpty) {
                let part = Array(newRuns.prefix(size))
                newRuns.removeFirst(part.count)
                try BatchAppender.writeStatusRuns(part, in: db)
            }
            while extendedRuns.count >= BatchAppender.statusRunsPerUpdate || (all && !extendedRuns.isEmpty) {
                let part = Array(extendedRuns.prefix(BatchAppender.statusRunsPerUpdate))
                extendedRuns.removeFirst(part.count)
                try BatchAppender.writeStatusRuns(part, in: db)
            }
        }

        /// Adds each bucket's stored row to the part's sums and writes them back whole, in key order, as
        /// `BatchAppender.writeCheckRollups` does for a whole run. The stored rows of a bucket start are read once, the
        /// first time a part touches it (a primary-key range, as for a whole run), and kept until their check's result
        /// comes: a lookup per check cost twice as much.
        private mutating func writeCheckRollups(_ sums: consuming BucketSums, _ granularity: RollupGranularity, in db: Database) throws {
            let table = granularity.checkTable
            let keys = sums.keys
            for start in Set(keys.map(\.bucketStartMs)).sorted()
            where startsRead.insert(BucketKey(granularity: granularity, bucketStartMs: start, key: 0)).inserted {
                let read = try db.cachedStatement(sql: "SELECT \(BatchAppender.storedCheckColumns) FROM \(table) WHERE bucket_start_ms = ?")
                let rows = try Row.fetchCursor(read, arguments: [start])
                while let row = try rows.next() {
                    let stored = StoredRow(row, of: table, statement: read)
                    let key = try stored.integer(1)
                    guard runCheckKeys.contains(key) else { continue }
                    try storedSums[BucketKey(granularity: granularity, bucketStartMs: start, key: key), default: CheckSums()]
                        .add(stored: stored)
                }
            }
            for key in keys {
                if let stored = storedSums.removeValue(forKey: key) { sums.merge(stored, into: key) }
            }
            try BatchAppender.writeBack(sums, granularity, in: db)
        }
    }
}

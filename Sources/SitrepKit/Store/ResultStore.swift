import Foundation
import GRDB

/// The SQLite database of probe results, with rollups maintained on every append.
///
/// WAL mode: one writer at a time (others wait up to `busyTimeout`), readers never block the writer and
/// see the last committed state. `synchronous = NORMAL`: a killed process loses nothing committed; a
/// power cut may lose the last commits but never corrupts the file. SQLite checkpoints the WAL every
/// 1,000 pages (passive), `journal_size_limit` trims it afterwards, and the last connection to close
/// checkpoints and removes it; `checkpoint()` truncates it on demand.
///
/// Retention is explicit: the probe command calls `prune(now:keeping:)` after `append`.
public final class ResultStore: Sendable {
    /// How long a writer waits for another writer's lock.
    public static let busyTimeout: TimeInterval = 5

    /// The database file.
    public let url: URL
    /// The file as shown in messages: relative to the URL's base when it has one (e.g. "data/sitrep.sqlite").
    public let displayPath: String
    public let isReadOnly: Bool
    let pool: DatabasePool
    /// A writer's: when `quick_check` last read the whole file (now, or the time `StoreCheckStamp` noted when the
    /// file is as the last writer left it); `close()` notes it for the next writer.
    let fullCheckAt: Date?

    private init(url: URL, displayPath: String, isReadOnly: Bool, pool: DatabasePool, fullCheckAt: Date? = nil) {
        self.url = url
        self.displayPath = displayPath
        self.isReadOnly = isReadOnly
        self.pool = pool
        self.fullCheckAt = fullCheckAt
    }

    /// Opens the database at `url`. For writing (the default) it creates missing parent folders and the file
    /// and runs pending migrations. With `readOnly` a missing file throws `StoreError.Kind.missing`
    /// (use `openForReading(at:)` to treat that as "no data yet").
    /// A file that is not a sitrep database, is damaged or cannot be written throws `StoreError` and is never
    /// overwritten.
    public static func open(at url: URL, readOnly: Bool = false) throws -> ResultStore {
        let path = url.relativePath
        do {
            let file = try StoreFile.vet(url, path: path)
            if readOnly {
                do {
                    guard let store = try openReader(url: url, path: path, file: file) else {
                        throw StoreError(.missing, path: path)
                    }
                    return store
                } catch {
                    throw StoreError(error, path: path, reading: true)
                }
            }
            let folder = url.deletingLastPathComponent()
            if case .absent = file {
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                } catch {
                    throw StoreError(.unwritable, path: path, detail: "cannot create its folder: \(reason(error))")
                }
            } else if !FileManager.default.isWritableFile(atPath: url.path) {
                // SQLite would silently open it read-only and fail only at the first write.
                throw StoreError(.unwritable, path: path, detail: "the file is read-only")
            }
            if !FileManager.default.isWritableFile(atPath: folder.path) {
                throw StoreError(.unwritable, path: path, detail: "its folder is read-only, so no journal can be written")
            }
            // Opening the pool writes (GRDB makes sure the WAL is not empty), so the file is checked first. A new
            // or empty file has nothing to check.
            var fullCheckAt = Date()
            if case .sqlite = file { fullCheckAt = try StoreIntegrity.verifyBeforeWriting(url, path: path, now: fullCheckAt) }
            let pool = try DatabasePool(path: url.path, configuration: configuration(readOnly: false))
            try StoreSchema.migrator.migrate(pool)
            try StoreVacuum.enableIncremental(pool)
            return ResultStore(url: url, displayPath: path, isReadOnly: false, pool: pool, fullCheckAt: fullCheckAt)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Opens the database for reading only; nil when there is no data yet (no file, an empty file, or a
    /// database no probe has written to). Damaged or foreign files throw as in `open(at:readOnly:)`.
    /// Nothing is written beside it either when its folder is read-only (see `StoreFile.readerPath`).
    public static func openForReading(at url: URL) throws -> ResultStore? {
        let path = url.relativePath
        do {
            return try openReader(url: url, path: path, file: StoreFile.vet(url, path: path))
        } catch {
            throw StoreError(error, path: path, reading: true)
        }
    }

    private static func openReader(url: URL, path: String, file: StoreFile) throws -> ResultStore? {
        switch file {
        case .absent, .empty: return nil
        case .sqlite, .notSQLite: break
        }
        let pool = try DatabasePool(path: StoreFile.readerPath(url, path: path), configuration: configuration(readOnly: true))
        let migrator = StoreSchema.migrator
        let (complete, applied) = try pool.read { db in
            if try migrator.hasBeenSuperseded(db) { throw StoreError(.newerSchema, path: path) }
            let applied = try db.tableExists("grdb_migrations") ? try migrator.appliedMigrations(db) : []
            try StoreIntegrity.verifySchema(db, applied: applied)
            return (try migrator.hasCompletedMigrations(db), applied)
        }
        if applied.isEmpty { return nil }
        let readable = complete || Set(applied).union(StoreSchema.migrationsReadersDoWithout) == Set(migrator.migrations)
        if !readable { throw StoreError(.olderSchema, path: path) }
        return ResultStore(url: url, displayPath: path, isReadOnly: true, pool: pool)
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "sitrep.store"
        configuration.prepareDatabase { db in
            StoreSchema.prepare(db)
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 8388608")
            }
        }
        return configuration
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }

    /// Adds history kept elsewhere (another tool's records, a synthetic benchmark site) as rollups, in one
    /// transaction: counts and sums are added to any bucket already stored, exactly as appends add them.
    /// Raw results and latest results are not touched. A bucket start is normalised to its hour or day.
    public func importRollups(checks: [CheckRollup], components: [ComponentRollup]) throws {
        do {
            try pool.write { db in
                var keys = try StoreKeys.load(db)
                try RollupWriter.merge(checks: checks, components: components, keys: &keys, in: db)
                try StatusRunWriter.afterImport(components, in: db)
                try StoreSchema.bumpRevision(db)
            }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }

    /// Appends many runs in one transaction, leaving the same rows as `append` called for each in turn, except that
    /// raw results of runs started before `rawResultsFrom` are not written: the rows a prune with that cut-off would
    /// delete. Rollup buckets are written once per batch, not once per run: for backfilling history and for the
    /// year benchmark (`sitrep-bench store-year`).
    public func appendBatch(_ runs: [(run: ProbeRun, results: [CheckResult])], rawResultsFrom: Date = .distantPast) throws {
        do {
            try pool.write { db in
                try BatchAppender.append(runs, rawFromMs: StoreTime.milliseconds(rawResultsFrom), in: db)
                try StoreSchema.bumpRevision(db)
            }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }

    /// Appends one run and its results in one transaction, updating `latest_result` and every rollup.
    public func append(_ run: ProbeRun, results: [CheckResult]) throws {
        try append(run, results: results, notifying: nil)
    }

    /// Appends as `append(_:results:)` does and, in the same transaction, enqueues the component status changes
    /// that this run made hold (`ComponentStatusDetector`): a crash loses the run and its events together.
    func append(_ run: ProbeRun, results: [CheckResult], notifying outbox: StatusOutbox?) throws {
        do {
            try pool.write { db in
                try BatchAppender.append([(run, results)], rawFromMs: .min, in: db)
                try Self.completeAppend(run, results: results, notifying: outbox, in: db)
            }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }

    /// What every append of a probe run does after its rows, in its transaction: the results' details, the component
    /// status changes it made hold (when notifications are configured), and the store's revision.
    static func completeAppend(_ run: ProbeRun, results: [CheckResult], notifying outbox: StatusOutbox?, in db: Database) throws {
        try ResultDetail.append(results, in: db)
        if let outbox {
            let events = try outbox.detector.detect(in: db)
            try NotificationOutbox.enqueue(events, targets: outbox.targets, now: run.startedAt, in: db)
        }
        try StoreSchema.bumpRevision(db)
    }

    /// Deletes what `retention` no longer keeps, in one transaction: raw results of runs started more than
    /// `rawDays` days before `now`; hourly rollups older than `hourlyDays`; daily rollups, the latest result of a
    /// check not probed since, runs without results and the status runs ending in them, older than `dailyDays`
    /// (status runs time their observations by the runs, so runs live as long as daily history). Rollup buckets
    /// that straddle a cut-off are kept whole. Retentions shorter than a build reads (`RetentionRules`, checked
    /// when the config is read) are raised to it. Then gives back to the file system up to `vacuumPagesPerPrune`
    /// of the pages the database no longer uses (`StoreVacuum`).
    ///
    /// Raw results have no time index: they go by their run, and only runs from the oldest one still holding
    /// results on are looked at (by id, the run table's own order).
    public func prune(now: Date, keeping retention: RetentionSettings) throws {
        try prune(now: now, keeping: retention, vacuumPages: StoreVacuum.pagesPerPrune)
    }

    /// `prune(now:keeping:)` giving back at most `vacuumPages` free pages.
    func prune(now: Date, keeping retention: RetentionSettings, vacuumPages: Int) throws {
        let nowMs = StoreTime.milliseconds(now)
        func cutoff(_ days: Int, atLeast minimum: Int) -> Int64 { nowMs - Int64(max(minimum, days)) * StoreTime.dayMs }
        let rawCutoff = cutoff(retention.rawDays, atLeast: RetentionRules.minimumRawDays)
        let hourlyCutoff = cutoff(retention.hourlyDays, atLeast: RetentionRules.minimumHourlyDays)
        let dailyCutoff = cutoff(retention.dailyDays, atLeast: RetentionRules.minimumDailyDays(historyDays: 0))
        do {
            try pool.write { db in
                let changesBefore = db.totalChangesCount
                // `+started_at_ms`: walk the runs by id from the oldest with results, not the time index.
                try db.execute(
                    sql: """
                        DELETE FROM result WHERE run_id IN (
                            SELECT id FROM run WHERE id >= (SELECT min(run_id) FROM result) AND +started_at_ms < ?)
                        """,
                    arguments: [rawCutoff])
                try db.execute(
                    sql: """
                        DELETE FROM run WHERE started_at_ms < ?
                        AND NOT EXISTS (SELECT 1 FROM result WHERE result.run_id = run.id)
                        """,
                    arguments: [dailyCutoff])
                // Per component, only its status runs that began before the oldest run are looked at.
                try db.execute(sql: """
                    DELETE FROM component_status_run
                    WHERE component_key IN (SELECT key FROM component_key)
                    AND first_run_id < ?1 AND last_run_id < ?1
                    """, arguments: [try Int64.fetchOne(db, sql: "SELECT min(id) FROM run") ?? Int64.max])
                try db.execute(sql: "DELETE FROM latest_result WHERE at_ms < ?", arguments: [dailyCutoff])
                // A segment record only turns a second import of its file into a no-op; once its runs are older than
                // the agreed history and the raw cut-off, that import is one anyway (LocationsMigration, v9).
                try db.execute(sql: """
                    DELETE FROM location_segment
                    WHERE newest_run_ms < ? AND newest_run_ms <= (SELECT settled_ms FROM location_agreement WHERE id = 1)
                    """, arguments: [rawCutoff])
                try ResultDetail.prune(before: rawCutoff, in: db)
                for granularity in RollupGranularity.allCases {
                    let cutoff = granularity.bucketStartMs(of: granularity == .hourly ? hourlyCutoff : dailyCutoff)
                    for table in [granularity.checkTable, granularity.componentTable] {
                        try db.execute(sql: "DELETE FROM \(table) WHERE bucket_start_ms < ?", arguments: [cutoff])
                    }
                }
                if db.totalChangesCount > changesBefore { try StoreSchema.bumpRevision(db) }
            }
            try StoreVacuum.releaseFreePages(pool, upTo: vacuumPages)
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }

    /// How many write transactions the database has committed (see `StoreSchema`); nil when it predates the
    /// count. Equal revisions mean equal data.
    public func revision() throws -> Int64? {
        do {
            return try pool.read { db in try StoreSchema.revision(db) }
        } catch {
            throw StoreError(error, path: displayPath, reading: true)
        }
    }

    /// Closes every connection now, instead of whenever the last reference goes (the last connection to close
    /// checkpoints the WAL and removes it); the store cannot be used afterwards.
    /// A writer's last close notes the file for the next writer (`StoreCheckStamp`).
    public func close() throws {
        do {
            try pool.close()
        } catch {
            throw StoreError(error, path: displayPath)
        }
        if let fullCheckAt { StoreCheckStamp.record(for: url, checkedAt: fullCheckAt) }
    }

    /// Copies the WAL into the database and truncates it (waits up to `busyTimeout` for readers).
    public func checkpoint() throws {
        guard !isReadOnly else { return }
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            throw StoreError(error, path: displayPath)
        }
    }
}

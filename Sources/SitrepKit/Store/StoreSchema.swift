import Foundation
import GRDB

/// The database layout and its migrations. Since v5 ("compact store", `CompactStoreMigration`) components and
/// checks are named by small integer keys (`component_key`, `check_key`), statuses, check types and error kinds
/// by small integer codes (`StoreCodes`), and latencies are whole microseconds (`*_us`).
///
/// - `run`: one row per append (start, duration, location, up/degraded/down counts), by id and by start time.
/// - `result`: one row per check result, clustered by (run_id, ordinal) so appends land at the end of the
///   tree; no time index: retention deletes by run, and the rare reads by time scan the few days kept.
/// - `latest_result`: a copy of the newest result per check (by `check_key`), kept across raw retention.
/// - `check_rollup_hourly` / `check_rollup_daily`: per check key and UTC bucket, status counts, latency
///   count/sum/min/max, the `LatencyHistogram` blob and phase timing sums.
/// - `component_rollup_hourly` / `component_rollup_daily`: per component key and UTC bucket, how many runs saw
///   it in each automatic status.
/// - `component_status_run`: per component key, each stretch of consecutive probe runs (ids `first_run_id` to
///   `last_run_id`, every one of them observing the component) with one automatic status; with the `run` rows'
///   times it says exactly when each observation was made. `status_run_origin.exact_from_ms`: where that
///   exact history starts (NULL: from the first run); before it only rollups describe the past.
///
/// - `result_detail`: condition and step summaries and a flow's steps, for the results that have them
///   (`ResultDetail`).
///
/// - `notification_event`, `notification_delivery`, `notification_component_state`, `notification_announced`:
///   the outbox of notifications and what was already announced (see `NotificationOutbox`).
///
/// - `store_revision`: one row counting the write transactions (appends, imports, prunes) ever committed,
///   so a build can tell cheaply whether the database changed since the site was last built.
///
/// The file is in `auto_vacuum = INCREMENTAL` mode (`StoreVacuum`): pages freed by pruning are given back to the
/// file system after each prune.
///
/// Rollup keys start with the bucket time, so appends touch the newest pages and pruning cuts the oldest.
/// All times are integer milliseconds since the Unix epoch (UTC).
enum StoreSchema {
    /// `PRAGMA application_id` of a sitrep database ("SITR"): how `open` recognises its own files.
    static let applicationID: Int32 = 0x5349_5452

    /// The SQL function that adds two encoded `LatencyHistogram`s (registered on every connection).
    static let histogramMergeFunction = "sitrep_histogram_merge"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, results, rollups") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    started_at_ms INTEGER NOT NULL,
                    duration_ms REAL NOT NULL,
                    location TEXT NOT NULL,
                    up_count INTEGER NOT NULL,
                    degraded_count INTEGER NOT NULL,
                    down_count INTEGER NOT NULL
                );
                CREATE INDEX run_by_time ON run(started_at_ms);
                """)
            for table in ["result", "latest_result"] {
                let key = table == "result" ? "run_id, ordinal" : "component_id, check_id"
                try db.execute(sql: """
                    CREATE TABLE \(table) (
                        run_id INTEGER NOT NULL,
                        ordinal INTEGER NOT NULL,
                        at_ms INTEGER NOT NULL,
                        component_id TEXT NOT NULL,
                        check_id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        status TEXT NOT NULL,
                        latency_ms REAL,
                        dns_ms REAL,
                        connect_ms REAL,
                        tls_ms REAL,
                        ttfb_ms REAL,
                        total_ms REAL,
                        http_status INTEGER,
                        error_kind TEXT,
                        error_message TEXT,
                        attempts INTEGER NOT NULL,
                        PRIMARY KEY (\(key))
                    ) WITHOUT ROWID
                    """)
            }
            try db.execute(sql: "CREATE INDEX result_by_time ON result(at_ms)")
            for granularity in RollupGranularity.allCases {
                try db.execute(sql: """
                    CREATE TABLE \(granularity.checkTable) (
                        bucket_start_ms INTEGER NOT NULL,
                        component_id TEXT NOT NULL,
                        check_id TEXT NOT NULL,
                        up_count INTEGER NOT NULL,
                        degraded_count INTEGER NOT NULL,
                        down_count INTEGER NOT NULL,
                        latency_count INTEGER NOT NULL,
                        latency_sum_ms REAL NOT NULL,
                        latency_min_ms REAL,
                        latency_max_ms REAL,
                        latency_histogram BLOB NOT NULL,
                        timing_count INTEGER NOT NULL,
                        dns_sum_ms REAL NOT NULL,
                        connect_sum_ms REAL NOT NULL,
                        tls_sum_ms REAL NOT NULL,
                        ttfb_sum_ms REAL NOT NULL,
                        total_sum_ms REAL NOT NULL,
                        PRIMARY KEY (bucket_start_ms, component_id, check_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE \(granularity.componentTable) (
                        bucket_start_ms INTEGER NOT NULL,
                        component_id TEXT NOT NULL,
                        operational_count INTEGER NOT NULL,
                        degraded_performance_count INTEGER NOT NULL,
                        partial_outage_count INTEGER NOT NULL,
                        major_outage_count INTEGER NOT NULL,
                        PRIMARY KEY (bucket_start_ms, component_id)
                    ) WITHOUT ROWID;
                    """)
            }
        }
        migrator.registerMigration(revisionMigration) { db in
            try db.execute(sql: """
                CREATE TABLE store_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
                INSERT INTO store_revision (id, revision) VALUES (1, 1);
                """)
        }
        migrator.registerMigration(incrementalVacuumMigration) { db in
            // Takes effect with the next VACUUM, which cannot run in a migration's transaction: `StoreVacuum`
            // runs it right after migrating.
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
        }
        // Registered after v4, which came first: a database that has v4 gets v3 next.
        migrator.registerMigration(statusRunsMigration) { db in
            try db.execute(sql: """
                CREATE TABLE component_status_run (
                    component_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    first_run_id INTEGER NOT NULL,
                    last_run_id INTEGER NOT NULL,
                    PRIMARY KEY (component_id, first_run_id)
                ) WITHOUT ROWID;
                CREATE INDEX component_status_run_by_last ON component_status_run(last_run_id);
                CREATE TABLE status_run_origin (id INTEGER PRIMARY KEY CHECK (id = 1), exact_from_ms INTEGER);
                """)
            // Runs already stored have no status runs (their hourly counts cannot say which observation came
            // when), so exact history starts with the first UTC day none of them falls in.
            let lastMs = try Int64.fetchOne(db, sql: "SELECT max(started_at_ms) FROM run")
            try db.execute(sql: "INSERT INTO status_run_origin (id, exact_from_ms) VALUES (1, ?)",
                           arguments: [lastMs.map { RollupGranularity.daily.bucketStartMs(of: $0) + StoreTime.dayMs }])
        }
        migrator.registerMigration(ResultDetail.migration) { db in try ResultDetail.createTable(db) }
        migrator.registerMigration(notificationOutboxMigration) { db in
            try NotificationOutbox.createTables(db)
        }
        migrator.registerMigration(CompactStoreMigration.identifier, migrate: CompactStoreMigration.migrate)
        migrator.registerMigration(LocationsMigration.identifier, migrate: LocationsMigration.migrate)
        migrator.registerMigration(LocationsMigration.segmentTimesIdentifier, migrate: LocationsMigration.addSegmentTimes)
        return migrator
    }

    /// The migration that adds the notification outbox (`NotificationOutbox`). A reader never reads it.
    static let notificationOutboxMigration = "v6: notification outbox"

    /// The migration that adds status runs. A reader opens a database without it (no probe has run since
    /// sitrep was upgraded); its history is then read from rollups only.
    static let statusRunsMigration = "v3: status runs"

    /// The migration that adds `store_revision`. A reader opens a database without it (no probe has run
    /// since sitrep was upgraded); such a database simply has no revision.
    static let revisionMigration = "v2: store revision"

    /// The migration that switches the file to `auto_vacuum = INCREMENTAL` (see `StoreVacuum`). It changes no
    /// table, so a reader opens a database without it.
    static let incrementalVacuumMigration = "v4: incremental vacuum"

    /// Migrations a reader opens a database without. Since v5 a reader reads the compact layout only, and a
    /// database from before it is refused (`StoreError.Kind.olderSchema`) until the next probe upgrades it; the
    /// location tables (v8, v9) are read only when present.
    static let migrationsReadersDoWithout: Set<String> = [LocationsMigration.identifier, LocationsMigration.segmentTimesIdentifier]

    /// Counts one more write transaction; called inside every transaction that changes the data.
    static func bumpRevision(_ db: Database) throws {
        try db.execute(sql: "UPDATE store_revision SET revision = revision + 1 WHERE id = 1")
    }

    /// The write-transaction count, or nil when the database predates `store_revision`.
    static func revision(_ db: Database) throws -> Int64? {
        guard try db.tableExists("store_revision") else { return nil }
        return try Int64.fetchOne(db, sql: "SELECT revision FROM store_revision WHERE id = 1")
    }

    /// Registers what every connection needs (the histogram merge used by rollup upserts).
    static func prepare(_ db: Database) {
        db.add(function: DatabaseFunction(histogramMergeFunction, argumentCount: 2, pure: true) { values in
            var merged = LatencyHistogram()
            for value in values {
                guard let data = Data.fromDatabaseValue(value) else { continue }
                guard let histogram = LatencyHistogram(encoded: data) else {
                    throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unreadable latency histogram")
                }
                merged.merge(histogram)
            }
            return merged.encoded
        })
    }
}

import Foundation
import GRDB

/// What a sitrep database holds, for `sitrep db`: its size on disk, pages, every table with its rows and the
/// times they span, and the last run. Read in one read transaction on a read-only connection, after SQLite's
/// `quick_check`, so a damaged file is refused rather than described.
public struct StoreInventory: Sendable, Hashable {
    /// One table as it is now.
    public struct Table: Sendable, Hashable {
        public var name: String
        /// What its rows are, for the tables sitrep knows; nil for any other.
        public var kind: String?
        public var rows: Int
        /// The bytes of its pages and those of its indexes; nil where SQLite was built without `dbstat`.
        public var bytes: Int?
        /// The earliest and latest time its rows hold (`StoreInventory.timeColumns`); nil when it has no rows
        /// or no such column.
        public var oldest: Date?
        public var newest: Date?
    }

    /// The last run recorded: when, where, for how long and what it found.
    public struct LastRun: Sendable, Hashable {
        public var startedAt: Date
        public var durationMs: Double
        public var location: String
        public var up: Int
        public var degraded: Int
        public var down: Int
    }

    /// The database file as the caller named it.
    public var path: String
    public var fileBytes: Int
    /// The write-ahead log beside it (0 when there is none).
    public var walBytes: Int
    public var pageSize: Int
    public var pageCount: Int
    public var freePages: Int
    /// `none`, `full` or `incremental`.
    public var autoVacuum: String
    /// The applied migrations, oldest first.
    public var migrations: [String]
    /// The write transactions committed (see `StoreSchema`); nil for a database from before the count.
    public var revision: Int64?
    /// Every table, by name.
    public var tables: [Table]
    public var lastRun: LastRun?
    /// When `quick_check` last read the whole file, if the file is still as the writer after that check left it
    /// (the next probe then checks only the schema, `StoreCheckStamp`); nil when the next writer reads it in full.
    public var fullCheckAt: Date?

    public var totalBytes: Int { fileBytes + walBytes }
    /// The earliest and latest time any table holds.
    public var oldest: Date? { tables.compactMap(\.oldest).min() }
    public var newest: Date? { tables.compactMap(\.newest).max() }

    /// What each table sitrep knows holds; other tables (another engineer's, a newer schema's) are listed without.
    static let kinds: [String: String] = [
        "run": "probe runs",
        "result": "raw results",
        "latest_result": "latest result per check",
        "check_rollup_hourly": "hourly rollups per check",
        "check_rollup_daily": "daily rollups per check",
        "component_rollup_hourly": "hourly rollups per component",
        "component_rollup_daily": "daily rollups per component",
        "result_detail": "failed conditions and flow steps",
        "component_status_run": "status runs per component",
        "status_run_origin": "start of exact history",
        "component_key": "component ids",
        "check_key": "check ids",
        "store_revision": "write count",
        "grdb_migrations": "applied migrations",
        "notification_event": "notification events",
        "notification_delivery": "notification deliveries",
        "notification_component_state": "announced component status",
        "notification_announced": "announced incident and maintenance changes",
        "location_export": "last run exported as a segment",
        "location": "probe locations imported",
        "location_segment": "segments imported",
        "location_pending": "location results not yet agreed on",
        "location_latest": "latest result per location and check",
        "location_agreement": "end of the agreed history",
    ]

    /// Columns that hold an instant in milliseconds: the first a table has gives its oldest and newest row.
    static let timeColumns = ["at_ms", "started_at_ms", "bucket_start_ms", "start_ms", "occurred_at_ms",
                              "next_attempt_at_ms", "announced_at_ms"]
}

extension ResultStore {
    /// What the database at `url` holds; nil when it holds nothing yet (no file, an empty file, or no probe has
    /// written to it). Reads only, and works on a file or folder that cannot be written. A damaged, foreign or
    /// newer database throws `StoreError` as `openForReading(at:)` does.
    public static func inventory(at url: URL) throws -> StoreInventory? {
        guard let store = try openForReading(at: url) else { return nil }
        defer { try? store.close() }
        return try store.inventory()
    }

    /// What this database holds (see `StoreInventory`).
    public func inventory() throws -> StoreInventory {
        let fileBytes = Self.size(of: url.path)
        let walBytes = Self.size(of: url.path + "-wal")
        let fullCheckAt = StoreCheckStamp.lastFullCheck(of: url, now: Date())
        do {
            return try pool.read { db in
                try StoreIntegrity.quickCheck(db)
                func pragma(_ name: String) throws -> Int { try Int.fetchOne(db, sql: "PRAGMA \(name)") ?? 0 }
                let autoVacuum = ["none", "full", "incremental"]
                let mode = try pragma("auto_vacuum")
                return StoreInventory(
                    path: displayPath, fileBytes: fileBytes, walBytes: walBytes, pageSize: try pragma("page_size"),
                    pageCount: try pragma("page_count"), freePages: try pragma("freelist_count"),
                    autoVacuum: autoVacuum.indices.contains(mode) ? autoVacuum[mode] : "\(mode)",
                    migrations: try StoreSchema.migrator.appliedMigrations(db), revision: try StoreSchema.revision(db),
                    tables: try Self.tables(db), lastRun: try Self.lastRun(db), fullCheckAt: fullCheckAt)
            }
        } catch {
            throw StoreError(error, path: displayPath, reading: true)
        }
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private static func tables(_ db: Database) throws -> [StoreInventory.Table] {
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        let bytes = try bytesByTable(db)
        return try names.map { name in
            let quoted = name.quotedDatabaseIdentifier
            let columns = try db.columns(in: name).map(\.name)
            let timeColumn = StoreInventory.timeColumns.first { columns.contains($0) }
            // Named after the column, so that a value no sitrep writes is reported as `table.column`.
            let sql = timeColumn.map { "SELECT count(*) AS rows, min(\($0)) AS \($0), max(\($0)) AS \($0) FROM \(quoted)" }
                ?? "SELECT count(*) AS rows, NULL, NULL FROM \(quoted)"
            guard let row = try Row.fetchOne(db, sql: sql) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "\(name) cannot be counted")
            }
            let stored = StoredRow(row, of: name)
            let rows = try stored.count(0)
            return StoreInventory.Table(
                name: name, kind: StoreInventory.kinds[name], rows: rows, bytes: bytes?[name],
                oldest: try stored.optionalInteger(1) == nil ? nil : try stored.instant(1),
                newest: try stored.optionalInteger(2) == nil ? nil : try stored.instant(2))
        }
    }

    /// The bytes of every table's pages and its indexes', from SQLite's `dbstat` table; nil when this SQLite
    /// was built without it.
    private static func bytesByTable(_ db: Database) throws -> [String: Int]? {
        let options = try String.fetchAll(db, sql: "PRAGMA compile_options")
        guard options.contains("ENABLE_DBSTAT_VTAB") else { return nil }
        let rows = try Row.fetchAll(db, sql: """
            SELECT coalesce(m.tbl_name, s.name), sum(s.pgsize) FROM dbstat AS s
            LEFT JOIN sqlite_master AS m ON m.name = s.name GROUP BY 1
            """)
        var bytes: [String: Int] = [:]
        for row in rows {
            let stored = StoredRow(row, of: "dbstat")
            bytes[try stored.text(0), default: 0] += Int(try stored.integer(1))
        }
        return bytes
    }

    private static func lastRun(_ db: Database) throws -> StoreInventory.LastRun? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT started_at_ms, duration_ms, location, up_count, degraded_count, down_count FROM run
            ORDER BY started_at_ms DESC, id DESC LIMIT 1
            """)
        else { return nil }
        let stored = StoredRow(row, of: "run")
        return StoreInventory.LastRun(
            startedAt: try stored.instant(0), durationMs: try stored.milliseconds(1), location: try stored.text(2),
            up: try stored.count(3), degraded: try stored.count(4), down: try stored.count(5))
    }
}

import GRDB

/// The tables of probing from several places (v8).
///
/// On a probe location: `location_export` (the last run id `sitrep export` wrote into a segment).
/// On the builder: `location` (every location a segment came from: key, name, start of its newest run),
/// `location_segment` (the run-id range of every imported segment: importing one twice changes nothing),
/// `location_pending` (results of runs not yet agreed on, and each location's newest result of a check that can
/// still vote), `location_latest` (each location's newest result per check, for the per-location view) and
/// `location_agreement` (the instant up to which the agreed history is written).
enum LocationsMigration {
    static let identifier = "v8: locations"
    /// v9: each imported segment's newest run start (`newest_run_ms`), so that the segment records can be pruned:
    /// once a segment's runs are older than the agreed history and than `retention.raw_days`, importing it again
    /// changes nothing whether or not it is remembered (every run is late, and each location's latest result
    /// keeps the newer one). Rows from before v9 take their location's newest run start.
    static let segmentTimesIdentifier = "v9: location segment times"

    static func addSegmentTimes(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE location_segment ADD COLUMN newest_run_ms INTEGER;
            UPDATE location_segment SET newest_run_ms =
                (SELECT newest_run_ms FROM location WHERE location.key = location_segment.location_key);
            """)
    }

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE location_export (id INTEGER PRIMARY KEY CHECK (id = 1), last_run_id INTEGER NOT NULL);
            CREATE TABLE location (key INTEGER PRIMARY KEY, name TEXT NOT NULL, newest_run_ms INTEGER NOT NULL);
            CREATE TABLE location_segment (
                location_key INTEGER NOT NULL,
                first_run_id INTEGER NOT NULL,
                last_run_id INTEGER NOT NULL,
                PRIMARY KEY (location_key, first_run_id)
            ) WITHOUT ROWID;
            CREATE TABLE location_pending (
                location_key INTEGER NOT NULL,
                run_id INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                run_started_ms INTEGER NOT NULL,
                run_duration_ms REAL NOT NULL,
                \(ResultRow.columns.map { "\($0) \(columnType($0))" }.joined(separator: ",\n    ")),
                PRIMARY KEY (location_key, run_id, ordinal)
            ) WITHOUT ROWID;
            CREATE TABLE location_latest (
                location_key INTEGER NOT NULL,
                check_key INTEGER NOT NULL,
                at_ms INTEGER NOT NULL,
                status INTEGER NOT NULL,
                latency_us INTEGER,
                PRIMARY KEY (location_key, check_key)
            ) WITHOUT ROWID;
            CREATE TABLE location_agreement (id INTEGER PRIMARY KEY CHECK (id = 1), settled_ms INTEGER NOT NULL);
            """)
    }

    private static func columnType(_ column: String) -> String {
        switch column {
        case "at_ms", "check_key", "type", "status", "attempts": "INTEGER NOT NULL"
        case "error_message": "TEXT"
        default: "INTEGER"
        }
    }
}

import Foundation
import GRDB

/// Migration "v5: compact store": every table that names a component or check does so by a small integer key
/// (`component_key`, `check_key`), statuses, check types and error kinds are small integers (`StoreCodes`),
/// latencies and their sums whole microseconds, and raw results have no time index (retention and reads find
/// them through their run). The same facts in about a third of the bytes; see docs/ARCHITECTURE.md.
///
/// Upgrades in place, keeping every row: the v4 tables are copied into their v5 form, dropped, and the copies
/// take their names.
enum CompactStoreMigration {
    static let identifier = "v5: compact store"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE component_key (key INTEGER PRIMARY KEY, component_id TEXT NOT NULL UNIQUE);
            CREATE TABLE check_key (
                key INTEGER PRIMARY KEY,
                component_key INTEGER NOT NULL,
                check_id TEXT NOT NULL,
                UNIQUE (component_key, check_id)
            );
            INSERT INTO component_key (component_id)
                SELECT component_id FROM result UNION SELECT component_id FROM latest_result
                UNION SELECT component_id FROM check_rollup_hourly UNION SELECT component_id FROM check_rollup_daily
                UNION SELECT component_id FROM component_rollup_hourly UNION SELECT component_id FROM component_rollup_daily
                UNION SELECT component_id FROM component_status_run
                ORDER BY 1;
            INSERT INTO check_key (component_key, check_id)
                SELECT component_key.key, ids.check_id FROM (
                    SELECT component_id, check_id FROM result UNION SELECT component_id, check_id FROM latest_result
                    UNION SELECT component_id, check_id FROM check_rollup_hourly
                    UNION SELECT component_id, check_id FROM check_rollup_daily
                ) AS ids JOIN component_key USING (component_id)
                ORDER BY ids.component_id, ids.check_id;
            """)
        try db.execute(sql: resultTable("result_v5", key: "run_id, ordinal"))
        try db.execute(sql: resultTable("latest_result_v5", key: "check_key"))
        for table in ["result", "latest_result"] {
            try db.execute(sql: """
                INSERT INTO \(table)_v5 (run_id, ordinal, \(ResultRow.columnList))
                SELECT run_id, ordinal, at_ms, check_key.key, \(codes("type", CheckType.allCases, StoreCodes.code)),
                    \(codes("status", CheckStatus.allCases, StoreCodes.code)),
                    \(["latency_ms", "dns_ms", "connect_ms", "tls_ms", "ttfb_ms", "total_ms"].map(StoreCodes.microsecondsSQL).joined(separator: ", ")),
                    http_status,
                    CASE WHEN error_kind IS NULL THEN NULL ELSE \(codes("error_kind", StoreCodes.errorKinds, StoreCodes.code, otherwise: StoreCodes.code(.other))) END,
                    error_message, attempts
                FROM \(table) JOIN component_key USING (component_id)
                JOIN check_key ON check_key.component_key = component_key.key AND check_key.check_id = \(table).check_id
                """)
        }
        let componentCountColumns = RollupWriter.componentCountColumns.joined(separator: ", ")
        for granularity in RollupGranularity.allCases {
            try db.execute(sql: checkRollupTable(granularity.checkTable + "_v5"))
            let sums = ["latency_sum_ms", "latency_min_ms", "latency_max_ms", "dns_sum_ms", "connect_sum_ms", "tls_sum_ms",
                        "ttfb_sum_ms", "total_sum_ms"].map(StoreCodes.microsecondsSQL).joined(separator: ", ")
            try db.execute(sql: """
                INSERT INTO \(granularity.checkTable)_v5 (bucket_start_ms, check_key, up_count, degraded_count, down_count,
                    latency_count, latency_sum_us, latency_min_us, latency_max_us, dns_sum_us, connect_sum_us, tls_sum_us,
                    ttfb_sum_us, total_sum_us, latency_histogram, timing_count)
                SELECT bucket_start_ms, check_key.key, up_count, degraded_count, down_count, latency_count, \(sums),
                    latency_histogram, timing_count
                FROM \(granularity.checkTable) AS old JOIN component_key USING (component_id)
                JOIN check_key ON check_key.component_key = component_key.key AND check_key.check_id = old.check_id;
                """)
            try db.execute(sql: componentRollupTable(granularity.componentTable + "_v5"))
            try db.execute(sql: """
                INSERT INTO \(granularity.componentTable)_v5 (bucket_start_ms, component_key, \(componentCountColumns))
                SELECT bucket_start_ms, component_key.key, \(componentCountColumns)
                FROM \(granularity.componentTable) JOIN component_key USING (component_id)
                """)
        }
        try db.execute(sql: """
            CREATE TABLE component_status_run_v5 (
                component_key INTEGER NOT NULL,
                first_run_id INTEGER NOT NULL,
                status INTEGER NOT NULL,
                last_run_id INTEGER NOT NULL,
                PRIMARY KEY (component_key, first_run_id)
            ) WITHOUT ROWID;
            INSERT INTO component_status_run_v5 (component_key, first_run_id, status, last_run_id)
            SELECT component_key.key, first_run_id, \(codes("status", ComponentStatus.allCases, StoreCodes.code)), last_run_id
            FROM component_status_run JOIN component_key USING (component_id);
            DROP INDEX result_by_time;
            DROP INDEX component_status_run_by_last;
            """)
        let tables = ["result", "latest_result", "component_status_run"]
            + RollupGranularity.allCases.flatMap { [$0.checkTable, $0.componentTable] }
        for table in tables {
            try db.execute(sql: "DROP TABLE \(table); ALTER TABLE \(table)_v5 RENAME TO \(table)")
        }
    }

    /// `CASE column WHEN 'text' THEN code … END` for every case; NULL (refused by NOT NULL) or `otherwise` for
    /// text this sitrep never wrote.
    private static func codes<Case: RawRepresentable<String>>(
        _ column: String, _ cases: [Case], _ code: (Case) -> Int, otherwise: Int? = nil
    ) -> String {
        let whens = cases.map { "WHEN '\($0.rawValue)' THEN \(code($0))" }.joined(separator: " ")
        return "CASE \(column) \(whens)\(otherwise.map { " ELSE \($0)" } ?? "") END"
    }

    private static func resultTable(_ name: String, key: String) -> String {
        """
        CREATE TABLE \(name) (
            run_id INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            at_ms INTEGER NOT NULL,
            check_key INTEGER NOT NULL,
            type INTEGER NOT NULL,
            status INTEGER NOT NULL,
            latency_us INTEGER,
            dns_us INTEGER,
            connect_us INTEGER,
            tls_us INTEGER,
            ttfb_us INTEGER,
            total_us INTEGER,
            http_status INTEGER,
            error_kind INTEGER,
            error_message TEXT,
            attempts INTEGER NOT NULL,
            PRIMARY KEY (\(key))
        ) WITHOUT ROWID
        """
    }

    private static func checkRollupTable(_ name: String) -> String {
        """
        CREATE TABLE \(name) (
            bucket_start_ms INTEGER NOT NULL,
            check_key INTEGER NOT NULL,
            up_count INTEGER NOT NULL,
            degraded_count INTEGER NOT NULL,
            down_count INTEGER NOT NULL,
            latency_count INTEGER NOT NULL,
            latency_sum_us INTEGER NOT NULL,
            latency_min_us INTEGER,
            latency_max_us INTEGER,
            latency_histogram BLOB NOT NULL,
            timing_count INTEGER NOT NULL,
            dns_sum_us INTEGER NOT NULL,
            connect_sum_us INTEGER NOT NULL,
            tls_sum_us INTEGER NOT NULL,
            ttfb_sum_us INTEGER NOT NULL,
            total_sum_us INTEGER NOT NULL,
            PRIMARY KEY (bucket_start_ms, check_key)
        ) WITHOUT ROWID
        """
    }

    private static func componentRollupTable(_ name: String) -> String {
        """
        CREATE TABLE \(name) (
            bucket_start_ms INTEGER NOT NULL,
            component_key INTEGER NOT NULL,
            operational_count INTEGER NOT NULL,
            degraded_performance_count INTEGER NOT NULL,
            partial_outage_count INTEGER NOT NULL,
            major_outage_count INTEGER NOT NULL,
            PRIMARY KEY (bucket_start_ms, component_key)
        ) WITHOUT ROWID
        """
    }
}

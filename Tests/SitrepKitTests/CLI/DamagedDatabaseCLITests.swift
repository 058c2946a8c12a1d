import Foundation
import GRDB
import Testing

/// `sitrep probe`, `sitrep build` and `sitrep db` on a database damaged after a probe wrote it: one sentence, exit 1, and the
/// file exactly as it was (bytes, time of last change, no journal left beside it).
@Suite("damaged databases on the command line", .serialized)
struct DamagedDatabaseCLITests {
    /// Ways a real database gets damaged: bad sectors, a copy cut short, another tool writing to it.
    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case overwrittenTreePage, truncated, nullCount, textCount, fractionalTime, droppedTable, droppedMigrations

        var testDescription: String { rawValue }

        /// Words the sentence must hold (beyond the file name and "is damaged").
        var reason: String? {
            switch self {
            case .overwrittenTreePage, .truncated: nil
            case .nullCount: "operational_count"
            case .textCount: "component_rollup_daily.operational_count"
            case .fractionalTime: "latest_result.at_ms"
            case .droppedTable: "table check_rollup_daily is missing"
            case .droppedMigrations: "table grdb_migrations is missing"
            }
        }

        /// The commands that refuse it. A probe checks the file's structure (`quick_check`: pages, b-trees, records,
        /// NOT NULL) and schema before it writes, but not the type of every value, which would take seconds on a
        /// large database: a number where another belongs is refused by every reader instead.
        /// `db` checks the structure (`quick_check`) and the schema, and reads each table's count and times.
        var refusedBy: [String] {
            switch self {
            case .textCount: ["build"]
            case .fractionalTime: ["build", "db"]
            default: ["probe", "build", "db"]
            }
        }

        func apply(to url: URL) throws {
            switch self {
            case .overwrittenTreePage:
                // The type byte of component_rollup_daily's root page names no kind of b-tree page. SQLite refuses
                // such a page whenever it loads it; damaged cell pointers instead are masked to the page size and
                // read as whatever bytes they land on, which is detected or not depending on the rows stored.
                let (page, pageSize) = try DatabaseQueue(path: url.path).read { db in
                    (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'component_rollup_daily'"),
                     try Int.fetchOne(db, sql: "PRAGMA page_size"))
                }
                let handle = try FileHandle(forWritingTo: url)
                try handle.seek(toOffset: UInt64((try #require(page) - 1) * (try #require(pageSize))))
                try handle.write(contentsOf: Data([0x01]))
                try handle.close()
            case .truncated:
                let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: UInt64(size / 2))
                try handle.close()
            case .nullCount:
                // Only by editing the schema can another tool store a NULL there; the schema is put back after.
                try edit(url) { db in
                    try rewriteSchema(db, table: "component_rollup_daily", "operational_count INTEGER NOT NULL", "operational_count INTEGER")
                }
                try edit(url) { db in try db.execute(sql: "UPDATE component_rollup_daily SET operational_count = NULL") }
                try edit(url) { db in
                    try rewriteSchema(db, table: "component_rollup_daily", "operational_count INTEGER,", "operational_count INTEGER NOT NULL,")
                }
            case .textCount:
                try edit(url) { db in try db.execute(sql: "UPDATE component_rollup_daily SET operational_count = 'lots'") }
            case .fractionalTime:
                try edit(url) { db in try db.execute(sql: "UPDATE latest_result SET at_ms = -1e300") }
            case .droppedTable:
                try edit(url) { db in try db.execute(sql: "DROP TABLE check_rollup_daily") }
            case .droppedMigrations:
                try edit(url) { db in try db.execute(sql: "DROP TABLE grdb_migrations") }
            }
        }

        private func edit(_ url: URL, _ change: (Database) throws -> Void) throws {
            let queue = try DatabaseQueue(path: url.path)
            try queue.writeWithoutTransaction { db in try change(db) }
            try queue.close()
        }

        private func rewriteSchema(_ db: Database, table: String, _ old: String, _ new: String) throws {
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?", arguments: [old, new, table])
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
    }

    /// What a command may not change: the database's bytes and time of last change, and its write-ahead log
    /// (SQLite's readers may leave an empty one, and its index `-shm`, beside the file: they hold nothing).
    struct Untouched: Equatable {
        var bytes: Data
        var modified: Date?
        var logSize: Int

        init(_ url: URL) throws {
            bytes = try Data(contentsOf: url)
            modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
            logSize = (try? FileManager.default.attributesOfItem(atPath: url.path + "-wal"))?[.size] as? Int ?? 0
        }
    }

    @Test(arguments: Damage.allCases)
    func probeAndBuildRefuseADamagedDatabaseAndLeaveItUntouched(_ damage: Damage) throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        let probed = try site.run("probe")
        #expect(probed.status == 0, "\(probed.stderr)")
        let database = site.root.appendingPathComponent("data/sitrep.sqlite")
        try damage.apply(to: database)
        let before = try Untouched(database)
        for command in damage.refusedBy {
            let outcome = try site.run(command)
            #expect(outcome.status == 1, "\(command): \(outcome.stderr)")
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(command): \(outcome.stderr)")
            let sentence = String(lines.first ?? "")
            #expect(sentence.hasPrefix("sitrep: \(database.path) is damaged ("), "\(command): \(sentence)")
            #expect(sentence.hasSuffix("it was left untouched, restore it from a backup or move it away."), "\(command): \(sentence)")
            #expect(damage.reason.map(sentence.contains) ?? true, "\(command): \(sentence)")
            #expect(try Untouched(database) == before, "\(command) changed the database or the files beside it")
        }
        #expect(!site.exists("site"))
    }
}

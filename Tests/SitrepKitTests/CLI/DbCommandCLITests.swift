import Foundation
import Testing

/// `sitrep db`: what the database holds, as a table and as JSON, read without writing a byte.
@Suite("sitrep db", .serialized)
struct DbCommandCLITests {
    /// A site probed three times: each run finds api refused (down) and db's name unresolvable (down).
    static func probedSite() throws -> FixtureSite {
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        for _ in 0..<3 {
            let probed = try site.run("probe")
            #expect(probed.status == 0, "\(probed.stderr)")
        }
        return site
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func printsSizeRowsTimesAndTheLastRunAndChangesNothing() throws {
        let site = try Self.probedSite()
        defer { site.remove() }
        let database = site.root.appendingPathComponent("data/sitrep.sqlite")
        let before = try DamagedDatabaseCLITests.Untouched(database)
        let listing = try FileManager.default.contentsOfDirectory(atPath: database.deletingLastPathComponent().path).sorted()

        let shown = try site.run("db")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stderr.isEmpty, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(database.path): ") == true, "\(shown.stdout)")
        #expect(lines.contains { $0.hasPrefix("Pages: ") && $0.contains("auto_vacuum incremental") }, "\(shown.stdout)")
        #expect(lines.contains { $0.hasPrefix("Last run: ") && $0.hasSuffix("from default, ") == false && $0.contains("0 up, 0 degraded, 2 down") },
                "\(shown.stdout)")
        func row(_ table: String) -> [String]? {
            lines.first { $0.hasPrefix(table + " ") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        }
        // name, description words, rows, bytes (number and unit), oldest, newest.
        #expect(row("run")?.contains("3") == true, "\(shown.stdout)")
        #expect(row("result")?.contains("6") == true, "\(shown.stdout)")
        #expect(row("latest_result")?.contains("2") == true, "\(shown.stdout)")
        #expect(row("component_rollup_daily")?.contains("2") == true, "\(shown.stdout)")
        #expect(row("grdb_migrations") != nil && row("store_revision") != nil, "\(shown.stdout)")

        let json = try site.run("db", "--json")
        #expect(json.status == 0, "\(json.stderr)")
        let document = try Self.object(json.stdout)
        #expect(document["path"] as? String == database.path)
        let fileBytes = try #require(document["file_bytes"] as? Int)
        #expect(fileBytes == before.bytes.count)
        #expect(document["total_bytes"] as? Int == fileBytes + (document["wal_bytes"] as? Int ?? -1))
        #expect(document["auto_vacuum"] as? String == "incremental")
        #expect((document["page_count"] as? Int ?? 0) * (document["page_size"] as? Int ?? 0) == fileBytes)
        #expect((document["migrations"] as? [String])?.suffix(3) == ["v5: compact store", "v8: locations", "v9: location segment times"])
        let lastRun = try #require(document["last_run"] as? [String: Any])
        #expect(lastRun["location"] as? String == "default")
        #expect(lastRun["up"] as? Int == 0 && lastRun["down"] as? Int == 2)
        #expect(lastRun["started_at"] as? String == document["newest"] as? String || (document["newest"] as? String ?? "") > (lastRun["started_at"] as? String ?? ""))
        let tables = try #require(document["tables"] as? [[String: Any]])
        let rows = Dictionary(uniqueKeysWithValues: tables.compactMap { table in
            (table["name"] as? String).map { ($0, table["rows"] as? Int ?? -1) }
        })
        #expect(rows["run"] == 3 && rows["result"] == 6 && rows["latest_result"] == 2)
        #expect(rows["check_rollup_hourly"] ?? 0 >= 2 && rows["component_rollup_hourly"] ?? 0 >= 2)
        let result = try #require(tables.first { $0["name"] as? String == "result" })
        #expect(result["kind"] as? String == "raw results")
        #expect((result["oldest"] as? String).map { $0 >= "2020" } == true && result["newest"] as? String == document["newest"] as? String)

        // Nothing was written: not the file, not its log (as any SQLite reader, it may leave an empty one and
        // the log's index beside the file), no other file.
        #expect(try DamagedDatabaseCLITests.Untouched(database) == before)
        let after = try FileManager.default.contentsOfDirectory(atPath: database.deletingLastPathComponent().path)
        #expect(Set(after).subtracting(["sitrep.sqlite-wal", "sitrep.sqlite-shm"]) == Set(listing), "\(after)")
    }

    /// The last probe noted the file; `db` says the next one will not read it all, until the file changes.
    @Test func saysWhetherTheNextProbeReadsTheWholeFile() throws {
        let site = try Self.probedSite()
        defer { site.remove() }
        let database = site.root.appendingPathComponent("data/sitrep.sqlite")
        let noted = try site.run("db")
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(noted.stdout.contains("the file unchanged since; the next probe checks its schema only"), "\(noted.stdout)")
        let document = try Self.object(try site.run("db", "--json").stdout)
        let checkedAt = try #require(document["full_check_at"] as? String)
        #expect(checkedAt >= "2020" && checkedAt <= (document["newest"] as? String ?? ""))

        // Another modification time: the next probe reads the whole file, and notes it again after.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: database.path)
        let changed = try site.run("db")
        #expect(changed.stdout.contains("Full check: the next probe reads the whole file (quick_check) before it writes"), "\(changed.stdout)")
        #expect(try Self.object(try site.run("db", "--json").stdout)["full_check_at"] is NSNull)
        #expect(try site.run("probe").status == 0)
        let again = try Self.object(try site.run("db", "--json").stdout)
        #expect((again["full_check_at"] as? String).map { $0 > checkedAt } == true)
    }

    @Test func readsADatabaseWhoseFileAndFolderCannotBeWritten() throws {
        let site = try Self.probedSite()
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("data", isDirectory: true)
        let database = folder.appendingPathComponent("sitrep.sqlite")
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let bytes = try Data(contentsOf: database)
        let unwritable = try Unwritable([database, folder])
        defer { unwritable.undo() }

        let shown = try site.run("db", "--json")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(try Self.object(shown.stdout)["file_bytes"] as? Int == bytes.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == listing)
        #expect(try Data(contentsOf: database) == bytes)
    }

    @Test func saysSoWhenThereIsNoDatabaseYetAndCreatesNone() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig, withTheme: false)
        defer { site.remove() }
        let shown = try site.run("db")
        #expect(shown.status == 1)
        #expect(shown.stdout.isEmpty)
        let database = site.root.appendingPathComponent("data/sitrep.sqlite").path
        #expect(shown.stderr == "sitrep: \(database) holds no sitrep data yet; run `sitrep probe` to record the first results.\n")
        #expect(!site.exists("data"))
    }
}

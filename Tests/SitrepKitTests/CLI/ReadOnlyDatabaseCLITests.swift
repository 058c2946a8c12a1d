import Foundation
import Testing

/// `sitrep build` only reads the database: it builds from a database whose file and folder cannot be written
/// (a read-only file system, a build user without write permission) and leaves nothing beside it.
@Suite("builds from a read-only database", .serialized)
struct ReadOnlyDatabaseCLITests {
    /// With and without the lock file a probe leaves beside the database.
    @Test(arguments: [true, false])
    func aBuildReadsADatabaseWhoseFileAndFolderCannotBeWritten(keepingTheLockFile: Bool) throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        #expect(try site.run("probe").status == 0)
        let folder = site.root.appendingPathComponent("data", isDirectory: true)
        let database = folder.appendingPathComponent("sitrep.sqlite")
        if !keepingTheLockFile { try FileManager.default.removeItem(at: folder.appendingPathComponent("sitrep.sqlite.lock")) }
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!listing.contains("sitrep.sqlite-wal"), "the probe left its log: \(listing)")
        let bytes = try Data(contentsOf: database)
        let unwritable = try Unwritable([database, folder])
        defer { unwritable.undo() }

        // The clock is not pinned: a build never shows results recorded after its `now`.
        let built = try site.run("build")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.isEmpty, "\(built.stderr)")
        // The probe found api down: the site shows what the database holds, not "no data".
        #expect(built.stdout.hasPrefix("Built") && built.stdout.contains("overall: Major System Outage"), "\(built.stdout)")
        #expect(site.exists("site/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == listing)
        #expect(try Data(contentsOf: database) == bytes)

        // A probe still refuses the folder with one sentence, and writes nothing.
        let probed = try site.run("probe")
        #expect(probed.status == 1)
        #expect(probed.stderr.split(separator: "\n").count == 1, "\(probed.stderr)")
        #expect(try Data(contentsOf: database) == bytes)
    }
}

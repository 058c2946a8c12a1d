import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// Readers of a database whose folder cannot be written: SQLite cannot create the `-shm` index a WAL reader
/// shares, so the file is read as immutable when there is no log to read, and a log without its index is refused.
@Suite(.serialized) struct StoreReadOnlyFolderTests {
    @Test func aReaderReadsWithoutCreatingAnythingBesideTheFile() throws {
        let folder = try TemporaryFolder()
        let data = folder.file("data")
        let url = data.appendingPathComponent("sitrep.sqlite")
        try StoreFixtures.writeOneRun(to: url)
        let listing = try FileManager.default.contentsOfDirectory(atPath: data.path)
        let unwritable = try Unwritable([url, data])
        defer { unwritable.undo() }
        let store = try #require(try ResultStore.openForReading(at: url))
        #expect(try store.snapshot(now: StoreFixtures.day0, days: 1).latestResults.count == 1)
        #expect(try store.revision() != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path) == listing)
    }

    /// A probe killed before its last checkpoint leaves its writes in `-wal`; copied to a read-only folder
    /// with its `-shm`, SQLite reads them; without it they cannot be read, which one sentence says.
    @Test func aLogInAReadOnlyFolderIsReadWithItsIndexAndRefusedWithout() throws {
        let folder = try TemporaryFolder()
        let source = folder.file("sitrep.sqlite")
        let writer = try ResultStore.open(at: source)
        try writer.append(ProbeRun(startedAt: StoreFixtures.day0, durationMs: 1),
                          results: [StoreFixtures.result("api", "health", at: StoreFixtures.day0)])
        for withIndex in [true, false] {
            let copy = folder.file(withIndex ? "with-index" : "without-index")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            let url = copy.appendingPathComponent("sitrep.sqlite")
            let suffixes = withIndex ? ["", "-wal", "-shm"] : ["", "-wal"]
            for suffix in suffixes {
                try FileManager.default.copyItem(atPath: source.path + suffix, toPath: url.path + suffix)
            }
            #expect(try (FileManager.default.attributesOfItem(atPath: url.path + "-wal")[.size] as? Int ?? 0) > 0)
            let unwritable = try Unwritable(suffixes.map { URL(fileURLWithPath: url.path + $0) } + [copy])
            defer { unwritable.undo() }
            if withIndex {
                let store = try #require(try ResultStore.openForReading(at: url))
                #expect(try store.snapshot(now: StoreFixtures.day0, days: 1).latestResults.count == 1)
            } else {
                let error = #expect(throws: StoreError.self) { try ResultStore.openForReading(at: url) }
                #expect(error?.kind == .unreadable)
                #expect(error?.description == "\(url.path) cannot be read (its folder is read-only and its write-ahead log "
                    + "\(url.path)-wal holds writes SQLite cannot read without the -shm file it cannot create there); "
                    + "check its permissions.")
            }
        }
        withExtendedLifetime(writer) {}
    }
}

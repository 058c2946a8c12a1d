import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// A writer reads the whole file with `quick_check` only when the file is not as the last writer left it.
@Suite("Store check stamp")
struct StoreCheckStampTests {
    /// A store written and closed by sitrep, as `probe` leaves it.
    private func closedStore(in folder: TemporaryFolder) throws -> (url: URL, checkedAt: Date) {
        let url = folder.file("sitrep.sqlite")
        let store = try ResultStore.open(at: url)
        try store.append(ProbeRun(startedAt: StoreFixtures.day0, durationMs: 1),
                         results: [StoreFixtures.result("api", "health", at: StoreFixtures.day0)])
        let checkedAt = try #require(store.fullCheckAt)
        try store.close()
        return (url, checkedAt)
    }

    @Test func aFileAsTheLastWriterLeftItIsNotReadInFullAgain() throws {
        let folder = try TemporaryFolder()
        let (url, checkedAt) = try closedStore(in: folder)
        #expect(FileManager.default.fileExists(atPath: StoreCheckStamp.url(for: url).path))
        let noted = try #require(StoreCheckStamp.lastFullCheck(of: url, now: Date()))
        #expect(abs(noted.timeIntervalSince(checkedAt)) < 0.001)
        // The next writer takes over the time of that check instead of checking again, and notes it again.
        let next = try ResultStore.open(at: url)
        #expect(next.fullCheckAt.map { abs($0.timeIntervalSince(checkedAt)) < 0.001 } == true)
        try next.append(ProbeRun(startedAt: StoreFixtures.day0.addingTimeInterval(60), durationMs: 1),
                        results: [StoreFixtures.result("api", "health", at: StoreFixtures.day0.addingTimeInterval(60))])
        try next.close()
        #expect(StoreCheckStamp.lastFullCheck(of: url, now: Date()).map { abs($0.timeIntervalSince(checkedAt)) < 0.001 } == true)
        // A day later the whole file is read again.
        #expect(StoreCheckStamp.lastFullCheck(of: url, now: checkedAt.addingTimeInterval(24 * 3600 + 1)) == nil)
    }

    @Test func aPageDamagedRightAfterTheLastWriteIsStillFound() throws {
        let folder = try TemporaryFolder()
        let (url, _) = try closedStore(in: folder)
        // The type byte of a table's root page, changed at once: same size, and the schema still reads.
        let (page, pageSize) = try DatabaseQueue(path: url.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'component_rollup_daily'"),
             try Int.fetchOne(db, sql: "PRAGMA page_size"))
        }
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int
        let handle = try FileHandle(forWritingTo: url)
        try handle.seek(toOffset: UInt64((try #require(page) - 1) * (try #require(pageSize))))
        try handle.write(contentsOf: Data([0x01]))
        try handle.close()
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int == size)
        // The note waited out the clock's tick, so the write gave the file another modification time.
        #expect(StoreCheckStamp.lastFullCheck(of: url, now: Date()) == nil)
        let error = #expect(throws: StoreError.self) { try ResultStore.open(at: url) }
        #expect(error?.kind == .corrupt)
    }

    @Test func aLogWithPagesOrAnUnreadableNoteMeansAFullCheck() throws {
        let folder = try TemporaryFolder()
        let (url, _) = try closedStore(in: folder)
        #expect(StoreCheckStamp.lastFullCheck(of: url, now: Date()) != nil)
        let log = URL(fileURLWithPath: url.path + "-wal")
        try Data([0]).write(to: log)
        #expect(StoreCheckStamp.lastFullCheck(of: url, now: Date()) == nil)
        try FileManager.default.removeItem(at: log)
        #expect(StoreCheckStamp.lastFullCheck(of: url, now: Date()) != nil)
        let note = StoreCheckStamp.url(for: url)
        let text = try String(contentsOf: note, encoding: .utf8)
        for garbled in ["", "sitrep-store-check-1\n", text.replacingOccurrences(of: "sitrep-store-check-1", with: "other"),
                        String(repeating: "x", count: 300)] {
            try Data(garbled.utf8).write(to: note)
            #expect(StoreCheckStamp.lastFullCheck(of: url, now: Date()) == nil)
        }
        // A reader never notes anything.
        try FileManager.default.removeItem(at: note)
        let reader = try ResultStore.open(at: url, readOnly: true)
        try reader.close()
        #expect(!FileManager.default.fileExists(atPath: note.path))
    }
}

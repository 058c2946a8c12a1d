import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// A pruned database gives its free pages back to the file system, without stopping a reader.
@Suite("Store vacuum")
struct StoreVacuumTests {
    static func size(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    }

    static func pragma(_ name: String, _ store: ResultStore) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA \(name)") ?? -1 }
    }

    /// A database in `folder` holding 60 days of one run an hour of 20 checks, ending at `StoreFixtures.day0`,
    /// checkpointed.
    static func filledStore(in folder: TemporaryFolder) throws -> (store: ResultStore, url: URL) {
        let url = folder.file("sitrep.sqlite")
        let store = try ResultStore.open(at: url)
        let checks = Dictionary(uniqueKeysWithValues: (0..<4).map { ("component-\($0)", (0..<5).map { "check-\($0)" }) })
        let runs = 60 * 24
        let history = StoreFixtures.history(runs: runs, from: StoreFixtures.day0.addingTimeInterval(-Double(runs) * 3_600),
                                            step: 3_600, components: checks, seed: 7)
        for (run, results) in history { try store.append(run, results: results) }
        try store.checkpoint()
        return (store, url)
    }

    @Test func aDatabaseMadeBeforeIncrementalVacuumIsSwitchedOnceAndKeepsItsData() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sitrep.sqlite")
        // A database as sitrep wrote it before: its migrations up to the revision, no auto_vacuum, four runs.
        try FileManager.default.copyItem(at: StatusRunUpgradeTests.fixture, to: url)
        do {
            let pool = try DatabasePool(path: url.path)
            #expect(try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") } == 0)
            try pool.close()
        }

        // The next probe switches it, and keeps what it held.
        let store = try ResultStore.open(at: url)
        #expect(try Self.pragma("auto_vacuum", store) == 2)
        #expect(try StoreFixtures.rawResults(store).count == 8)
        #expect(try store.pool.read { db in try StoreSchema.migrator.hasCompletedMigrations(db) })
        let fresh = try ResultStore.open(at: folder.file("fresh.sqlite"))
        #expect(try Self.pragma("auto_vacuum", fresh) == 2)
    }

    @Test func pruningShrinksTheFile() throws {
        let folder = try TemporaryFolder()
        let (store, url) = try Self.filledStore(in: folder)
        let now = StoreFixtures.day0
        let before = try Self.size(url)

        // 59 of the 60 days of raw results and half the hourly rollups go, and with them a good part of the file.
        try store.prune(now: now, keeping: RetentionSettings())
        try store.checkpoint()
        let after = try Self.size(url)
        #expect(try Self.pragma("freelist_count", store) == 0)
        #expect(after < before * 3 / 4, "\(before) -> \(after) bytes")
        #expect(try StoreFixtures.count("result", store) == 24 * 20)
    }

    /// Fewer pages a prune gives back than the compact store frees here (a few hundred), so that two prunes are needed.
    static let pagesPerPrune = 20

    @Test func aReaderKeepsReadingWhilePruneAndVacuumRun() throws {
        let folder = try TemporaryFolder()
        let (store, url) = try Self.filledStore(in: folder)
        let now = StoreFixtures.day0
        let reader = try #require(try ResultStore.openForReading(at: url))
        let whole = try reader.snapshot(now: now, days: 91, includingRecentResults: true)

        // The reader is inside a read transaction (a build's) when the probe prunes and moves pages: the writer
        // does not wait for it, and the reader still sees every row it started with.
        let seen = try reader.pool.read { db -> (before: Int, after: Int, pages: Int) in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM result") ?? 0
            try store.prune(now: now, keeping: RetentionSettings(rawDays: 1), vacuumPages: Self.pagesPerPrune)
            let after = try Int.fetchOne(db, sql: "SELECT count(*) FROM result") ?? 0
            return (before, after, try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? -1)
        }
        #expect(seen.before == 60 * 24 * 20 && seen.after == seen.before)
        #expect(seen.pages == 0)
        // The prune gave back at most `pagesPerPrune` pages; the next one gives back the rest.
        let free = try Self.pragma("freelist_count", store)
        #expect(free > Self.pagesPerPrune, "\(free) pages free")
        try store.prune(now: now, keeping: RetentionSettings(rawDays: 1))
        #expect(try Self.pragma("freelist_count", store) == 0)

        // A build afterwards reads the pruned database whole: the same rollups, a day of raw results.
        let pruned = try reader.snapshot(now: now, days: 91, includingRecentResults: true)
        #expect(pruned.componentDaily == whole.componentDaily && pruned.checkHourly == whole.checkHourly)
        #expect(pruned.recentResults == whole.recentResults)
        #expect(try StoreFixtures.count("result", store) == 24 * 20)
    }
}

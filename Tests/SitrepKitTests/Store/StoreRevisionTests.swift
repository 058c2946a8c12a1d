import Foundation
import GRDB
import Testing
@testable import SitrepKit

/// The write count a build compares to tell whether the database changed since the site was built.
@Suite("Store revision")
struct StoreRevisionTests {
    @Test func everyWriteThatChangesDataCountsAndReadsDoNot() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let fresh = try #require(try store.revision())
        let at = StoreFixtures.day0
        try store.append(ProbeRun(startedAt: at, durationMs: 1), results: [StoreFixtures.result("api", "health", at: at)])
        let afterAppend = try #require(try store.revision())
        #expect(afterAppend == fresh + 1)

        _ = try store.snapshot(now: at, days: 3)
        try store.checkpoint()
        #expect(try store.revision() == afterAppend)

        // Nothing old enough to prune: no change, no new revision; then the raw row ages out.
        try store.prune(now: at.addingTimeInterval(3600), keeping: RetentionSettings())
        #expect(try store.revision() == afterAppend)
        try store.prune(now: at.addingTimeInterval(40 * 86_400), keeping: RetentionSettings())
        #expect(try store.revision() == afterAppend + 1)

        let rollup = ComponentRollup(componentID: "api", granularity: .daily, bucketStart: at)
        try store.importRollups(checks: [], components: [rollup])
        #expect(try store.revision() == afterAppend + 2)

        // A reader sees what the writer committed.
        let reader = try #require(try ResultStore.openForReading(at: folder.file("sitrep.sqlite")))
        #expect(try reader.revision() == afterAppend + 2)
    }

    @Test func aDatabaseFromBeforeTheRevisionIsCountedAfterTheNextProbe() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sitrep.sqlite")
        do {
            let pool = try DatabasePool(path: url.path)
            try StoreSchema.migrator.migrate(pool, upTo: "v1: runs, results, rollups")
        }
        // A reader refuses it (it predates the compact store too); the next probe migrates it and starts counting.
        #expect(throws: StoreError.self) { _ = try ResultStore.openForReading(at: url) }
        let writer = try ResultStore.open(at: url)
        #expect(try writer.revision() != nil)
    }
}

import Foundation
import Testing
@testable import SitrepKit

@Suite struct StoreRetentionTests {
    /// Results at these ages (days before `now`) of two checks of `api`, and one of a check that disappeared
    /// from the config 450 days ago.
    static func storeWithHistory(_ folder: TemporaryFolder, now: Date) throws -> ResultStore {
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        for days in [0.5, 10, 29, 31, 45, 200, 399, 401, 500] {
            let at = now.addingTimeInterval(-days * 86_400)
            try store.append(ProbeRun(startedAt: at, durationMs: 1),
                             results: [StoreFixtures.result("api", "health", at: at),
                                       StoreFixtures.result("api", "db", at: at, status: .down)])
        }
        let gone = now.addingTimeInterval(-450 * 86_400)
        try store.append(ProbeRun(startedAt: gone, durationMs: 1), results: [StoreFixtures.result("old", "x", at: gone)])
        return store
    }

    /// Rows of a rollup table: two per bucket for the check tables (two checks), one for the component tables.
    static func buckets(_ granularity: RollupGranularity, _ store: ResultStore) throws -> (checks: Int, components: Int) {
        (try StoreFixtures.count(granularity.checkTable, store) / 2, try StoreFixtures.count(granularity.componentTable, store))
    }

    @Test func eachKindOfRowIsKeptForItsOwnRetention() throws {
        let folder = try TemporaryFolder()
        let now = StoreFixtures.day0.addingTimeInterval(12 * 3_600)
        let store = try Self.storeWithHistory(folder, now: now)

        try store.prune(now: now, keeping: RetentionSettings(rawDays: 30, hourlyDays: 40, dailyDays: 400))

        let raw = try StoreFixtures.rawResults(store)
        #expect(Set(raw.map { Int((now.timeIntervalSince($0.result.at) / 86_400).rounded()) }) == [1, 10, 29])
        #expect(raw.count == 6)
        // Runs stay as long as daily rollups (status runs time their observations by them): 0.5 ... 399 days.
        #expect(try StoreFixtures.count("run", store) == 7)
        // Hourly: ages 0.5, 10, 29 and 31 (within 40 days); daily: 0.5 ... 399.
        #expect(try Self.buckets(.hourly, store) == (4, 4))
        #expect(try Self.buckets(.daily, store) == (7, 7))
        let snapshot = try store.snapshot(now: now, days: 400)
        #expect(snapshot.componentDaily.count == 7)
        #expect(snapshot.componentDaily.first?.bucketStart ==
                RollupGranularity.daily.bucketStart(of: now.addingTimeInterval(-399 * 86_400)))
        // The latest result of the check gone 450 days ago went with the daily rollups.
        #expect(snapshot.latestResults.map(\.componentID) == ["api", "api"])

        // Shorter retentions remove more, each kind by its own.
        try store.prune(now: now, keeping: RetentionSettings(rawDays: 5, hourlyDays: 8, dailyDays: 100))
        #expect(try StoreFixtures.count("result", store) == 2)
        #expect(try Self.buckets(.hourly, store) == (1, 1))
        #expect(try Self.buckets(.daily, store) == (5, 5))
        // Pruning again with the same settings changes nothing.
        let revision = try store.revision()
        try store.prune(now: now, keeping: RetentionSettings(rawDays: 5, hourlyDays: 8, dailyDays: 100))
        #expect(try store.revision() == revision)
    }

    @Test func retentionsShorterThanABuildReadsAreRaisedToIt() throws {
        let folder = try TemporaryFolder()
        let now = StoreFixtures.day0.addingTimeInterval(12 * 3_600)
        let store = try Self.storeWithHistory(folder, now: now)
        // The config refuses these; a caller of the library that passes them still keeps what a build reads:
        // 1 day of raw results, 8 days of hourly and 90 of daily rollups.
        try store.prune(now: now, keeping: RetentionSettings(rawDays: 0, hourlyDays: 1, dailyDays: 2))
        #expect(try StoreFixtures.count("result", store) == 2)
        #expect(try Self.buckets(.hourly, store) == (1, 1))
        #expect(try Self.buckets(.daily, store) == (5, 5))
        // What a build of a site with the default history reads is all there.
        let days = BuildPipeline.snapshotDays(historyDays: 90)
        let later = now.addingTimeInterval(3_600)
        #expect(try store.snapshot(now: later, days: days).componentDaily.count == 5)
    }
}

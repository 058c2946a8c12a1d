import Foundation
import Testing
@testable import SitrepKit

@Suite struct StoreRetentionTests {
    @Test func prunesOldRawRowsAndKeepsRollupsFor400Days() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let now = StoreFixtures.day0.addingTimeInterval(12 * 3_600)
        let ages = [0.5, 10, 29, 31, 45, 200, 399, 401, 500]   // days before now
        for days in ages {
            let at = now.addingTimeInterval(-days * 86_400)
            try store.append(ProbeRun(startedAt: at, durationMs: 1),
                             results: [StoreFixtures.result("api", "health", at: at),
                                       StoreFixtures.result("api", "db", at: at, status: .down)])
        }
        // A check that disappeared from the config long ago: its latest result goes with the rollups.
        let gone = now.addingTimeInterval(-450 * 86_400)
        try store.append(ProbeRun(startedAt: gone, durationMs: 1), results: [StoreFixtures.result("old", "x", at: gone)])

        // rollupDays below 400 is raised to 400.
        try store.prune(now: now, rawDays: 30, rollupDays: 90)

        let raw = try StoreFixtures.rawResults(store)
        #expect(Set(raw.map { Int((now.timeIntervalSince($0.result.at) / 86_400).rounded()) }) == [1, 10, 29])
        #expect(raw.count == 6)
        // Runs stay as long as rollups (status runs count their observations at their times): 0.5 ... 399 days.
        #expect(try StoreFixtures.count("run", store) == 7)
        for granularity in RollupGranularity.allCases {
            for table in [granularity.checkTable, granularity.componentTable] {
                // ages 0.5 ... 399 keep their buckets; 401, 450 and 500 days are gone.
                let perBucket = table.hasPrefix("check") ? 2 : 1
                #expect(try StoreFixtures.count(table, store) == 7 * perBucket, "\(table)")
            }
        }
        let snapshot = try store.snapshot(now: now, days: 400)
        #expect(snapshot.componentDaily.count == 7)
        #expect(snapshot.componentDaily.first?.bucketStart ==
                RollupGranularity.daily.bucketStart(of: now.addingTimeInterval(-399 * 86_400)))
        #expect(snapshot.latestResults.map(\.componentID) == ["api", "api"])

        // A longer rollup retention keeps more; pruning again changes nothing.
        try store.prune(now: now, rawDays: 30, rollupDays: 1_000)
        #expect(try StoreFixtures.count("component_rollup_daily", store) == 7)
        #expect(try StoreFixtures.rawResults(store).count == 6)
    }
}

import Foundation
import Testing
@testable import SitrepKit

/// `importRollups` adds history exactly as appends would have: same buckets, same counts, sums and histograms.
@Suite("Store import of rollups")
struct StoreImportTests {
    @Test func importingTheRollupsOfResultsEqualsAppendingThem() throws {
        let folder = try TemporaryFolder()
        let components = ["api": ["health", "tcp"], "web": ["home"]]
        let history = StoreFixtures.history(runs: 90, from: StoreFixtures.day0.addingTimeInterval(-30 * 3600), step: 1200,
                                            components: components, seed: 7)
        let appended = try ResultStore.open(at: folder.file("appended.sqlite"))
        for (run, results) in history { try appended.append(run, results: results) }

        // The same history as rollups, computed outside the store and imported in two halves.
        var checks: [String: CheckRollup] = [:]
        var componentRollups: [String: ComponentRollup] = [:]
        for (run, results) in history {
            for result in results {
                for granularity in RollupGranularity.allCases {
                    let start = granularity.bucketStart(of: result.at)
                    let key = "\(granularity)|\(start.timeIntervalSince1970)|\(result.componentID)|\(result.checkID)"
                    checks[key, default: CheckRollup(componentID: result.componentID, checkID: result.checkID,
                                                     granularity: granularity, bucketStart: start)].record(result)
                }
            }
            for (component, results) in Dictionary(grouping: results, by: \.componentID) {
                guard let status = ComponentStatus.automatic(from: results.map(\.status)) else { continue }
                for granularity in RollupGranularity.allCases {
                    let start = granularity.bucketStart(of: run.startedAt)
                    let key = "\(granularity)|\(start.timeIntervalSince1970)|\(component)"
                    componentRollups[key, default: ComponentRollup(componentID: component, granularity: granularity,
                                                                   bucketStart: start)].record(status)
                }
            }
        }
        let imported = try ResultStore.open(at: folder.file("imported.sqlite"))
        let sortedChecks = checks.keys.sorted().compactMap { checks[$0] }
        let half = sortedChecks.count / 2
        try imported.importRollups(checks: Array(sortedChecks[..<half]), components: [])
        try imported.importRollups(checks: Array(sortedChecks[half...]),
                                   components: componentRollups.keys.sorted().compactMap { componentRollups[$0] })

        let now = StoreFixtures.day0.addingTimeInterval(3 * 3600)
        let expected = try appended.snapshot(now: now, days: 5, includingRecentResults: true)
        let actual = try imported.snapshot(now: now, days: 5, includingRecentResults: true)
        #expect(!expected.checkHourly.isEmpty && !expected.componentDaily.isEmpty)
        #expect(actual.checkHourly == expected.checkHourly)
        #expect(actual.checkDaily == expected.checkDaily)
        #expect(actual.componentHourly == expected.componentHourly)
        #expect(actual.componentDaily == expected.componentDaily)
        // Imports never invent raw or latest results.
        #expect(actual.latestResults.isEmpty && actual.recentResults.isEmpty)
    }
}

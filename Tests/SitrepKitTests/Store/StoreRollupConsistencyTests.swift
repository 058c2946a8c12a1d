import Foundation
import Testing
@testable import SitrepKit

/// The rollups the store maintains on append equal what a recomputation from the raw rows gives.
@Suite struct StoreRollupConsistencyTests {
    private struct CheckBucket: Hashable {
        var granularity: RollupGranularity
        var start: Date
        var component: String
        var check: String
    }

    private struct ComponentBucket: Hashable {
        var granularity: RollupGranularity
        var start: Date
        var component: String
    }

    /// Runs larger than one batched statement (`RowBatch`, 32 rows) are written whole: every raw row, every
    /// latest result, and rollups that add up across statements and across runs in the same buckets.
    @Test func aRunOfMoreRowsThanOneStatementHoldsIsStoredWhole() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        var components: [String: [String]] = [:]
        for index in 0..<90 { components["c\(index)"] = ["a", "b", "c", "d", "e"] }
        // Two runs a minute apart in the same hour: the second meets every rollup row of the first.
        let start = StoreFixtures.day0.addingTimeInterval(600)
        let history = StoreFixtures.history(runs: 2, from: start, step: 60, components: components, seed: 7)
        for (run, results) in history { try store.append(run, results: results) }

        #expect(try StoreFixtures.count("result", store) == 900)
        #expect(try StoreFixtures.count("latest_result", store) == 450)
        let snapshot = try store.snapshot(now: start.addingTimeInterval(3_000), days: 2)
        let second = Dictionary(uniqueKeysWithValues: history[1].1.map { ("\($0.componentID)/\($0.checkID)", $0) })
        #expect(snapshot.latestResults.count == 450)
        for latest in snapshot.latestResults {
            let expected = try #require(second["\(latest.componentID)/\(latest.checkID)"])
            // Times are stored in whole milliseconds.
            #expect(StoreTime.milliseconds(latest.at) == StoreTime.milliseconds(expected.at))
            #expect(latest.status == expected.status && latest.latencyMs == expected.latencyMs, "\(latest.componentID)/\(latest.checkID)")
        }
        let all = history[0].1 + history[1].1
        for rollups in [snapshot.checkHourly, snapshot.checkDaily] {
            #expect(rollups.count == 450)
            for rollup in rollups {
                let results = all.filter { $0.componentID == rollup.componentID && $0.checkID == rollup.checkID }
                #expect(rollup.up + rollup.degraded + rollup.down == 2)
                #expect(rollup.down == results.filter { $0.status == .down }.count)
                #expect(rollup.latencyCount == results.compactMap(\.latencyMs).count)
                #expect(rollup.histogram.total == rollup.latencyCount)
            }
        }
        #expect(snapshot.componentHourly.count == 90)
        #expect(snapshot.componentHourly.allSatisfy { $0.operational + $0.degradedPerformance + $0.partialOutage + $0.majorOutage == 2 })
    }

    @Test func rollupsEqualTheRawRows() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let components = ["api": ["health", "db", "dns"], "web": ["home"], "cdn": ["edge", "origin"]]
        // 400 runs every 13 minutes: about 3.6 days, crossing hour and day boundaries at odd offsets.
        let start = StoreFixtures.day0.addingTimeInterval(-7_777)
        let history = StoreFixtures.history(runs: 400, from: start, step: 780, components: components, seed: 42)
        for (run, results) in history { try store.append(run, results: results) }
        let now = start.addingTimeInterval(400 * 780)
        let snapshot = try store.snapshot(now: now, days: 8)

        // Recompute check rollups from the raw rows as they are stored.
        let raw = try StoreFixtures.rawResults(store)
        #expect(raw.count == 400 * 6)
        var expected: [CheckBucket: [CheckResult]] = [:]
        for (_, result) in raw {
            for granularity in RollupGranularity.allCases {
                let key = CheckBucket(granularity: granularity, start: granularity.bucketStart(of: result.at),
                                      component: result.componentID, check: result.checkID)
                expected[key, default: []].append(result)
            }
        }
        let hourlyFrom = RollupGranularity.hourly.bucketStart(of: now.addingTimeInterval(-48 * 3_600))
        let stored = snapshot.checkDaily + snapshot.checkHourly
        #expect(stored.count == expected.keys.filter { $0.granularity == .daily || $0.start >= hourlyFrom }.count)
        for rollup in stored {
            let key = CheckBucket(granularity: rollup.granularity, start: rollup.bucketStart,
                                  component: rollup.componentID, check: rollup.checkID)
            let results = try #require(expected[key])
            let latencies = results.compactMap(\.latencyMs).sorted()
            let timings = results.compactMap(\.timings)
            #expect(rollup.up == results.filter { $0.status == .up }.count)
            #expect(rollup.degraded == results.filter { $0.status == .degraded }.count)
            #expect(rollup.down == results.filter { $0.status == .down }.count)
            #expect(rollup.latencyCount == latencies.count)
            // Sums are kept in whole microseconds, added exactly.
            func sum(_ values: [Double]) -> Double {
                StoreCodes.milliseconds(values.map(StoreCodes.microseconds).reduce(0, +))
            }
            #expect(rollup.latencySumMs == sum(latencies))
            #expect(rollup.latencyMinMs == latencies.first && rollup.latencyMaxMs == latencies.last)
            #expect(rollup.histogram.total == latencies.count)
            #expect(rollup.timingCount == timings.count)
            #expect(rollup.phaseSumsMs.dnsMs == sum(timings.map(\.dnsMs)))
            #expect(rollup.phaseSumsMs.tlsMs == sum(timings.map(\.tlsMs)))
            #expect(rollup.phaseSumsMs.ttfbMs == sum(timings.map(\.ttfbMs)))
            #expect(rollup.phaseSumsMs.totalMs == sum(timings.map(\.totalMs)))
        }

        // Percentiles over any set of buckets lie within one bucket width of the exact nearest-rank value.
        let checkSets: [[CheckRollup]] = [snapshot.checkDaily, snapshot.checkHourly]
            + Dictionary(grouping: snapshot.checkDaily, by: \.checkID).values.map(Array.init)
            + snapshot.checkHourly.prefix(10).map { [$0] }
        for set in checkSets {
            let latencies = set.flatMap { rollup in
                expected[CheckBucket(granularity: rollup.granularity, start: rollup.bucketStart,
                                     component: rollup.componentID, check: rollup.checkID)] ?? []
            }.compactMap(\.latencyMs).sorted()
            guard let estimate = snapshot.percentiles(of: set) else {
                #expect(latencies.isEmpty)
                continue
            }
            for (q, value) in [(0.50, estimate.p50), (0.95, estimate.p95), (0.99, estimate.p99)] {
                let exact = latencies[max(1, Int((q * Double(latencies.count)).rounded(.up))) - 1]
                let bounds = LatencyHistogram.bounds(ofBucket: LatencyHistogram.bucketIndex(forMs: exact))
                #expect(abs(value - exact) <= bounds.upper - bounds.lower, "q\(q): \(value) vs exact \(exact)")
            }
        }
    }

    @Test func componentRollupsEqualTheRawRowsPerRun() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let components = ["api": ["a", "b", "c"], "web": ["home", "login"], "mail": ["smtp"]]
        let start = StoreFixtures.day0.addingTimeInterval(-3 * 86_400 + 1_234)
        let history = StoreFixtures.history(runs: 300, from: start, step: 900, components: components, seed: 9)
        for (run, results) in history { try store.append(run, results: results) }
        let now = start.addingTimeInterval(300 * 900)
        let snapshot = try store.snapshot(now: now, days: 8)

        let raw = try StoreFixtures.rawResults(store)
        let runStarts = Dictionary(uniqueKeysWithValues: history.enumerated().map { (Int64($0.offset + 1), $0.element.0.startedAt) })
        var expected: [ComponentBucket: [ComponentStatus: Int]] = [:]
        for (runID, results) in Dictionary(grouping: raw, by: \.runID) {
            let started = try #require(runStarts[runID])
            for (component, ofComponent) in Dictionary(grouping: results.map(\.result), by: \.componentID) {
                let status = try #require(ComponentStatus.automatic(from: ofComponent.map(\.status)))
                for granularity in RollupGranularity.allCases {
                    let key = ComponentBucket(granularity: granularity, start: granularity.bucketStart(of: started),
                                              component: component)
                    expected[key, default: [:]][status, default: 0] += 1
                }
            }
        }
        let stored = snapshot.componentHourly + snapshot.componentDaily
        #expect(stored.count == expected.count)   // 8 days of hourly cover the whole 3.1-day history
        var totals: [ComponentStatus: Int] = [:]
        for rollup in stored {
            let counts = try #require(expected[ComponentBucket(granularity: rollup.granularity,
                                                               start: rollup.bucketStart, component: rollup.componentID)])
            for status in ComponentStatus.allCases {
                #expect(rollup.count(of: status) == counts[status, default: 0])
                if rollup.granularity == .daily { totals[status, default: 0] += rollup.count(of: status) }
            }
        }
        #expect(totals.values.reduce(0, +) == 300 * 3)
        #expect(totals[.majorOutage, default: 0] > 0 && totals[.partialOutage, default: 0] > 0)
        #expect(totals[.degradedPerformance, default: 0] > 0 && totals[.operational, default: 0] > 0)
    }
}

import Foundation
import GRDB
import Testing
@testable import SitrepKit

@Suite struct ResultStoreAppendTests {
    @Test func appendsAndReadsBackEveryField() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let at = StoreFixtures.day0.addingTimeInterval(3_600 * 5 + 0.125)
        let results = [
            CheckResult(
                componentID: "api", checkID: "health", type: .http, at: at, status: .up, latencyMs: 123.5,
                httpStatus: 200, timings: PhaseTimings(dnsMs: 1, connectMs: 2.5, tlsMs: 30, ttfbMs: 120, totalMs: 123.5),
                error: nil, attempts: 1),
            CheckResult(
                componentID: "api", checkID: "db", type: .tcp, at: at, status: .down, latencyMs: nil,
                httpStatus: nil, timings: nil, error: ProbeError(kind: .connect, message: "refused 10.0.0.1:5432"),
                attempts: 2),
            CheckResult(
                componentID: "web", checkID: "dns", type: .dns, at: at, status: .degraded, latencyMs: 900,
                httpStatus: nil, timings: nil, error: ProbeError(kind: .slow, message: "900 ms"), attempts: 1),
        ]
        let run = ProbeRun(startedAt: at, durationMs: 812, location: "eu")
        try store.append(run, results: results)

        let snapshot = try store.snapshot(now: at.addingTimeInterval(60), days: 90, includingRecentResults: true)
        #expect(snapshot.latestRun == run)
        #expect(snapshot.latestResults == results.sorted { ($0.componentID, $0.checkID) < ($1.componentID, $1.checkID) })
        #expect(Set(snapshot.recentResults) == Set(results))
        let counts = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT up_count, degraded_count, down_count, location FROM run")
        }
        #expect(counts == ["up_count": 1, "degraded_count": 1, "down_count": 1, "location": "eu"])

        let hourly = try #require(snapshot.checkHourly.first { $0.checkID == "health" })
        #expect(hourly.bucketStart == StoreFixtures.day0.addingTimeInterval(3_600 * 5))
        #expect(hourly.up == 1 && hourly.latencyCount == 1 && hourly.latencySumMs == 123.5)
        #expect(hourly.meanPhasesMs == results[0].timings)
        let daily = try #require(snapshot.checkDaily.first { $0.checkID == "db" })
        #expect(daily.bucketStart == StoreFixtures.day0)
        #expect(daily.down == 1 && daily.latencyCount == 0 && daily.latencyMinMs == nil && daily.meanPhasesMs == nil)
    }

    @Test func latestResultIsTheNewestPerCheck() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let t0 = StoreFixtures.day0
        let newer = StoreFixtures.result("api", "health", at: t0.addingTimeInterval(120), status: .down)
        try store.append(ProbeRun(startedAt: t0.addingTimeInterval(120), durationMs: 1), results: [newer])
        // A late append of an older result does not replace the newer one.
        let older = StoreFixtures.result("api", "health", at: t0, status: .up)
        try store.append(ProbeRun(startedAt: t0, durationMs: 1), results: [older])
        let snapshot = try store.snapshot(now: t0.addingTimeInterval(300), days: 1, includingRecentResults: true)
        #expect(snapshot.latestResults == [newer])
        #expect(snapshot.latestRunAt == t0.addingTimeInterval(120))
        #expect(snapshot.recentResults == [older, newer])
    }

    @Test func componentRollupsCountOneAutomaticStatusPerRun() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let t0 = StoreFixtures.day0.addingTimeInterval(600)
        // (api statuses, web statuses) per run -> api's and web's automatic status.
        let runs: [([CheckStatus], [CheckStatus])] = [
            ([.up, .up], [.up]),                 // operational, operational
            ([.up, .degraded], [.down]),         // degraded_performance, major_outage
            ([.down, .up], [.degraded]),         // partial_outage, degraded_performance
            ([.down, .down], [.up]),             // major_outage, operational
            ([.down, .degraded], [.up]),         // partial_outage, operational
        ]
        for (index, (api, web)) in runs.enumerated() {
            let at = t0.addingTimeInterval(Double(index) * 60)
            let results = api.enumerated().map { StoreFixtures.result("api", "c\($0.offset)", at: at, status: $0.element) }
                + web.map { StoreFixtures.result("web", "home", at: at, status: $0) }
            try store.append(ProbeRun(startedAt: at, durationMs: 1), results: results)
        }
        let snapshot = try store.snapshot(now: t0.addingTimeInterval(3_600), days: 7, includingRecentResults: true)
        for rollups in [snapshot.componentHourly, snapshot.componentDaily] {
            let api = try #require(rollups.first { $0.componentID == "api" })
            #expect((api.operational, api.degradedPerformance, api.partialOutage, api.majorOutage) == (1, 1, 2, 1))
            let web = try #require(rollups.first { $0.componentID == "web" })
            #expect((web.operational, web.degradedPerformance, web.partialOutage, web.majorOutage) == (3, 1, 0, 1))
            #expect(rollups.count == 2 && api.observations == 5 && web.count(of: .majorOutage) == 1)
        }
    }

    @Test func snapshotWindowsFollowNow() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let now = StoreFixtures.day0.addingTimeInterval(86_400 * 30 + 3_600 * 12)
        for daysAgo in [0.0, 0.5, 1.5, 3, 9, 20, 40] {
            let at = now.addingTimeInterval(-daysAgo * 86_400)
            try store.append(ProbeRun(startedAt: at, durationMs: 1), results: [StoreFixtures.result("api", "h", at: at)])
        }
        let future = now.addingTimeInterval(60)
        try store.append(ProbeRun(startedAt: future, durationMs: 1), results: [StoreFixtures.result("api", "h", at: future)])

        let snapshot = try store.snapshot(now: now, days: 30, includingRecentResults: true)
        #expect(snapshot.recentResults.map(\.at) == [now.addingTimeInterval(-43_200), now])
        // Hours: 12 h ago, 36 h ago; now's hour also holds the run a minute after now, so it is left out whole.
        #expect(snapshot.checkHourly.count == 2)
        #expect(snapshot.componentHourly.count == 3)    // ... and 3 days ago; 9 days ago is past 8 days
        // Days: yesterday (36 h ago), 3, 9 and 20 days ago; not 40; today holds the run after now.
        #expect(snapshot.componentDaily.count == 4)
        #expect(snapshot.checkDaily.map(\.results).reduce(0, +) == 4)
        #expect(snapshot.latestRunAt == now)
        #expect(snapshot.latestResults.map(\.at) == [now])
        let short = try store.snapshot(now: now, days: 2, includingRecentResults: true)
        #expect(short.componentHourly.count == 2 && short.componentDaily.count == 1)
        // A build's 91 days: component days back to 40 days ago; check days (for the latency percentiles) only
        // for the last 30, so 40 days ago is left out there.
        let long = try store.snapshot(now: now, days: 91)
        #expect(long.componentDaily.count == 5)
        #expect(long.checkDaily.count == 4 && long.checkDaily.allSatisfy { $0.bucketStart > now.addingTimeInterval(-30 * 86_400) })
        // A minute later the future run is in the past, and now's hour and day are read again.
        let later = try store.snapshot(now: future, days: 30)
        #expect(later.checkHourly.count == 3 && later.componentDaily.count == 5 && later.latestRunAt == future)
    }

    /// A build with `--now` before some of the data (SOURCE_DATE_EPOCH of an older commit, a rebuild of the
    /// past) sees the store as it was at `now`: the newest result of each check at or before it, never a
    /// later one, and no bucket counting anything later.
    @Test func snapshotNeverHoldsWhatWasRecordedAfterNow() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        let t0 = StoreFixtures.day0.addingTimeInterval(10 * 3600)
        for (minutes, status) in [(0.0, CheckStatus.up), (10, .degraded), (70, .down)] {
            let at = t0.addingTimeInterval(minutes * 60)
            try store.append(ProbeRun(startedAt: at, durationMs: 1),
                             results: [StoreFixtures.result("api", "h", at: at, status: status),
                                       StoreFixtures.result("web", "h", at: at, status: status)])
        }
        let now = t0.addingTimeInterval(30 * 60)
        let snapshot = try store.snapshot(now: now, days: 30)
        #expect(snapshot.latestResults.map(\.componentID) == ["api", "web"])
        #expect(snapshot.latestResults.map(\.status) == [.degraded, .degraded])
        #expect(snapshot.latestResults.map(\.at) == [t0.addingTimeInterval(600), t0.addingTimeInterval(600)])
        #expect(snapshot.latestRunAt == t0.addingTimeInterval(600))
        // Now's hour holds only earlier runs: kept. Today's bucket also counts the run at +70 min: left out.
        #expect(snapshot.checkHourly.map(\.results) == [2, 2])
        #expect(snapshot.componentHourly.map(\.observations) == [2, 2])
        #expect(snapshot.checkDaily.isEmpty && snapshot.componentDaily.isEmpty)
        // Before every run: nothing at all.
        let before = try store.snapshot(now: t0.addingTimeInterval(-3600), days: 30)
        #expect(before.latestResults.isEmpty && before.latestRun == nil)
        #expect(before.checkHourly.isEmpty && before.checkDaily.isEmpty)
        #expect(before.componentHourly.isEmpty && before.componentDaily.isEmpty)
        // The parts read on several cores agree with the whole.
        let parts = try SnapshotPart.Kind.allCases.map { try store.snapshotPart($0, now: now, days: 30) }
        #expect(StoreSnapshot(joining: parts, now: now, days: 30) == snapshot)
    }
}

/// The snapshot gathers rollup rows per series itself instead of asking SQLite to sort them; the arrays must
/// still be in `ORDER BY component_id, check_id, bucket_start_ms` order, which the model's sums rely on.
@Suite struct StoreSnapshotOrderTests {
    @Test func rollupsComeInTheOrderSQLiteWouldSortThem() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        // Ids whose byte order differs from insertion order and from a naive string split ("a" < "a-b" < "ab").
        let components = ["web": ["tls", "http"], "a-b": ["z", "a"], "ab": ["m"], "a": ["9", "10"]]
        let runs = StoreFixtures.history(runs: 80, from: StoreFixtures.day0, step: 2_700, components: components, seed: 7)
        // Appended newest first, so rows are written against time order.
        for (run, results) in runs.reversed() { try store.append(run, results: results) }
        // Series that some buckets lack: one that starts late, one with a gap. Buckets then list different
        // series, which the snapshot's guess of each row's series must survive.
        let late = StoreFixtures.history(runs: 40, from: StoreFixtures.day0.addingTimeInterval(40 * 2_700 + 600),
                                         step: 2_700, components: ["aa": ["x"]], seed: 8)
        let gapBefore = StoreFixtures.history(runs: 20, from: StoreFixtures.day0.addingTimeInterval(1_200),
                                              step: 2_700, components: ["b": ["y"]], seed: 9)
        let gapAfter = StoreFixtures.history(runs: 20, from: StoreFixtures.day0.addingTimeInterval(60 * 2_700 + 1_200),
                                             step: 2_700, components: ["b": ["y"]], seed: 10)
        for (run, results) in late + gapBefore + gapAfter { try store.append(run, results: results) }
        let now = StoreFixtures.day0.addingTimeInterval(80 * 2_700)
        let snapshot = try store.snapshot(now: now, days: 5)

        func sortedBySQLite(_ table: String, _ keys: String) throws -> [String] {
            try store.pool.read { db in
                // The ids through the key tables.
                let join = table.hasPrefix("check")
                    ? "JOIN check_key ON check_key.key = \(table).check_key JOIN component_key ON component_key.key = check_key.component_key"
                    : "JOIN component_key ON component_key.key = \(table).component_key"
                return try Row.fetchAll(db, sql: "SELECT \(keys), bucket_start_ms FROM \(table) \(join) ORDER BY \(keys), bucket_start_ms")
                    .map { row in row.databaseValues.map(\.description).joined(separator: "|") }
            }
        }
        func keys(_ rollups: [CheckRollup]) -> [String] {
            rollups.map { "\"\($0.componentID)\"|\"\($0.checkID)\"|\(StoreTime.milliseconds($0.bucketStart))" }
        }
        let checkDaily = keys(snapshot.checkDaily)
        #expect(checkDaily.count > 8)
        #expect(checkDaily == (try sortedBySQLite("check_rollup_daily", "component_id, check_id")))
        let componentHourly = snapshot.componentHourly.map { "\"\($0.componentID)\"|\(StoreTime.milliseconds($0.bucketStart))" }
        // 60 hours of runs: every stored row is inside the snapshot's windows.
        #expect(componentHourly.count > 40)
        #expect(componentHourly == (try sortedBySQLite("component_rollup_hourly", "component_id")))
        #expect(snapshot.componentHourly.first?.componentID == "a" && snapshot.componentHourly.last?.componentID == "web")
    }
}

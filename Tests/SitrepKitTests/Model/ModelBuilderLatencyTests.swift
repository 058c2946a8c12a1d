import Foundation
import Testing
@testable import SitrepKit

@Suite("Model builder: latency and determinism")
struct ModelBuilderLatencyTests {
    let now = Fixture.now

    func checkRollup(_ check: String, _ granularity: RollupGranularity, _ start: String, totals: [Double]) -> CheckRollup {
        var rollup = CheckRollup(componentID: "api", checkID: check, granularity: granularity, bucketStart: Fixture.at(start))
        for total in totals {
            rollup.record(CheckResult(componentID: "api", checkID: check, type: .http, at: rollup.bucketStart, status: .up,
                                      latencyMs: total, httpStatus: 200,
                                      timings: PhaseTimings(dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: total - 1, totalMs: total),
                                      error: nil))
        }
        return rollup
    }

    @Test("hourly response-time points: mean phase timings over all the component's checks")
    func responseTimes() {
        let hourly = [
            checkRollup("a", .hourly, "2026-11-20T10:00:00Z", totals: [100, 300]),
            checkRollup("b", .hourly, "2026-11-20T10:00:00Z", totals: [200, 200]),
            checkRollup("a", .hourly, "2026-11-20T11:00:00Z", totals: [50]),
            checkRollup("unconfigured", .hourly, "2026-11-20T11:00:00Z", totals: [9000]),
            checkRollup("a", .hourly, "2026-11-18T09:00:00Z", totals: [70]),
        ]
        let points = Fixture.api(Fixture.build(snapshot: Fixture.snapshot(checkHourly: hourly)))?.responseTimes ?? []
        #expect(points == [
            LatencyPoint(at: Fixture.at("2026-11-20T10:00:00Z"),
                         timings: PhaseTimings(dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 199, totalMs: 200)),
            LatencyPoint(at: Fixture.at("2026-11-20T11:00:00Z"),
                         timings: PhaseTimings(dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 49, totalMs: 50)),
        ])
    }

    @Test("percentiles merge the checks' histograms over 24 h, 7 and 30 days")
    func percentiles() {
        let hourly = [checkRollup("a", .hourly, "2026-11-20T10:00:00Z", totals: [100]),
                      checkRollup("b", .hourly, "2026-11-20T11:00:00Z", totals: [100])]
        let recentDay = checkRollup("a", .daily, "2026-11-20T00:00:00Z", totals: [100, 100])
        let tenDaysAgo = checkRollup("b", .daily, "2026-11-10T00:00:00Z", totals: [5000, 5000, 5000])
        let snapshot = Fixture.snapshot(checkHourly: hourly, checkDaily: [tenDaysAgo, recentDay])
        let latency = Fixture.api(Fixture.build(snapshot: snapshot))?.latency
        #expect(latency?.h24 == StoreSnapshot.percentiles(of: hourly))
        #expect(latency?.h24?.p50 == 100)
        #expect(latency?.d7 == StoreSnapshot.percentiles(of: [recentDay]))
        #expect(latency?.d30 == StoreSnapshot.percentiles(of: [tenDaysAgo, recentDay]))
        // The slow day ten days ago is in 30 days, not in 7.
        #expect(latency?.d7?.p95 == 100)
        #expect((latency?.d30?.p95 ?? 0) > 4000)
        #expect(Fixture.api(Fixture.build())?.latency == LatencyPercentiles())
    }

    @Test("each check has its own response times and percentiles, never another check's")
    func perCheck() throws {
        let hourly = [
            checkRollup("a", .hourly, "2026-11-20T10:00:00Z", totals: [100, 300]),
            checkRollup("b", .hourly, "2026-11-20T10:00:00Z", totals: [2, 2]),
            checkRollup("a", .hourly, "2026-11-20T11:00:00Z", totals: [50]),
        ]
        let daily = [checkRollup("b", .daily, "2026-11-20T00:00:00Z", totals: [2, 4])]
        let api = try #require(Fixture.api(Fixture.build(snapshot: Fixture.snapshot(checkHourly: hourly, checkDaily: daily))))
        let a = try #require(api.checks.first { $0.id == "a" }), b = try #require(api.checks.first { $0.id == "b" })
        #expect(a.responseTimes.map(\.timings.totalMs) == [200, 50])
        #expect(b.responseTimes.map(\.timings.totalMs) == [2])
        #expect(a.latency.h24 == StoreSnapshot.percentiles(of: [hourly[0], hourly[2]]))
        #expect(b.latency.h24 == StoreSnapshot.percentiles(of: [hourly[1]]))
        #expect(b.latency.d7 == StoreSnapshot.percentiles(of: daily))
        #expect(a.latency.d7 == nil, "check a has no daily rollup")
        // The component's own series still mixes them (the JSON APIs document it so).
        #expect(api.responseTimes.first?.timings.totalMs == 101)
    }

    @Test("building twice from the same inputs gives equal models")
    func deterministic() {
        let config = Fixture.config(components: [Fixture.component("api", group: "core"), Fixture.component("web")],
                                    groups: [GroupConfig(id: "core", name: "Core")],
                                    timezone: TimeZone(identifier: "Europe/Berlin") ?? .gmt, historyDays: 30)
        let snapshot = Fixture.snapshot(
            latest: [Fixture.result("api", "a", .down), Fixture.result("web", "b", .degraded)],
            hourly: [Fixture.rollup(_: "api", .hourly, "2026-11-20T10:00:00Z", operational: 5, major: 1)],
            daily: [Fixture.rollup(_: "web", .daily, "2026-11-01T00:00:00Z", operational: 200, partial: 20)],
            checkHourly: [checkRollup("a", .hourly, "2026-11-20T10:00:00Z", totals: [12, 80])])
        let content = SiteContent(
            incidents: [Fixture.incident("i", impact: .major, start: now.addingTimeInterval(-7200))],
            maintenance: [Fixture.maintenance("m", components: ["web"], from: now.addingTimeInterval(-600),
                                              until: now.addingTimeInterval(600))])
        let first = Fixture.build(config: config, snapshot: snapshot, content: content)
        let second = Fixture.build(config: config, snapshot: snapshot, content: content)
        #expect(first.components == second.components)
        #expect(first.groups == second.groups)
        #expect(first.incidents == second.incidents)
        #expect(first.maintenance == second.maintenance)
        #expect(first.indicator == second.indicator)
        #expect(first.generatedAt == second.generatedAt)
        #expect(first.components.map(\.daily.count) == [30, 30])
    }
}

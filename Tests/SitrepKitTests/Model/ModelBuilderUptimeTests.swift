import Foundation
import Testing
@testable import SitrepKit

@Suite("Model builder: uptime windows")
struct ModelBuilderUptimeTests {
    let now = Fixture.now

    func uptime(_ hourly: [ComponentRollup], daily: [ComponentRollup] = [], content: SiteContent = SiteContent(),
                weights: UptimeWeights = UptimeWeights(), now: Date = Fixture.now) -> UptimeWindows? {
        let snapshot = Fixture.snapshot(now: now, hourly: hourly, daily: daily)
        return Fixture.api(Fixture.build(config: Fixture.config(weights: weights), snapshot: snapshot,
                                         content: content, now: now))?.uptime
    }

    @Test("weighted outages: 10 major + 10 partial of 100 observations is 100 - (10 + 3) = 87 %")
    func weights() {
        let bucket = Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z", operational: 80, partial: 10, major: 10)
        let windows = uptime([bucket])
        #expect(87.0.isClose(to: windows?.h24))
        #expect(87.0.isClose(to: windows?.d7))
        #expect(87.0.isClose(to: windows?.d90))
    }

    @Test("custom weights: 1.0/0.5/0.1 over 10 each of major, partial, degraded in 100 is 100 - 16 = 84 %")
    func customWeights() {
        let bucket = Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z",
                                    operational: 70, degraded: 10, partial: 10, major: 10)
        let windows = uptime([bucket], weights: UptimeWeights(majorOutage: 1.0, partialOutage: 0.5, degradedPerformance: 0.1))
        #expect(84.0.isClose(to: windows?.h24))
        // Default weights: 100 - (10 + 3 + 0) = 87.
        #expect(87.0.isClose(to: uptime([bucket])?.h24))
    }

    @Test("no observations: nil, never 100")
    func noData() {
        #expect(uptime([]) == UptimeWindows())
        #expect(uptime([Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z")]) == UptimeWindows())
        // Older than 24 h: only the longer windows see it.
        let old = uptime([Fixture.rollup(_: "api", .hourly, "2026-11-18T11:00:00Z", operational: 10)])
        #expect(old?.h24 == nil)
        #expect(100.0.isClose(to: old?.d7))
    }

    @Test("maintenance over half a bucket takes half its observations out of the denominator")
    func maintenanceHalfBucket() {
        let green = Fixture.rollup(_: "api", .hourly, "2026-11-20T10:00:00Z", operational: 100)
        let mixed = Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z", operational: 90, major: 10)
        // Without maintenance: 200 observed, 10 lost: 95 %.
        #expect(95.0.isClose(to: uptime([green, mixed])?.h24))
        // 11:30–12:30 covers half the 11:00 bucket: 150 observed, 5 lost.
        let window = Fixture.maintenance("m", from: Fixture.at("2026-11-20T11:30:00Z"), until: Fixture.at("2026-11-20T12:30:00Z"))
        #expect((100 * (1 - 5.0 / 150)).isClose(to: uptime([green, mixed], content: SiteContent(maintenance: [window]))?.h24))
        // A cancelled window changes nothing.
        let cancelled = Fixture.maintenance("m", from: Fixture.at("2026-11-20T11:30:00Z"),
                                            until: Fixture.at("2026-11-20T12:30:00Z"), cancelled: true)
        #expect(95.0.isClose(to: uptime([green, mixed], content: SiteContent(maintenance: [cancelled]))?.h24))
        // Everything under maintenance: no observed time, so nil rather than 100.
        let whole = Fixture.maintenance("m", from: Fixture.at("2026-11-20T10:00:00Z"), until: Fixture.at("2026-11-20T13:00:00Z"))
        #expect(uptime([green, mixed], content: SiteContent(maintenance: [whole]))?.h24 == nil)
    }

    @Test("a declared incident over all-green probes lowers uptime")
    func declaredIncident() {
        let green = Fixture.rollup(_: "api", .hourly, "2026-11-20T10:00:00Z", operational: 60)
        // Major (partial_outage, weight 0.3) for half the hour: 30 observations lose 0.3 each: 100 - 9/60.
        let major = Fixture.incident("i", impact: .major, start: Fixture.at("2026-11-20T10:00:00Z"),
                                     resolved: Fixture.at("2026-11-20T10:30:00Z"))
        #expect(85.0.isClose(to: uptime([green], content: SiteContent(incidents: [major]))?.h24))
        // Critical and still open: the whole hour counts as major outage.
        let critical = Fixture.incident("i", impact: .critical, start: Fixture.at("2026-11-20T09:00:00Z"))
        #expect(0.0.isClose(to: uptime([green], content: SiteContent(incidents: [critical]))?.h24))
        // An incident naming another component changes nothing.
        let elsewhere = Fixture.incident("i", impact: .critical, components: [ComponentReference(id: "web")],
                                         start: Fixture.at("2026-11-20T09:00:00Z"))
        #expect(100.0.isClose(to: uptime([green], content: SiteContent(incidents: [elsewhere]))?.h24))
    }

    @Test("an incident during maintenance counts: the raised status wins over the exclusion")
    func incidentDuringMaintenance() {
        let green = Fixture.rollup(_: "api", .hourly, "2026-11-20T10:00:00Z", operational: 60)
        let window = Fixture.maintenance("m", from: Fixture.at("2026-11-20T10:00:00Z"), until: Fixture.at("2026-11-20T11:00:00Z"))
        let critical = Fixture.incident("i", impact: .critical, start: Fixture.at("2026-11-20T10:30:00Z"),
                                        resolved: Fixture.at("2026-11-20T11:00:00Z"))
        // First half excluded, second half counts as major outage: 30 observed, 30 lost.
        #expect(0.0.isClose(to: uptime([green], content: SiteContent(incidents: [critical], maintenance: [window]))?.h24))
    }

    @Test("the bucket in progress spreads its observations over the part that has passed")
    func currentBucket() {
        let now = Fixture.at("2026-11-20T12:30:00Z")
        let green = Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z", operational: 40)
        let current = Fixture.rollup(_: "api", .hourly, "2026-11-20T12:00:00Z", major: 40)
        // 12:15–13:00 covers half of the passed 12:00–12:30: 20 major remain; 60 observed, 20 lost.
        let window = Fixture.maintenance("m", from: Fixture.at("2026-11-20T12:15:00Z"), until: Fixture.at("2026-11-20T13:00:00Z"))
        let windows = uptime([green, current], content: SiteContent(maintenance: [window]), now: now)
        #expect((100 * (1 - 20.0 / 60)).isClose(to: windows?.h24))
    }

    @Test("daily buckets before the hourly ones are apportioned by overlap with the window")
    func dailyApportioned() {
        // 30 days before 2026-11-20T12:00Z is 2026-10-21T12:00Z: half of that UTC day is in the window.
        let partlyIn = Fixture.rollup(_: "api", .daily, "2026-10-21T00:00:00Z", major: 100)
        let next = Fixture.rollup(_: "api", .daily, "2026-10-22T00:00:00Z", operational: 100)
        let windows = uptime([], daily: [partlyIn, next])
        #expect((100 * (1 - 50.0 / 150)).isClose(to: windows?.d30))
        #expect(50.0.isClose(to: windows?.d60))
        #expect(50.0.isClose(to: windows?.d90))
        #expect(windows?.h24 == nil)
        #expect(windows?.d7 == nil)
    }

    @Test("firstSeenAt is the earliest bucket with an observation")
    func firstSeen() {
        let snapshot = Fixture.snapshot(
            hourly: [Fixture.rollup(_: "api", .hourly, "2026-11-20T10:00:00Z", operational: 1)],
            daily: [Fixture.rollup(_: "api", .daily, "2026-10-01T00:00:00Z"),
                    Fixture.rollup(_: "api", .daily, "2026-10-02T00:00:00Z", operational: 3)])
        #expect(Fixture.api(Fixture.build(snapshot: snapshot))?.firstSeenAt == Fixture.at("2026-10-02T00:00:00Z"))
        #expect(Fixture.api(Fixture.build())?.firstSeenAt == nil)
    }
}

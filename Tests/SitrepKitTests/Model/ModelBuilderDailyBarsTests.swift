import Foundation
import Testing
@testable import SitrepKit

@Suite("Model builder: daily bars")
struct ModelBuilderDailyBarsTests {
    let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    func bars(timezone: TimeZone = .gmt, historyDays: Int = 3, hourly: [ComponentRollup] = [],
              daily: [ComponentRollup] = [], content: SiteContent = SiteContent()) -> [DailyBar] {
        let config = Fixture.config(timezone: timezone, historyDays: historyDays)
        let snapshot = Fixture.snapshot(days: historyDays, hourly: hourly, daily: daily)
        return Fixture.api(Fixture.build(config: config, snapshot: snapshot, content: content))?.daily ?? []
    }

    @Test("one bar per history day, oldest first, today last; a day without data has nil uptime")
    func layout() {
        let days = bars(hourly: [Fixture.rollup(_: "api", .hourly, "2026-11-19T05:00:00Z", operational: 10)])
        #expect(days.map(\.date) == ["2026-11-18", "2026-11-19", "2026-11-20"])
        #expect(days.map(\.start) == ["2026-11-18", "2026-11-19", "2026-11-20"].map { Fixture.at("\($0)T00:00:00Z") })
        #expect(days.map(\.uptime) == [nil, 100, nil])
        #expect(days.map(\.worstStatus) == [nil, .operational, nil])
        #expect(bars(historyDays: 90).count == 90)
    }

    @Test("Europe/Berlin: an hour just after local midnight belongs to the next local day")
    func localDays() {
        // Now is 13:00 in Berlin (UTC+1 in November). 22:00Z is 23:00 on the 19th, 23:00Z is 00:00 on the 20th.
        let days = bars(timezone: berlin, hourly: [
            Fixture.rollup(_: "api", .hourly, "2026-11-19T22:00:00Z", operational: 10),
            Fixture.rollup(_: "api", .hourly, "2026-11-19T23:00:00Z", major: 10),
        ])
        #expect(days.map(\.date) == ["2026-11-18", "2026-11-19", "2026-11-20"])
        #expect(days.last?.start == Fixture.at("2026-11-19T23:00:00Z"))
        #expect(days.map(\.uptime) == [nil, 100, 0])
        #expect(days.map(\.worstStatus) == [nil, .operational, .majorOutage])
    }

    @Test("Europe/Berlin across the end of summer time: the 25-hour day starts at local midnight")
    func summerTimeEnds() {
        let now = Fixture.at("2026-10-26T12:00:00Z")
        let config = Fixture.config(timezone: berlin, historyDays: 2)
        let model = Fixture.build(config: config, snapshot: Fixture.snapshot(now: now, days: 2), now: now)
        let days = Fixture.api(model)?.daily ?? []
        #expect(days.map(\.date) == ["2026-10-25", "2026-10-26"])
        #expect(days.map(\.start) == [Fixture.at("2026-10-24T22:00:00Z"), Fixture.at("2026-10-25T23:00:00Z")])
    }

    @Test("Europe/Berlin before the hourly rollups: UTC daily buckets are apportioned by overlap")
    func apportionedDays() {
        // Hourly rollups start 8 days before now (2026-11-12T12:00Z); these UTC days are older.
        // Local 2026-11-05 is 11-04T23:00Z..11-05T23:00Z: 23 h of the 11-05 bucket (23 major).
        // Local 2026-11-06: the last hour of the 11-05 bucket (1 major) and 23 h of 11-06 (23 operational).
        let days = bars(timezone: berlin, historyDays: 16, daily: [
            Fixture.rollup(_: "api", .daily, "2026-11-05T00:00:00Z", major: 24),
            Fixture.rollup(_: "api", .daily, "2026-11-06T00:00:00Z", operational: 24),
        ])
        #expect(days.first?.date == "2026-11-05")
        #expect(0.0.isClose(to: days[0].uptime))
        #expect((100 * (1 - 1.0 / 24)).isClose(to: days[1].uptime))
        #expect(days[1].worstStatus == .majorOutage)
        // The last hour of the 11-06 bucket falls on local 11-07.
        #expect(100.0.isClose(to: days[2].uptime))
        #expect(days[3].uptime == nil)
    }

    @Test("incident ids on the days the incident was open; declared outages show without data")
    func incidents() {
        let spanning = Fixture.incident("spanning", impact: .major, start: Fixture.at("2026-11-18T10:00:00Z"),
                                        resolved: Fixture.at("2026-11-19T02:00:00Z"))
        let open = Fixture.incident("open", impact: .minor, start: Fixture.at("2026-11-20T08:00:00Z"))
        let elsewhere = Fixture.incident("elsewhere", impact: .critical, components: [ComponentReference(id: "web")],
                                         start: Fixture.at("2026-11-19T08:00:00Z"))
        let days = bars(content: SiteContent(incidents: [open, elsewhere, spanning]))
        #expect(days.map(\.incidentIDs) == [["spanning"], ["spanning"], ["open"]])
        #expect(days.map(\.worstStatus) == [.partialOutage, .partialOutage, .degradedPerformance])
        #expect(days.map(\.uptime) == [nil, nil, nil])
    }

    @Test("maintenance minutes; a maintenance day shows under_maintenance unless something is worse")
    func maintenance() {
        let window = Fixture.maintenance("m", from: Fixture.at("2026-11-19T10:00:00Z"), until: Fixture.at("2026-11-19T11:30:00Z"))
        let days = bars(hourly: [Fixture.rollup(_: "api", .hourly, "2026-11-19T05:00:00Z", operational: 10),
                                 Fixture.rollup(_: "api", .hourly, "2026-11-20T05:00:00Z", partial: 10)],
                        content: SiteContent(maintenance: [window]))
        #expect(days.map(\.maintenanceMinutes) == [nil, 90, nil])
        #expect(days.map(\.worstStatus) == [nil, .underMaintenance, .partialOutage])
        #expect(100.0.isClose(to: days[1].uptime))
    }
}

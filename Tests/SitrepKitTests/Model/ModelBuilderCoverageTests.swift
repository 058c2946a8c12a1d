import Foundation
import Testing
@testable import SitrepKit

/// What the uptime figures cover: the start of the data when it is younger than a window, the first result
/// as `created_at`, components without checks counted from the content, and cancelled windows.
@Suite("Model builder: coverage, declared uptime, cancelled windows")
struct ModelBuilderCoverageTests {
    let now = Fixture.now

    @Test("a component first seen an hour ago: since that hour, not the midnight of its daily bucket")
    func firstSeenIsTheFirstHourNotMidnight() {
        let hourly = [Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z", operational: 20)]
        let daily = [Fixture.rollup(_: "api", .daily, "2026-11-20T00:00:00Z", operational: 20)]
        let api = Fixture.api(Fixture.build(snapshot: Fixture.snapshot(hourly: hourly, daily: daily)))
        #expect(api?.firstSeenAt == Fixture.at("2026-11-20T11:00:00Z"))
        #expect(api?.uptime.since == Fixture.at("2026-11-20T11:00:00Z"))
        #expect(api?.uptime.partialSince(windowStart: now.addingTimeInterval(-86_400)) == Fixture.at("2026-11-20T11:00:00Z"))
        #expect(api?.uptime.partialSince(windowStart: now.addingTimeInterval(-1_800)) == nil, "a window inside the data is whole")
    }

    @Test("where the hourly rollups miss part of the first day, that day's start is all that is known")
    func firstSeenFallsBackToTheDay() {
        let hourly = [Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z", operational: 20)]
        let daily = [Fixture.rollup(_: "api", .daily, "2026-11-20T00:00:00Z", operational: 50)]
        let api = Fixture.api(Fixture.build(snapshot: Fixture.snapshot(hourly: hourly, daily: daily)))
        #expect(api?.firstSeenAt == Fixture.at("2026-11-20T00:00:00Z"))
    }

    @Test("data older than the longest window: no since")
    func fullyCovered() {
        let daily = [Fixture.rollup(_: "api", .daily, "2026-08-01T00:00:00Z", operational: 20),
                     Fixture.rollup(_: "api", .daily, "2026-11-20T00:00:00Z", operational: 20)]
        let snapshot = Fixture.snapshot(days: 120, daily: daily)
        #expect(Fixture.api(Fixture.build(snapshot: snapshot))?.uptime.since == nil)
    }

    @Test("without checks: declared incident time since the site's first observation, weighted like observations")
    func noCheckComponentCountsDeclaredTime() throws {
        let config = Fixture.config(components: [Fixture.component("api"), Fixture.component("docs", checks: [])])
        let hourly = [Fixture.rollup(_: "api", .hourly, "2026-11-20T10:00:00Z", operational: 60),
                      Fixture.rollup(_: "api", .hourly, "2026-11-20T11:00:00Z", operational: 60)]
        // 30 minutes of a major incident (partial outage, weight 0.3) in the 120 minutes since 10:00.
        let incident = Fixture.incident("docs-down", impact: .major, components: [ComponentReference(id: "docs")],
                                        start: Fixture.at("2026-11-20T10:30:00Z"), resolved: Fixture.at("2026-11-20T11:00:00Z"))
        let model = Fixture.build(config: config, snapshot: Fixture.snapshot(hourly: hourly),
                                  content: SiteContent(incidents: [incident]))
        let docs = try #require(model.component("docs"))
        let expected = 100 * (1 - 30 * 0.3 / 120)
        #expect(expected.isClose(to: docs.uptime.h24))
        #expect(expected.isClose(to: docs.uptime.d90))
        #expect(docs.uptime.since == Fixture.at("2026-11-20T10:00:00Z"))
        #expect(docs.daily.last?.uptime != nil)
    }

    @Test("without checks and without anything that says since when: no data, never 100")
    func noCheckComponentWithoutAnchor() throws {
        let config = Fixture.config(components: [Fixture.component("docs", checks: [])])
        let docs = try #require(Fixture.build(config: config).component("docs"))
        #expect(docs.uptime == UptimeWindows())
    }

    @Test("a window whose newest update is cancelled is cancelled: no component under maintenance")
    func cancelledByUpdate() throws {
        let window = Maintenance(
            id: "db", title: "DB", components: [ComponentReference(id: "api")],
            scheduledFor: now.addingTimeInterval(-3_600), scheduledUntil: now.addingTimeInterval(3_600),
            updates: [MaintenanceUpdate(at: now.addingTimeInterval(-600), status: .cancelled, message: "Called off."),
                      MaintenanceUpdate(at: now.addingTimeInterval(-7_200), status: .scheduled, message: "Announced.")])
        let latest = [Fixture.result("api", "a", .up), Fixture.result("api", "b", .up)]
        let model = Fixture.build(snapshot: Fixture.snapshot(latest: latest), content: SiteContent(maintenance: [window]))
        #expect(Fixture.api(model)?.status == .operational)
        #expect(model.indicator == Indicator.none)
        let built = try #require(model.maintenanceWindow("db"))
        #expect(built.state == .cancelled)
        #expect(built.components.map(\.status) == [nil])
        #expect(built.updates.first?.state == .cancelled)

        // The same update dated after now is not yet in effect: the window is in progress.
        let later = Maintenance(
            id: "db", title: "DB", components: [ComponentReference(id: "api")],
            scheduledFor: window.scheduledFor, scheduledUntil: window.scheduledUntil,
            updates: [MaintenanceUpdate(at: now.addingTimeInterval(600), status: .cancelled, message: "Called off.")])
        let early = Fixture.build(snapshot: Fixture.snapshot(latest: latest), content: SiteContent(maintenance: [later]))
        #expect(Fixture.api(early)?.status == .underMaintenance)
    }
}

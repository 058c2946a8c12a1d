import Foundation
import Testing
@testable import SitrepKit

@Suite struct ContentMaintenanceTests {
    static let window = """
        ---
        title: Database upgrade
        components: [db]
        scheduled_for: 2026-11-22 02:00
        scheduled_until: 2026-11-22T04:00:00+01:00
        updates:
          - at: 2026-11-22T01:10:00Z
            status: in_progress
            message: Started.
          - at: 2026-11-15T12:00:00Z
            status: scheduled
            message: Planned.
        ---
        The database will be read-only.
        """

    @Test func parsesAWindowWithLocalAndOffsetTimes() throws {
        let (parsed, diagnostics) = parseMaintenance(Self.window, timeZone: ContentFixture.berlin)
        #expect(diagnostics.isEmpty)
        let window = try #require(parsed)
        #expect(window.title == "Database upgrade")
        #expect(window.components == [ComponentReference(id: "db")])
        #expect(window.scheduledFor == utc("2026-11-22T01:00:00Z"))
        #expect(window.scheduledUntil == utc("2026-11-22T03:00:00Z"))
        #expect(window.updates.map(\.status) == [.inProgress, .scheduled])
        #expect(!window.cancelled)
        #expect(window.body == "The database will be read-only.")
    }

    @Test func stateFollowsTheClock() throws {
        let window = try #require(parseMaintenance(Self.window).0)
        #expect(window.state(at: utc("2026-11-22T01:59:59Z")) == .scheduled)
        #expect(window.state(at: utc("2026-11-22T02:00:00Z")) == .inProgress)
        #expect(window.state(at: utc("2026-11-22T02:59:59Z")) == .inProgress)
        #expect(window.state(at: utc("2026-11-22T03:00:00Z")) == .completed)
    }

    @Test func cancelledWinsOverTheClock() throws {
        let text = Self.window.replacingOccurrences(of: "components: [db]", with: "components: [db]\nstatus: cancelled")
        let window = try #require(parseMaintenance(text).0)
        #expect(window.cancelled)
        for now in ["2026-11-01T00:00:00Z", "2026-11-22T02:30:00Z", "2026-12-01T00:00:00Z"] {
            #expect(window.state(at: utc(now)) == .cancelled)
        }
    }

    @Test func mapFormMayNameAStatusDuringTheWindow() throws {
        let text = Self.window.replacingOccurrences(of: "components: [db]", with: "components: {db: under_maintenance, api: degraded_performance}")
        let window = try #require(parseMaintenance(text).0)
        #expect(window.components == [ComponentReference(id: "db", status: .underMaintenance),
                                      ComponentReference(id: "api", status: .degradedPerformance)])
    }

    @Test func updatesAreOptional() throws {
        let text = """
            ---
            title: Quick restart
            components: api
            scheduled_for: 2026-11-22T02:00:00Z
            scheduled_until: 2026-11-22T02:05:00Z
            ---
            """
        let window = try #require(parseMaintenance(text).0)
        #expect(window.updates.isEmpty)
        #expect(window.components.map(\.id) == ["api"])
        #expect(window.body == "")
    }
}

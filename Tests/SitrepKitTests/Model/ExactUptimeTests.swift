import Foundation
import Testing
@testable import SitrepKit

/// Uptime from a real store, compared with what a person gets going through the raw results one by one
/// (`HandCount`), for windows, maintenance and incidents that start and end at odd minutes.
@Suite("Exact uptime from status runs")
struct ExactUptimeTests {
    /// 2026-11-20T00:00:00Z; history runs over this day and the next.
    static let day0 = Fixture.at("2026-11-20T00:00:00Z")
    static let now = Fixture.at("2026-11-21T18:43:00Z")
    static let maintenanceWindow = Span(start: Fixture.at("2026-11-20T13:22:00Z"), end: Fixture.at("2026-11-20T14:22:00Z"))
    static let incidentSpan = Span(start: Fixture.at("2026-11-21T09:07:00Z"), end: Fixture.at("2026-11-21T09:41:00Z"))

    /// One run every 97 seconds from `day0` until past `now`: `api` (checks a and b) is down on both checks
    /// from 13:00 to 15:00 on day 0 and otherwise mostly up with seeded flaps; `web` (check home) is missed by
    /// some runs and degraded or down now and then. Every result is timed at its run's start.
    static func history() -> [(ProbeRun, [CheckResult])] {
        var random = SeededGenerator(state: 14)
        let outage = Span(start: Fixture.at("2026-11-20T13:00:00Z"), end: Fixture.at("2026-11-20T15:00:00Z"))
        return (0..<1_830).map { index in
            let at = day0.addingTimeInterval(Double(index) * 97)
            var results: [CheckResult] = []
            for check in ["a", "b"] {
                let roll = Int.random(in: 0..<40, using: &random)
                let status: CheckStatus = outage.contains(at) ? .down : roll == 0 ? .down : roll == 1 ? .degraded : .up
                results.append(Fixture.result("api", check, status, at: at))
            }
            let roll = Int.random(in: 0..<30, using: &random)
            if roll != 0 {
                results.append(Fixture.result("web", "home", roll == 1 ? .down : roll == 2 ? .degraded : .up, at: at))
            }
            return (ProbeRun(startedAt: at, durationMs: 900, location: "default"), results)
        }
    }

    static func content() -> SiteContent {
        SiteContent(
            incidents: [
                Fixture.incident("pool", impact: .major, components: [ComponentReference(id: "api"), ComponentReference(id: "web")],
                                 start: incidentSpan.start, resolved: incidentSpan.end),
            ],
            maintenance: [Fixture.maintenance("db-upgrade", components: ["api"], from: maintenanceWindow.start,
                                              until: maintenanceWindow.end)])
    }

    static func config(timezone: TimeZone) -> SiteConfig {
        Fixture.config(components: [Fixture.component("api", checks: ["a", "b"]), Fixture.component("web", checks: ["home"])],
                       timezone: timezone, historyDays: 3)
    }

    /// `swapped`: every 200th run is appended after the one following it, so ids and times disagree there.
    static func model(timezone: TimeZone, now: Date = now, swapped: Bool = false) throws -> (SiteModel, [(runID: Int64, result: CheckResult)]) {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        var runs = history()
        if swapped {
            for index in stride(from: 0, to: runs.count - 1, by: 200) { runs.swapAt(index, index + 1) }
        }
        for (run, results) in runs { try store.append(run, results: results) }
        let snapshot = try store.snapshot(now: now, days: 91)
        let model = SiteModelBuilder.build(config: config(timezone: timezone), snapshot: snapshot, content: content(), now: now)
        return (model, try StoreFixtures.rawResults(store))
    }

    @Test(arguments: [("UTC", false), ("Asia/Kolkata", false), ("America/St_Johns", false), ("UTC", true)])
    func windowsAndDailyBarsEqualTheHandCount(zone: String, swapped: Bool) throws {
        let timezone = try #require(TimeZone(identifier: zone))
        let (model, raw) = try Self.model(timezone: timezone, swapped: swapped)
        let content = Self.content()
        for componentID in ["api", "web"] {
            let component = try #require(model.component(componentID))
            let hand = HandCount(raw: raw, componentID: componentID, content: content)
            #expect(hand.uptime(Span(start: Self.now.addingTimeInterval(-86_400), end: Self.now))?.isClose(to: component.uptime.h24) == true,
                    "\(componentID) 24h: \(String(describing: component.uptime.h24))")
            #expect(hand.uptime(Span(start: Self.now.addingTimeInterval(-7 * 86_400), end: Self.now))?.isClose(to: component.uptime.d7) == true,
                    "\(componentID) 7d: \(String(describing: component.uptime.d7))")
            #expect(component.daily.count == 3)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timezone
            for bar in component.daily {
                let dayEnd = min(Self.now, calendar.date(byAdding: .day, value: 1, to: bar.start) ?? Self.now)
                let expected = hand.uptime(Span(start: bar.start, end: dayEnd))
                if let expected {
                    #expect(expected.isClose(to: bar.uptime), "\(componentID) \(bar.date): \(String(describing: bar.uptime)) vs \(expected)")
                } else {
                    #expect(bar.uptime == nil, "\(componentID) \(bar.date)")
                }
            }
        }
    }

    /// The headline: a component down exactly while maintenance from 13:22 to 14:22 runs, probed every
    /// minute, is at 100 % for the day and the last 24 hours (by the hour it showed about 98 %).
    @Test func downOnlyDuringMaintenanceIsAHundredPercent() throws {
        let folder = try TemporaryFolder()
        let store = try ResultStore.open(at: folder.file("sitrep.sqlite"))
        for minute in 0..<(24 * 60) {
            let at = Self.day0.addingTimeInterval(Double(minute) * 60)
            let status: CheckStatus = Self.maintenanceWindow.contains(at) ? .down : .up
            try store.append(ProbeRun(startedAt: at, durationMs: 900, location: "default"),
                             results: [Fixture.result("api", "a", status, at: at), Fixture.result("api", "b", status, at: at)])
        }
        let now = Self.day0.addingTimeInterval(86_400)
        let content = SiteContent(maintenance: [Fixture.maintenance("db-upgrade", from: Self.maintenanceWindow.start,
                                                                    until: Self.maintenanceWindow.end)])
        let model = SiteModelBuilder.build(config: Fixture.config(components: [Fixture.component("api", checks: ["a", "b"])]),
                                           snapshot: try store.snapshot(now: now, days: 91), content: content, now: now)
        let api = try #require(model.component("api"))
        #expect(api.uptime.h24 == 100)
        #expect(api.daily.first { $0.date == "2026-11-20" }?.uptime == 100)
    }

    /// A window whose edges fall at odd minutes (a `--now` of 18:43 and 09:07-09:41 incident) is cut exactly.
    @Test func incidentAtOddMinutesRaisesExactlyItsObservations() throws {
        let now = Fixture.at("2026-11-21T09:59:00Z")
        let (model, raw) = try Self.model(timezone: .gmt, now: now)
        let web = try #require(model.component("web"))
        let hand = HandCount(raw: raw, componentID: "web", content: Self.content())
        let h24 = try #require(hand.uptime(Span(start: now.addingTimeInterval(-86_400), end: now)))
        #expect(h24.isClose(to: web.uptime.h24), "\(String(describing: web.uptime.h24)) vs \(h24)")
        // The incident's 34 minutes in partial outage (weight 0.3) are in the figure.
        let withoutIncident = HandCount(raw: raw, componentID: "web", content: SiteContent())
            .uptime(Span(start: now.addingTimeInterval(-86_400), end: now))
        #expect(withoutIncident.map { $0 > h24 } == true)
    }
}

/// The reference: the raw results one by one. A run's results for a component make one observation at their time;
/// all checks down is a major outage, some down a partial outage, any degraded degraded performance. Inside a
/// maintenance window the observation is left out unless an incident open then asks for a status; an incident
/// raises it to at least its status. Uptime is 100 × (1 − Σ weight / observations).
struct HandCount {
    let observations: [(at: Date, status: ComponentStatus)]
    let maintenance: [Span]
    let raises: [(span: Span, status: ComponentStatus)]

    init(raw: [(runID: Int64, result: CheckResult)], componentID: String, content: SiteContent) {
        var byRun: [Int64: [CheckResult]] = [:]
        for (runID, result) in raw where result.componentID == componentID { byRun[runID, default: []].append(result) }
        observations = byRun.keys.sorted().compactMap { runID in
            guard let results = byRun[runID], let first = results.first else { return nil }
            let down = results.filter { $0.status == .down }.count
            let status: ComponentStatus = down == results.count ? .majorOutage : down > 0 ? .partialOutage
                : results.contains { $0.status == .degraded } ? .degradedPerformance : .operational
            return (first.at, status)
        }
        maintenance = content.maintenance.filter { $0.components.contains { $0.id == componentID } }
            .map { Span(start: $0.scheduledFor, end: $0.scheduledUntil) }
        raises = content.incidents.compactMap { incident in
            guard incident.components.contains(where: { $0.id == componentID }) else { return nil }
            let status: ComponentStatus = switch incident.impact {
            case .critical: .majorOutage
            case .major: .partialOutage
            case .minor: .degradedPerformance
            case .none: .operational
            }
            return (Span(start: incident.startedAt, end: incident.resolvedAt ?? .distantFuture), status)
        }
    }

    func uptime(_ window: Span) -> Double? {
        let weights: [ComponentStatus: Double] = [.majorOutage: 1.0, .partialOutage: 0.3]
        var observed = 0.0
        var lost = 0.0
        for (at, probed) in observations where window.start <= at && at < window.end {
            let raisedTo = raises.filter { $0.span.start <= at && at < $0.span.end }.map(\.status)
                .max { $0.severity < $1.severity }
            let inMaintenance = maintenance.contains { $0.start <= at && at < $0.end }
            let status: ComponentStatus
            if inMaintenance {
                guard let raisedTo, raisedTo != .operational else { continue }
                status = raisedTo
            } else {
                status = [probed, raisedTo ?? .operational].max { $0.severity < $1.severity } ?? probed
            }
            observed += 1
            lost += weights[status] ?? 0
        }
        return observed > 0 ? 100 * (1 - lost / observed) : nil
    }
}

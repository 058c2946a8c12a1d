import Foundation
import Testing
@testable import SitrepKit

@Suite("Model builder: component status now")
struct ModelBuilderComponentStatusTests {
    let now = Fixture.now

    func status(_ a: CheckStatus, _ b: CheckStatus, content: SiteContent = SiteContent()) -> ComponentModel? {
        let snapshot = Fixture.snapshot(latest: [Fixture.result("api", "a", a), Fixture.result("api", "b", b)])
        return Fixture.api(Fixture.build(snapshot: snapshot, content: content))
    }

    @Test("automatic status from the latest result of each check")
    func automatic() {
        #expect(status(.down, .down)?.status == .majorOutage)
        #expect(status(.down, .up)?.status == .partialOutage)
        #expect(status(.degraded, .up)?.status == .degradedPerformance)
        #expect(status(.down, .degraded)?.status == .partialOutage)
        #expect(status(.up, .up)?.status == .operational)
        #expect(status(.up, .up)?.automaticStatus == .operational)
        #expect(status(.down, .up)?.automaticStatus == .partialOutage)
        #expect(status(.up, .up)?.isStale == false)
        #expect(status(.up, .up)?.lastResultAt == now.addingTimeInterval(-60))
    }

    @Test("maintenance in progress gives under_maintenance; cancelled, past and future windows do not")
    func maintenance() {
        let hour: TimeInterval = 3600
        let running = Fixture.maintenance("m", from: now.addingTimeInterval(-hour), until: now.addingTimeInterval(hour))
        #expect(status(.down, .down, content: SiteContent(maintenance: [running]))?.status == .underMaintenance)
        #expect(status(.down, .down, content: SiteContent(maintenance: [running]))?.automaticStatus == .majorOutage)
        let cancelled = Fixture.maintenance("m", from: now.addingTimeInterval(-hour), until: now.addingTimeInterval(hour),
                                            cancelled: true)
        #expect(status(.up, .up, content: SiteContent(maintenance: [cancelled]))?.status == .operational)
        let ended = Fixture.maintenance("m", from: now.addingTimeInterval(-2 * hour), until: now)
        #expect(status(.up, .up, content: SiteContent(maintenance: [ended]))?.status == .operational)
        let other = Fixture.maintenance("m", components: ["web"], from: now.addingTimeInterval(-hour),
                                        until: now.addingTimeInterval(hour))
        #expect(status(.up, .up, content: SiteContent(maintenance: [other]))?.status == .operational)
    }

    @Test("an unresolved incident raises to at least its impact's status; a resolved one does not")
    func incidents() {
        func raised(_ impact: Impact, resolved: Date? = nil, _ a: CheckStatus = .up) -> ComponentStatus? {
            let incident = Fixture.incident("i", impact: impact, start: now.addingTimeInterval(-600), resolved: resolved)
            return status(a, .up, content: SiteContent(incidents: [incident]))?.status
        }
        #expect(raised(.critical) == .majorOutage)
        #expect(raised(.major) == .partialOutage)
        #expect(raised(.minor) == .degradedPerformance)
        #expect(raised(.none) == .operational)
        #expect(raised(.critical, resolved: now.addingTimeInterval(-60)) == .operational)
        // Raising never lowers: a component already partially out stays so under a minor incident.
        #expect(raised(.minor, .down) == .partialOutage)
    }

    @Test("an explicit status in the incident's map form raises to at least that status")
    func explicitStatus() {
        let incident = Fixture.incident("i", impact: .minor, components: [ComponentReference(id: "api", status: .majorOutage)],
                                        start: now.addingTimeInterval(-600))
        #expect(status(.up, .up, content: SiteContent(incidents: [incident]))?.status == .majorOutage)
    }

    @Test("an incident during maintenance shows on top of it")
    func incidentOverMaintenance() {
        let running = Fixture.maintenance("m", from: now.addingTimeInterval(-3600), until: now.addingTimeInterval(3600))
        let incident = Fixture.incident("i", impact: .major, start: now.addingTimeInterval(-600))
        let content = SiteContent(incidents: [incident], maintenance: [running])
        #expect(status(.up, .up, content: content)?.status == .partialOutage)
        let minor = Fixture.incident("i", impact: .minor, start: now.addingTimeInterval(-600))
        #expect(status(.up, .up, content: SiteContent(incidents: [minor], maintenance: [running]))?.status == .degradedPerformance)
    }

    @Test("stale after stale_after_s seconds without a result, not before")
    func stale() {
        func component(age: TimeInterval, content: SiteContent = SiteContent()) -> ComponentModel? {
            let at = now.addingTimeInterval(-age)
            let snapshot = Fixture.snapshot(latest: [Fixture.result("api", "a", .down, at: at),
                                                     Fixture.result("api", "b", .down, at: at)])
            return Fixture.api(Fixture.build(config: Fixture.config(staleAfterS: 900), snapshot: snapshot, content: content))
        }
        #expect(component(age: 900)?.isStale == false)
        #expect(component(age: 900)?.status == .majorOutage)
        let stale = component(age: 901)
        #expect(stale?.isStale == true)
        #expect(stale?.automaticStatus == nil)
        #expect(stale?.status == .operational)
        #expect(stale?.lastResultAt == now.addingTimeInterval(-901))
        let incident = Fixture.incident("i", impact: .major, start: now.addingTimeInterval(-600))
        #expect(component(age: 901, content: SiteContent(incidents: [incident]))?.status == .partialOutage)
        // Checks without any result at all are stale too.
        let none = Fixture.api(Fixture.build())
        #expect(none?.isStale == true)
        #expect(none?.lastResultAt == nil)
    }

    @Test("only recent results make the automatic status")
    func oldResultOfOneCheckIgnored() {
        let snapshot = Fixture.snapshot(latest: [Fixture.result("api", "a", .down, at: now.addingTimeInterval(-5000)),
                                                 Fixture.result("api", "b", .up)])
        let api = Fixture.api(Fixture.build(snapshot: snapshot))
        #expect(api?.status == .operational)
        #expect(api?.isStale == false)
        #expect(api?.lastResultAt == now.addingTimeInterval(-60))
    }

    @Test("a component without checks is operational and never stale")
    func noChecks() {
        let config = Fixture.config(components: [Fixture.component("api", checks: [])])
        let api = Fixture.api(Fixture.build(config: config))
        #expect(api?.status == .operational)
        #expect(api?.isStale == false)
        #expect(api?.automaticStatus == nil)
        #expect(api?.checks.isEmpty == true)
    }
}

import Foundation
import Testing
@testable import SitrepKit

@Suite("Model builder: checks, incidents, maintenance, groups")
struct ModelBuilderChecksAndContentTests {
    let now = Fixture.now

    @Test("a private check publishes neither target nor error text; a public one does, secrets redacted")
    func checkPrivacy() {
        let component = ComponentConfig(id: "api", name: "API", checks: [
            Fixture.check("api", "private"),
            Fixture.check("api", "public", isPublic: true, displayTarget: "https://api.acme.dev/health?key=${KEY}"),
            Fixture.check("api", "new"),
        ])
        let error = ProbeError(kind: .connect, message: "connect to 10.0.0.7 with key s3cr3t-value refused")
        let snapshot = Fixture.snapshot(latest: [Fixture.result("api", "private", .down, error: error),
                                                 Fixture.result("api", "public", .down, error: error)])
        let config = Fixture.config(components: [component], secrets: SecretRedactor([(name: "KEY", value: "s3cr3t-value")]))
        let checks = Fixture.api(Fixture.build(config: config, snapshot: snapshot))?.checks ?? []
        #expect(checks.map(\.id) == ["private", "public", "new"])
        #expect(checks[0].target == nil)
        #expect(checks[0].errorMessage == nil)
        #expect(checks[0].errorKind == .connect)
        #expect(checks[0].status == .down)
        #expect(checks[0].latencyMs == 42)
        #expect(checks[0].timings == PhaseTimings(connectMs: 40, totalMs: 42))
        #expect(checks[0].at == now.addingTimeInterval(-60))
        #expect(checks[1].target == "https://api.acme.dev/health?key=${KEY}")
        #expect(checks[1].errorMessage == "connect to 10.0.0.7 with key ${KEY} refused")
        #expect(checks[1].isPublic)
        #expect(checks[2].status == nil)
        #expect(checks[2].at == nil)
    }

    @Test("incidents: newest first, updates as safe HTML, derived times, affected components")
    func incidents() throws {
        let updates = [
            IncidentUpdate(at: Fixture.at("2026-11-20T10:00:00Z"), status: .resolved, message: "Fixed."),
            IncidentUpdate(at: Fixture.at("2026-11-20T09:40:00Z"), status: .monitoring, message: "Watching again."),
            IncidentUpdate(at: Fixture.at("2026-11-20T09:30:00Z"), status: .identified, message: "A **bad** deploy <script>x()</script>",
                           eta: Fixture.at("2026-11-20T11:00:00Z")),
            IncidentUpdate(at: Fixture.at("2026-11-20T09:20:00Z"), status: .monitoring, message: "Watching."),
            IncidentUpdate(at: Fixture.at("2026-11-20T09:00:00Z"), status: .investigating, message: "Looking."),
        ]
        let incident = Incident(
            id: "b-outage", title: "Outage", impact: .major,
            components: [ComponentReference(id: "api"), ComponentReference(id: "web", status: .majorOutage),
                         ComponentReference(id: "gone")],
            rootCause: "Pool", updates: updates, body: "Post**mortem**")
        let sameStart = Fixture.incident("a-same", impact: .none, start: Fixture.at("2026-11-20T09:00:00Z"))
        let older = Fixture.incident("z-older", impact: .minor, start: Fixture.at("2026-11-01T09:00:00Z"))
        let config = Fixture.config(components: [Fixture.component("api"), Fixture.component("web")])
        let model = Fixture.build(config: config, content: SiteContent(incidents: [older, incident, sameStart]))
        #expect(model.incidents.map(\.id) == ["a-same", "b-outage", "z-older"])
        let built = try #require(model.incident("b-outage"))
        #expect(built.status == .resolved)
        #expect(built.startedAt == Fixture.at("2026-11-20T09:00:00Z"))
        #expect(built.createdAt == built.startedAt)
        #expect(built.updatedAt == Fixture.at("2026-11-20T10:00:00Z"))
        #expect(built.resolvedAt == Fixture.at("2026-11-20T10:00:00Z"))
        #expect(built.monitoringAt == Fixture.at("2026-11-20T09:20:00Z"))
        #expect(built.rootCause == "Pool")
        #expect(built.updates.map(\.at) == updates.map(\.at))
        #expect(built.updates[2].eta == Fixture.at("2026-11-20T11:00:00Z"))
        #expect(built.updates[2].messageHTML.contains("<strong>bad</strong>"))
        #expect(!built.updates[2].messageHTML.contains("<script>"))
        #expect(built.bodyHTML?.contains("<strong>mortem</strong>") == true)
        #expect(built.components == [AffectedComponent(id: "api", name: "Name of api", status: .partialOutage),
                                     AffectedComponent(id: "web", name: "Name of web", status: .majorOutage)])
        let informational = try #require(model.incident("a-same"))
        #expect(informational.components.map(\.status) == [.operational])
        #expect(informational.body == nil)
        #expect(informational.bodyHTML == nil)
        #expect(informational.resolvedAt == nil)
        #expect(model.component("api")?.incidentIDs == ["a-same", "b-outage", "z-older"])
        #expect(model.component("web")?.incidentIDs == ["b-outage"])
    }

    @Test("maintenance: state by the clock or cancelled, components under maintenance, newest first")
    func maintenance() throws {
        let hour: TimeInterval = 3600
        let running = Maintenance(
            id: "running", title: "DB upgrade", components: [ComponentReference(id: "api"), ComponentReference(id: "gone")],
            scheduledFor: now.addingTimeInterval(-hour), scheduledUntil: now.addingTimeInterval(hour),
            updates: [MaintenanceUpdate(at: now.addingTimeInterval(-hour / 2), status: .verifying, message: "Checking _it_"),
                      MaintenanceUpdate(at: now.addingTimeInterval(-2 * hour), status: .scheduled, message: "Planned")],
            body: "\n")
        let future = Fixture.maintenance("future", from: now.addingTimeInterval(5 * hour), until: now.addingTimeInterval(6 * hour))
        let cancelled = Fixture.maintenance("cancelled", from: now.addingTimeInterval(-hour), until: now.addingTimeInterval(hour),
                                            cancelled: true)
        let past = Fixture.maintenance("past", from: now.addingTimeInterval(-9 * hour), until: now.addingTimeInterval(-8 * hour))
        let model = Fixture.build(content: SiteContent(maintenance: [past, running, cancelled, future]))
        #expect(model.maintenance.map(\.id) == ["future", "cancelled", "running", "past"])
        #expect(model.maintenance.map(\.state) == [.scheduled, .cancelled, .inProgress, .completed])
        let built = try #require(model.maintenanceWindow("running"))
        #expect(built.components == [AffectedComponent(id: "api", name: "Name of api", status: .underMaintenance)])
        #expect(built.updates.map(\.state) == [nil, .scheduled])
        #expect(built.updates[0].messageHTML.contains("<em>it</em>"))
        #expect(built.createdAt == now.addingTimeInterval(-2 * hour))
        #expect(built.updatedAt == now.addingTimeInterval(-hour / 2))
        #expect(built.bodyHTML == nil)
        #expect(model.maintenanceWindow("future")?.createdAt == now.addingTimeInterval(5 * hour))
        #expect(model.component("api")?.maintenanceIDs == ["future", "cancelled", "running", "past"])
    }

    @Test("groups and components keep config order; group status is the worst member's")
    func groups() {
        let config = Fixture.config(
            components: [Fixture.component("api", group: "core"), Fixture.component("solo"), Fixture.component("web", group: "core")],
            groups: [GroupConfig(id: "core", name: "Core"), GroupConfig(id: "empty", name: "Empty")])
        let snapshot = Fixture.snapshot(latest: [
            Fixture.result("api", "a", .up), Fixture.result("api", "b", .up),
            Fixture.result("web", "a", .down), Fixture.result("web", "b", .up),
            Fixture.result("solo", "a", .down), Fixture.result("solo", "b", .down),
        ])
        let model = Fixture.build(config: config, snapshot: snapshot)
        #expect(model.components.map(\.id) == ["api", "solo", "web"])
        #expect(model.components.map(\.position) == [1, 2, 3])
        #expect(model.components.map(\.groupID) == ["core", nil, "core"])
        #expect(model.groups == [GroupModel(id: "core", name: "Core", componentIDs: ["api", "web"], status: .partialOutage),
                                 GroupModel(id: "empty", name: "Empty", componentIDs: [], status: .operational)])
        #expect(model.component("api")?.name == "Name of api")
        #expect(model.component("api")?.description == "About api")
        #expect(model.generatedAt == Fixture.now)
        #expect(model.site.title == "Acme")
    }
}

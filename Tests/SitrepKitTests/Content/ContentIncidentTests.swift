import Foundation
import Testing
@testable import SitrepKit

@Suite struct ContentIncidentTests {
    static let full = """
        ---
        title: Elevated API error rates
        impact: major                      # none | minor | major | critical
        components: [api, web]
        root_cause: Connection pool exhaustion after a deploy
        updates:                           # newest first; at least one
          - at: 2026-11-20T11:02:00Z
            status: resolved
            message: Error rates are back to normal.
          - at: 2026-11-20T09:40:00Z
            status: identified
            eta: 2026-11-20T10:30:00Z
            message: |
              A bad deploy exhausted the **connection pool**. Rolling back.
          - at: 2026-11-20T09:15:00Z
            status: investigating
            message: We are seeing elevated 5xx rates on the API.
        ---

        Longer Markdown: timeline, postmortem.

        """

    @Test func parsesEveryField() throws {
        let (parsed, diagnostics) = parseIncident(Self.full)
        #expect(diagnostics.isEmpty)
        let incident = try #require(parsed)
        #expect(incident.id == "2026-11-20-api")
        #expect(incident.title == "Elevated API error rates")
        #expect(incident.impact == .major)
        #expect(incident.components == [ComponentReference(id: "api"), ComponentReference(id: "web")])
        #expect(incident.rootCause == "Connection pool exhaustion after a deploy")
        #expect(incident.updates.map(\.status) == [.resolved, .identified, .investigating])
        #expect(incident.updates.map(\.at) == [utc("2026-11-20T11:02:00Z"), utc("2026-11-20T09:40:00Z"), utc("2026-11-20T09:15:00Z")])
        #expect(incident.updates[1].eta == utc("2026-11-20T10:30:00Z"))
        #expect(incident.updates[0].eta == nil)
        #expect(incident.updates[1].message == "A bad deploy exhausted the **connection pool**. Rolling back.\n")
        #expect(incident.body == "Longer Markdown: timeline, postmortem.")
        #expect(incident.sourcePath == "incidents/2026-11-20-api.md")
    }

    @Test func derivesStartStatusAndResolution() throws {
        let incident = try #require(parseIncident(Self.full).0)
        #expect(incident.startedAt == utc("2026-11-20T09:15:00Z"))
        #expect(incident.updatedAt == utc("2026-11-20T11:02:00Z"))
        #expect(incident.status == .resolved)
        #expect(incident.isResolved)
        #expect(incident.resolvedAt == utc("2026-11-20T11:02:00Z"))
    }

    @Test func unresolvedIncidentHasNoResolutionTime() {
        let incident = Incident(id: "x", title: "X", impact: .minor, components: [], updates: [
            IncidentUpdate(at: utc("2026-11-20T10:00:00Z"), status: .monitoring, message: "watching"),
            IncidentUpdate(at: utc("2026-11-20T09:50:00Z"), status: .resolved, message: "fixed?"),
            IncidentUpdate(at: utc("2026-11-20T09:00:00Z"), status: .investigating, message: "looking"),
        ])
        #expect(incident.status == .monitoring)
        #expect(!incident.isResolved)
        #expect(incident.resolvedAt == nil)
        #expect(incident.startedAt == utc("2026-11-20T09:00:00Z"))
    }

    @Test func mapFormSetsExplicitComponentStatuses() throws {
        let text = Self.full.replacingOccurrences(of: "components: [api, web]", with: "components: {api: major_outage, web: degraded_performance}")
        let incident = try #require(parseIncident(text).0)
        #expect(incident.components == [ComponentReference(id: "api", status: .majorOutage),
                                        ComponentReference(id: "web", status: .degradedPerformance)])
        #expect(incident.componentStatus("api") == .majorOutage)
        #expect(incident.componentStatus("db") == nil)
    }

    @Test func listFormFallsBackToTheImpactsMinimum() throws {
        let incident = try #require(parseIncident(Self.full).0)
        #expect(incident.componentStatus("web") == .partialOutage)
        #expect(incident.names("api"))
        #expect(!incident.names("db"))
    }

    @Test func loaderReadsBothFoldersAndSortsNewestFirst() throws {
        let older = Self.full.replacingOccurrences(of: "2026-11-20T", with: "2026-10-20T")
        let fixture = try ContentFixture(
            incidents: ["2026-11-20-api.md": Self.full, "2026-10-20-api.md": older, "notes.txt": "ignored", "_draft.md": "ignored"],
            maintenance: ["db-upgrade.md": ContentMaintenanceTests.window])
        let (content, diagnostics) = fixture.load()
        #expect(diagnostics.isEmpty)
        #expect(content.incidents.map(\.id) == ["2026-11-20-api", "2026-10-20-api"])
        #expect(content.maintenance.map(\.id) == ["db-upgrade"])
        #expect(content.incident("2026-10-20-api")?.sourcePath == "incidents/2026-10-20-api.md")
    }

    /// A folder named like an incident is skipped; a symbolic link is read when it stays inside the content
    /// folder, and refused, with its name, when it leads out of it (it could point anywhere on the machine).
    @Test func loaderSkipsFoldersAndFollowsOnlyLinksInsideTheContentFolder() throws {
        let fixture = try ContentFixture(incidents: ["2026-11-20-api.md": Self.full])
        let incidents = fixture.root.appendingPathComponent("incidents")
        try FileManager.default.createDirectory(at: incidents.appendingPathComponent("folder.md"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(at: incidents.appendingPathComponent("link.md"),
                                                   withDestinationURL: incidents.appendingPathComponent("2026-11-20-api.md"))
        let (content, diagnostics) = fixture.load()
        #expect(diagnostics.isEmpty)
        #expect(Set(content.incidents.map(\.id)) == ["2026-11-20-api", "link"])

        let leaking = try ContentFixture(incidents: ["2026-11-20-api.md": Self.full])
        let outside = leaking.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).md")
        try Data(Self.full.utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: leaking.root.appendingPathComponent("incidents/out.md"), withDestinationURL: outside)
        let (_, refused) = leaking.load()
        #expect(refused.map(\.path) == ["incidents/out.md"])
        #expect(refused.first?.message.contains("outside the content folder") == true)
    }

    @Test func missingFoldersAreEmptyContent() {
        let (content, diagnostics) = ContentLoader.load(
            directory: URL(fileURLWithPath: "/nonexistent/sitrep-\(UUID().uuidString)"), knownComponents: [], timeZone: .gmt) { $0.path }
        #expect(content == SiteContent())
        #expect(diagnostics.isEmpty)
    }

    @Test func crlfFilesParseLikeLFFiles() throws {
        let crlf = Self.full.replacingOccurrences(of: "\n", with: "\r\n")
        let (parsed, diagnostics) = parseIncident(crlf)
        #expect(diagnostics.isEmpty)
        #expect(parsed?.updates.count == 3)
    }
}

import Foundation
import Testing
@testable import SitrepKit

/// SPEC.md's status semantics through the whole pipeline, as a user runs it: real checks against loopback
/// endpoints, content files, `sitrep probe`, then `sitrep build`, read back from the published JSON.
@Suite("Status semantics end to end")
struct StatusSemanticsEndToEndTests {
    @Test func downDegradedMaintenanceAndIncidentReachSummaryJSONAndTheOwnAPI() throws {
        let server = try ProbeFixtures.server()
        let config = """
        site: {title: End to end, url: "https://status.e2e.test", refresh_seconds: 0}
        probe: {timeout_ms: 3000, retries: 0}
        groups:
          - {id: core, name: Core}
        components:
          - id: api
            name: API
            group: core
            checks: [{id: health, type: http, url: "\(server.http("/status/500"))"}]
          - id: web
            name: Website
            group: core
            checks: [{id: home, type: http, url: "\(server.http("/slow?ms=400"))", expect: {max_response_ms: 100}}]
          - id: db
            name: Database
            checks: [{id: ok, type: http, url: "\(server.http("/ok"))"}]
          - id: search
            name: Search
            checks: [{id: ok, type: http, url: "\(server.http("/ok"))"}]
          - id: cdn
            name: CDN
            checks: [{id: ok, type: http, url: "\(server.http("/ok"))"}]
        """
        let site = try FixtureSite(config: config)
        defer { site.remove() }
        let now = Date()
        func at(_ minutes: Double) -> String { Timestamp.json(now.addingTimeInterval(minutes * 60)) }
        try site.write("content/maintenance/db-upgrade.md", """
        ---
        title: Database upgrade
        components: [db]
        scheduled_for: \(at(-60))
        scheduled_until: \(at(60))
        ---
        """)
        try site.write("content/incidents/search-errors.md", """
        ---
        title: Search errors
        impact: major
        components: [search]
        updates:
          - at: \(at(-20))
            status: investigating
            message: Searches fail for some users.
        ---
        """)

        let probe = try site.run("probe", "--json")
        #expect(probe.status == 0, "\(probe.stderr)")
        let build = try site.run("build")
        #expect(build.status == 0, "\(build.stderr)")

        func json(_ path: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(site.read("site/" + path).utf8)) as? [String: Any])
        }
        func statuses(_ document: [String: Any]) -> [String: String] {
            let components = document["components"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: components.compactMap { component in
                (component["id"] as? String).map { ($0, component["status"] as? String ?? "?") }
            })
        }
        let expected = [
            "api": "major_outage",               // its only check is down
            "web": "degraded_performance",       // slower than max_response_ms
            "db": "under_maintenance",           // a window in progress names it
            "search": "partial_outage",          // an open major incident raises it
            "cdn": "operational",
        ]
        let summary = try json("api/v2/summary.json")
        var v2 = statuses(summary)
        #expect(v2.removeValue(forKey: "core") == "major_outage", "a group shows its worst member")
        #expect(v2 == expected)
        let indicator = try #require(summary["status"] as? [String: Any])
        #expect(indicator["indicator"] as? String == "major")
        #expect(indicator["description"] as? String == "Partial System Outage")
        #expect((summary["incidents"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["search-errors"])
        #expect((summary["scheduled_maintenances"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["in_progress"])

        let own = try json("api/v1/status.json")
        #expect(statuses(own) == expected)
        #expect((own["components"] as? [[String: Any]])?.allSatisfy { $0["stale"] as? Bool == false } == true)
        let index = try site.read("site/index.html")
        #expect(index.contains("Partial System Outage"))
    }
}

import Foundation
import Testing
@testable import SitrepKit

/// Uptime a reader can take at face value, as a user meets it: a young store, a component without checks,
/// `sitrep build`, the published pages and JSON read back.
@Suite("Uptime: what the figures cover")
struct UptimeCoverageTests {
    static let config = """
    site:
      title: Young Site
      url: https://status.young.test
      refresh_seconds: 0
    components:
      - id: api
        name: API
        checks:
          - {id: health, type: tcp, host: 127.0.0.1, port: 1}
      - {id: docs, name: Documentation}
    """

    /// A site whose first probe ran at 19:17 (two runs, 19:17 and 19:27), built at 19:37; the component
    /// without checks had a major incident (partial outage) from 19:07 to 19:17.
    static func site() throws -> FixtureSite {
        let site = try FixtureSite(config: config)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("data"), withIntermediateDirectories: true)
        let store = try ResultStore.open(at: site.root.appendingPathComponent("data/sitrep.sqlite"))
        for minute in ["19:17", "19:27"] {
            let at = try #require(Timestamp.parse("2026-12-06T\(minute):00Z"))
            try store.append(ProbeRun(startedAt: at, durationMs: 5), results: [
                CheckResult(componentID: "api", checkID: "health", type: .tcp, at: at, status: .up, latencyMs: 3,
                            httpStatus: nil, timings: nil, error: nil),
            ])
        }
        try site.write("content/incidents/docs-down.md", """
        ---
        title: Docs unreachable
        impact: major
        components: [docs]
        updates:
          - at: 2026-12-06T19:17:00Z
            status: resolved
            message: Back.
          - at: 2026-12-06T19:07:00Z
            status: investigating
            message: The docs do not load.
        ---
        """)
        return site
    }

    @Test func aYoungSiteSaysSinceWhenAndAComponentWithoutChecksHasUptime() throws {
        let site = try Self.site()
        defer { site.remove() }
        let build = try site.run("build", "--now", "2026-12-06T19:37:00Z")
        #expect(build.status == 0, "\(build.stderr)")

        let own = try #require(try JSONSerialization.jsonObject(with: Data(site.read("site/api/v1/status.json").utf8)) as? [String: Any])
        let components = own["components"] as? [[String: Any]] ?? []
        let api = try #require(components.first { $0["id"] as? String == "api" })
        let docs = try #require(components.first { $0["id"] as? String == "docs" })
        // The data begins at the first result, 19:17 (the time of its probe run), not the hour or midnight.
        #expect(api["uptime_since"] as? String == "2026-12-06T19:17:00.000Z")
        #expect((api["uptime"] as? [String: Any])?["90d"] as? Double == 100)
        // docs: counted since the earlier of the site's first observation (19:17) and its incident (19:07):
        // 30 minutes, 10 of them at weight 0.3.
        let lost: Double = 10 * 0.3 / 30
        let expected: Double = ((1 - lost) * 100_000).rounded() / 1000
        #expect((docs["uptime"] as? [String: Any])?["24h"] as? Double == expected)
        #expect(docs["uptime_since"] as? String == "2026-12-06T19:07:00.000Z")
        let component = try #require(try JSONSerialization.jsonObject(
            with: Data(site.read("site/api/v1/components/api.json").utf8)) as? [String: Any])
        #expect(component["uptime_since"] as? String == "2026-12-06T19:17:00.000Z")

        // api/v2 keeps its shape; created_at is the first result, not midnight.
        let v2 = try site.read("site/api/v2/components.json")
        #expect(!v2.contains("uptime_since"))
        let v2Components = try #require(try JSONSerialization.jsonObject(with: Data(v2.utf8)) as? [String: Any])["components"] as? [[String: Any]]
        #expect(v2Components?.first { $0["id"] as? String == "api" }?["created_at"] as? String == "2026-12-06T19:17:00.000Z")

        let index = try site.read("site/index.html")
        let since = "<span class=\"uptime-since\">since <time datetime=\"2026-12-06T19:17:00Z\">6 Dec 2026, 19:17 UTC</time></span>"
        let docsSince = "<span class=\"uptime-since\">since <time datetime=\"2026-12-06T19:07:00Z\">6 Dec 2026, 19:07 UTC</time></span>"
        #expect(index.contains("<dt>90 days</dt><dd>100%" + since + "</dd>") || index.contains("<dt>90 days</dt><dd>100% " + since + "</dd>"),
                "the 90-day cell says since when")
        #expect(index.contains("<dd>90.00% " + docsSince + "</dd>"), "docs has uptime from its declared incident")
        #expect(try site.read("site/components/api.html").contains("<dt>30 days</dt><dd>100% " + since + "</dd>"))
    }
}

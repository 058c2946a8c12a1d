import Foundation
import Testing
@testable import SitrepKit

/// The refresh script as a reader meets it: a site built by the `sitrep` binary, open in headless Chromium,
/// rebuilt underneath; the open page must end up as a fresh load of the new build shows it.
@Suite("live refresh in a browser", .serialized)
struct LiveRefreshBrowserTests {
    /// The CLI tests' site (checks that fail at once, offline), refreshing every second.
    static let config = CLITests.offlineConfig.replacingOccurrences(of: "refresh_seconds: 0", with: "refresh_seconds: 1")

    static func incident(started: Date, resolved: Date?) -> String {
        let resolvedUpdate = resolved.map { "  - at: \(Timestamp.seconds($0))\n    status: resolved\n    message: The API is back.\n" } ?? ""
        return """
        ---
        title: API unreachable
        impact: critical
        components: [api]
        updates:
        \(resolvedUpdate)  - at: \(Timestamp.seconds(started))
            status: investigating
            message: The API does not answer.
        ---

        """
    }

    /// From `<body` to `</body>`, and the title: what a reader sees of the page.
    static func shown(_ dom: String) -> String {
        guard let title = dom.range(of: "<title>"), let start = dom.range(of: "<body"), let end = dom.range(of: "</body>", options: .backwards)
        else { return "" }
        return String(dom[title.lowerBound..<(dom.range(of: "</title>")?.upperBound ?? title.upperBound)]) + "\n"
            + String(dom[start.lowerBound..<end.upperBound])
    }

    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"))
    func anOpenPageEndsUpAsAFreshLoadOfTheNewBuild() throws {
        let chromium = try #require(BrowserTests.chromium)
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        let scratch = try ScratchFolder("live-refresh")
        defer { scratch.remove() }

        // Build A: fresh results (every check down), the API in an open critical incident.
        let probed = Date()
        let first = probed.addingTimeInterval(60)
        #expect(try site.run("probe").status == 0)
        try site.write("content/incidents/2026-01-01-api.md", Self.incident(started: probed.addingTimeInterval(-600), resolved: nil))
        let buildA = try site.run("build", "--now", Timestamp.seconds(first))
        #expect(buildA.status == 0, "\(buildA.stderr)")
        let pageA = try site.read("site/index.html")
        let markerA = try site.read("site/api/v1/build.json")

        let server = try LocalHTTPServer(directory: site.root.appendingPathComponent("site"), scratch: scratch.url)
        defer { server.stop() }
        let open = try RunningChromium(chromium, arguments: BrowserTests.dumpingDOM(
            of: "\(server.baseURL)index.html", profile: scratch.url.appendingPathComponent("profile-open"), budget: 6000),
            scratch: scratch.url, name: "open")
        // The page polled the marker once and its second poll is held: the page is open, showing build A.
        var polled = false
        for _ in 0..<600 where !polled && open.process.isRunning {
            polled = server.requests.components(separatedBy: "GET /api/v1/build.json").count - 1 >= 2
            if !polled { usleep(100_000) }
        }
        #expect(polled, "the open page polls api/v1/build.json; requests: \(server.requests)")

        // Build B underneath: two hours on (the API's result is stale), the incident resolved.
        try site.write("content/incidents/2026-01-01-api.md",
                       Self.incident(started: probed.addingTimeInterval(-600), resolved: probed.addingTimeInterval(3600)))
        let buildB = try site.run("build", "--now", Timestamp.seconds(probed.addingTimeInterval(7200)))
        #expect(buildB.status == 0, "\(buildB.stderr)")
        server.openGate()
        let refreshed = open.finish()

        let fresh = try BrowserTests.runChromium(chromium, arguments: BrowserTests.dumpingDOM(
            of: "\(server.baseURL)index.html", profile: scratch.url.appendingPathComponent("profile-fresh"), budget: 2000),
            scratch: scratch.url)

        // The two builds really differ in what the test is about.
        let pageB = try site.read("site/index.html")
        #expect(pageA.contains("Active incidents") && !pageB.contains("Active incidents"))
        #expect(!pageA.contains("<p class=\"stale-note\">") && pageB.contains("<p class=\"stale-note\">"))
        #expect(try site.read("site/api/v1/build.json") != markerA)
        #expect(server.requests.contains("GET /index.html\n"), "the open page fetched itself again")

        let expected = Self.shown(fresh.stdout)
        #expect(expected.contains("No recent data"))
        #expect(Self.shown(refreshed.stdout) == expected)
        #expect(BrowserTests.consoleLines(refreshed.stderr).isEmpty, "\(BrowserTests.consoleLines(refreshed.stderr))")
        #expect(BrowserTests.consoleLines(fresh.stderr).isEmpty, "\(BrowserTests.consoleLines(fresh.stderr))")
    }

    @Test(.enabled(if: RequiredTool.runs(BrowserTests.chromium), "chromium is not installed: `make test-deps` installs it"))
    func aPageOpenedFromDiskStaysQuiet() throws {
        let chromium = try #require(BrowserTests.chromium)
        let site = try FixtureSite(config: Self.config)
        defer { site.remove() }
        let scratch = try ScratchFolder("live-refresh-file")
        defer { scratch.remove() }
        let build = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        let page = site.root.appendingPathComponent("site/index.html")
        let run = try BrowserTests.runChromium(chromium, arguments: BrowserTests.dumpingDOM(
            of: page.absoluteString, profile: scratch.url.appendingPathComponent("profile"), budget: 3000), scratch: scratch.url)
        #expect(run.stdout.contains("data-refresh=\"1\""), "the script is on the page")
        #expect(Self.shown(run.stdout).contains("Fixture Status"))
        #expect(BrowserTests.consoleLines(run.stderr).isEmpty, "\(BrowserTests.consoleLines(run.stderr))")
    }
}

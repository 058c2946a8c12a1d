import Foundation
import Testing

/// `sitrep run`, the cron entry point, publishes even when a content file does not validate (the page must not
/// freeze on a typo); `sitrep build`, what a pull request runs, stays strict.
@Suite("run with content problems", .serialized)
struct RunWithContentProblemsTests {
    static let incident = CLITests.minorIncident

    @Test func runPublishesWithoutTheBadFileAndExits3WhileBuildPublishesNothing() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        // A valid site, built before any probe: its incident page is published.
        try site.write("content/incidents/2026-11-20-slow-api.md", Self.incident)
        let first = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(first.status == 0, "\(first.stderr)")
        let before = try site.tree("site")
        let incidentPage = try #require(before["incidents/2026-11-20-slow-api.html"])
        #expect(!String(decoding: try #require(before["api/v2/summary.json"]), as: UTF8.self).contains("major_outage"))

        // A typo merged into that incident, and a new valid one beside it.
        try site.write("content/incidents/2026-11-20-slow-api.md", Self.incident.replacingOccurrences(of: "impact: minor", with: "impact: minr"))
        try site.write("content/incidents/2026-11-21-new.md", Self.incident.replacingOccurrences(of: "Slow API", with: "Second look"))
        let check = try site.run("check")
        #expect(check.status == 1)
        let problems = check.stderr.split(separator: "\n").filter { $0.hasPrefix("content/") }
        #expect(!problems.isEmpty)

        // `build` refuses and publishes nothing.
        let build = try site.run("build", "--now", "2026-11-24T12:00:00Z")
        #expect(build.status == 1)
        for problem in problems { #expect(build.stderr.contains(problem)) }
        #expect(try site.tree("site") == before)

        // `run` probes, publishes the new status without the bad file, prints every problem as `check` does, exits 3.
        let run = try site.run("run")
        #expect(run.status == 3, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stdout.contains("Built"), "\(run.stdout)")
        for problem in problems { #expect(run.stderr.contains(problem), "\(run.stderr)") }
        #expect(run.stderr.contains("published without the content files that have problems"))
        let after = try site.tree("site")
        #expect(String(decoding: try #require(after["api/v2/summary.json"]), as: UTF8.self).contains("major_outage"),
                "the probe's results are published")
        #expect(after["incidents/2026-11-21-new.html"] != nil, "valid content is published")
        #expect(after["incidents/2026-11-20-slow-api.html"] == incidentPage, "the bad file's published page is kept as it was")
        let index = String(decoding: try #require(after["index.html"]), as: UTF8.self)
        #expect(index.contains("Second look"))
        #expect(!index.contains("Slow API"), "the page says nothing from the file it could not read")
        #expect(after["api/v1/build.json"] != before["api/v1/build.json"])
    }

    @Test func runStillStopsOnTemplateProblems() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        #expect(try site.run("build", "--now", "2026-11-23T12:00:00Z").status == 0)
        let before = try site.tree("site")
        try site.write("templates/pages/index.mustache", "{{#broken}} never closed")
        let run = try site.run("run")
        #expect(run.status == 1)
        #expect(run.stderr.contains("templates/pages/index.mustache"))
        #expect(try site.tree("site") == before)
    }
}

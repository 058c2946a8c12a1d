import Foundation
import Testing

/// `sitrep build` when nothing changed since the last build: it leaves the site alone and says so; any
/// change to an input, or to the published folder itself, makes it build again.
@Suite("build: nothing changed", .serialized)
struct IncrementalBuildTests {
    static let now = "2026-11-23T12:00:00Z"

    static let config = CLITests.offlineConfig

    static let incident = """
    ---
    title: Slow logins
    impact: minor
    components: [api]
    updates:
      - at: 2026-11-23T10:00:00Z
        status: investigating
        message: Logins take longer than usual.
    ---
    """

    /// A probed fixture site built once at `now`.
    private func builtSite() throws -> FixtureSite {
        let site = try FixtureSite(config: Self.config)
        try site.write("content/incidents/2026-11-23-slow-logins.md", Self.incident)
        #expect(try site.run("probe").status == 0)
        let first = try build(site)
        #expect(first.stdout.hasPrefix("Built"), "\(first.stdout)\(first.stderr)")
        return site
    }

    private func build(_ site: FixtureSite, now: String = now) throws -> SitrepProcess.Outcome {
        let outcome = try site.run("build", "--now", now)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome
    }

    /// Inode of every file below the site: a rewritten file gets a new one.
    private func inodes(_ site: FixtureSite) throws -> [String: Int] {
        var found: [String: Int] = [:]
        let base = site.root.appendingPathComponent("site").standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: base + "/" + path)
            found[path] = (attributes[.systemFileNumber] as? NSNumber)?.intValue
        }
        return found
    }

    @Test func aSecondBuildOfTheSameInputsWritesNothing() throws {
        let site = try builtSite()
        defer { site.remove() }
        let tree = try site.tree("site")
        let files = try inodes(site)
        #expect(tree.count > 10)
        let again = try build(site)
        #expect(again.stdout.hasPrefix("Up to date: site already holds the build of these inputs (\(tree.count) files: "),
                "\(again.stdout)")
        #expect(again.stdout.contains("2 components, 1 incident"))
        #expect(try site.tree("site") == tree)
        #expect(try inodes(site) == files)
        // The stamp lives beside the site, never inside it where the static host would serve it.
        #expect(site.exists(".site.build-stamp"))
        #expect(tree.keys.allSatisfy { !$0.contains("stamp") })
    }

    @Test func editingContentTemplatesOrConfigBuildsAgain() throws {
        let site = try builtSite()
        defer { site.remove() }
        try site.write("content/incidents/2026-11-23-slow-logins.md",
                       Self.incident.replacingOccurrences(of: "Slow logins", with: "Very slow logins"))
        #expect(try build(site).stdout.hasPrefix("Built"))
        #expect(try site.read("site/index.html").contains("Very slow logins"))
        #expect(try build(site).stdout.hasPrefix("Up to date"))

        let footer = try site.read("templates/partials/footer.mustache")
        try site.write("templates/partials/footer.mustache", footer + "<p>Edited footer</p>\n")
        #expect(try build(site).stdout.hasPrefix("Built"))
        #expect(try site.read("site/history.html").contains("Edited footer"))

        let config = try site.read("sitrep.yml")
        try site.write("sitrep.yml", config.replacingOccurrences(of: "Fixture Status", with: "Renamed Status"))
        #expect(try build(site).stdout.hasPrefix("Built"))
        #expect(try site.read("site/index.html").contains("Renamed Status"))
    }

    @Test func aNewProbeRunOrAnotherNowBuildsAgain() throws {
        let site = try builtSite()
        defer { site.remove() }
        // A build never shows results from after its now, so both runs are published at a now after them.
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(600))
        #expect(try build(site, now: later).stdout.hasPrefix("Built"))
        let before = try site.read("site/api/v1/status.json")
        #expect(try site.run("probe").status == 0)
        #expect(try build(site, now: later).stdout.hasPrefix("Built"))
        #expect(try site.read("site/api/v1/status.json") != before, "the new run's results are published")
        #expect(try build(site, now: "2026-11-23T12:01:00Z").stdout.hasPrefix("Built"))
        #expect(try site.read("site/index.html").contains("2026-11-23T12:01:00"))
    }

    @Test func aSiteChangedByHandIsBuiltAgain() throws {
        let site = try builtSite()
        defer { site.remove() }
        let tree = try site.tree("site")
        try site.write("site/index.html", "defaced")
        #expect(try build(site).stdout.hasPrefix("Built"))
        #expect(try site.tree("site") == tree)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site/badges"))
        try site.write("site/stray.txt", "left by hand")
        #expect(try build(site).stdout.hasPrefix("Built"))
        #expect(try site.tree("site") == tree)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site"))
        #expect(try build(site).stdout.hasPrefix("Built"))
        #expect(try site.tree("site") == tree)
    }

    @Test func aFailedBuildIsNeverTakenForUpToDate() throws {
        let site = try builtSite()
        defer { site.remove() }
        let tree = try site.tree("site")
        let index = try site.read("templates/pages/index.mustache")
        try site.write("templates/pages/index.mustache", "{{#broken}} never closed")
        #expect(try site.run("build", "--now", Self.now).status == 1)
        try site.write("templates/pages/index.mustache", index)
        // The inputs are those of the first build again, and the site is untouched: nothing to do.
        #expect(try build(site).stdout.hasPrefix("Up to date"))
        #expect(try site.tree("site") == tree)
    }
}

import Foundation
import Testing

/// Hostile and mistaken paths, as a user meets them through the built binary: an output folder that would
/// swallow the inputs, symbolic links out of content/ and templates/, unreadable content folders, leftover
/// staging folders, incident ids and files that lead elsewhere, a database path that is a folder.
@Suite("Paths and links", .serialized)
struct PathSafetyTests {
    static let incident = CLITests.minorIncident

    /// A site in `repo/` (config, content, theme, a `.git` marker), with a marker file beside it in the fixture
    /// root, so that even `output: ..` stays inside the fixture. `paths` is written first: its keys are on
    /// lines 2, 3….
    static func nestedSite(paths: [String]) throws -> FixtureSite {
        let site = try FixtureSite(config: "# the fixture root's own file, which no build may delete\n", withTheme: false)
        let config = (paths.isEmpty ? "" : "paths:\n" + paths.map { "  \($0)\n" }.joined()) + CLITests.offlineConfig
        try site.write("repo/sitrep.yml", config)
        try site.write("repo/content/incidents/2026-11-20-slow-api.md", incident)
        try site.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        try FileManager.default.copyItem(at: SitrepProcess.packageRoot.appendingPathComponent("templates"),
                                         to: site.root.appendingPathComponent("repo/templates"))
        return site
    }

    static let inputs = ["sitrep.yml", "repo/sitrep.yml", "repo/.git/HEAD", "repo/content/incidents/2026-11-20-slow-api.md",
                         "repo/templates/pages/index.mustache"]

    func link(_ site: FixtureSite, _ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path,
                                                   withDestinationPath: destination)
    }

    /// `check`, or `build` with a pinned clock.
    func run(_ site: FixtureSite, _ command: String, now: String = "2026-11-23T12:00:00Z") throws -> SitrepProcess.Outcome {
        try SitrepProcess.run(command == "build" ? ["build", "--now", now] : [command], in: site.root)
    }

    func isLink(_ site: FixtureSite, _ path: String) -> Bool {
        var info = stat()
        return lstat(site.root.appendingPathComponent(path).path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    // MARK: - The output folder keeps clear of the inputs

    /// `paths` lines, and the line the refusal must point at.
    static let overlappingOutputs: [([String], Int)] = [
        (["output: ."], 2), (["output: .."], 2), (["output: content"], 2), (["output: templates"], 2),
        (["output: content/site"], 2), (["output: data"], 2), (["output: \"\""], 2),
        (["database: site/sitrep.sqlite"], 2), (["content: site/content"], 2), (["templates: site/theme"], 2),
    ]

    @Test("An output folder that is, holds or lies in an input is refused by check and build",
          arguments: overlappingOutputs)
    func overlappingOutputIsRefused(paths: [String], line: Int) throws {
        let site = try Self.nestedSite(paths: paths)
        defer { site.remove() }
        for command in ["check", "build"] {
            let outcome = try site.run(command, "--config", "repo/sitrep.yml")
            #expect(outcome.status == 1, "\(command) \(paths): \(outcome.stdout)")
            #expect(outcome.stderr.contains("repo/sitrep.yml:\(line):"), "\(command) \(paths): \(outcome.stderr)")
            #expect(outcome.stderr.contains("'paths.output'"), "\(command) \(paths): \(outcome.stderr)")
            for input in Self.inputs { #expect(site.exists(input), "\(command) \(paths) deleted \(input)") }
        }
    }

    @Test func runRefusesBeforeProbingAndAnOutputLinkToTheSiteFolderIsSeenThrough() throws {
        let site = try Self.nestedSite(paths: ["output: published"])
        defer { site.remove() }
        try link(site, "repo/published", to: ".")
        let outcome = try site.run("run", "--config", "repo/sitrep.yml")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("repo/sitrep.yml:2:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("'paths.output'") && outcome.stderr.contains("which leads to"), "\(outcome.stderr)")
        #expect(!site.exists("repo/data/sitrep.sqlite"), "run probed before refusing")
        for input in Self.inputs { #expect(site.exists(input), "run deleted \(input)") }
        #expect(try site.run("check", "--config", "repo/sitrep.yml").status == 1)
    }

    // MARK: - Links never lead out of templates/ and content/

    @Test func aTemplateLinkingOutOfTheThemeIsRefusedAndOneInsideIsFollowed() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("secret.txt", "SECRET-TOKEN-42")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates/partials/footer.mustache"))
        try link(site, "templates/partials/footer.mustache", to: site.root.appendingPathComponent("secret.txt").path)
        for command in ["check", "build"] {
            let outcome = try run(site, command)
            #expect(outcome.status == 1, "\(command): \(outcome.stdout)")
            #expect(outcome.stderr.contains("templates/partials/footer.mustache:1:1: this template is a symbolic link to"),
                    "\(command): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("SECRET"))
        }
        #expect(!site.exists("site"))

        // A link that stays inside the folder is read through, and so is a templates folder that is a link.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates/partials/footer.mustache"))
        try FileManager.default.copyItem(at: SitrepProcess.packageRoot.appendingPathComponent("templates/partials/footer.mustache"),
                                         to: site.root.appendingPathComponent("templates/footer-copy.mustache"))
        try link(site, "templates/partials/footer.mustache", to: "../footer-copy.mustache")
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("templates"),
                                         to: site.root.appendingPathComponent("shared-theme"))
        try link(site, "templates", to: "shared-theme")
        let build = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!(try site.read("site/index.html")).contains("SECRET"))
    }

    @Test func aContentFileLinkingOutOfContentIsRefusedAndOneInsideIsRead() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("elsewhere/2026-11-19-outside.md", Self.incident)
        try link(site, "content/incidents/2026-11-19-outside.md", to: "../../elsewhere/2026-11-19-outside.md")
        for command in ["check", "build"] {
            let outcome = try run(site, command)
            #expect(outcome.status == 1, "\(command): \(outcome.stdout)")
            #expect(outcome.stderr.contains("content/incidents/2026-11-19-outside.md:1:1: this file is a symbolic link to"),
                    "\(command): \(outcome.stderr)")
        }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/incidents/2026-11-19-outside.md"))
        try site.write("content/archive/2026-11-19-inside.md", Self.incident)
        try link(site, "content/incidents/2026-11-19-inside.md", to: "../archive/2026-11-19-inside.md")
        let build = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.exists("site/incidents/2026-11-19-inside.html"))
    }

    // MARK: - Unreadable content is an error, never an empty site

    @Test("A content folder that cannot be read fails the build and keeps the published incidents",
          arguments: ["incidents loop", "incidents dangling", "maintenance file", "content file"])
    func unreadableContentKeepsThePublishedSite(damage: String) throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("content/incidents/2026-11-20-slow-api.md", Self.incident)
        let first = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(first.status == 0, "\(first.stderr)")
        let published = try site.tree("site")
        #expect(published["incidents/2026-11-20-slow-api.html"] != nil)

        let broken: String
        switch damage {
        case "incidents loop":
            broken = "content/incidents"
            try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/incidents"),
                                             to: site.root.appendingPathComponent("incidents-aside"))
            try link(site, broken, to: "incidents")
        case "incidents dangling":
            broken = "content/incidents"
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/incidents"))
            try link(site, broken, to: "/nonexistent/sitrep-incidents")
        case "maintenance file":
            broken = "content/maintenance"
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/maintenance"))
            try site.write(broken, "not a folder")
        default:
            broken = "content"
            try FileManager.default.moveItem(at: site.root.appendingPathComponent("content"),
                                             to: site.root.appendingPathComponent("content-aside"))
            try site.write(broken, "not a folder")
        }
        for command in ["check", "build"] {
            let outcome = try run(site, command, now: "2026-11-24T12:00:00Z")
            #expect(outcome.status == 1, "\(damage), \(command): \(outcome.stdout)")
            #expect(outcome.stderr.contains("\(broken):1:1: expected"), "\(damage), \(command): \(outcome.stderr)")
        }
        #expect(try site.tree("site") == published)
    }

    // MARK: - The output folder as a symbolic link, and leftovers of killed builds

    @Test func anOutputLinkIsFollowedAndKept() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("www/status/old.html", "previous site")
        try link(site, "site", to: "www/status")
        for now in ["2026-11-23T12:00:00Z", "2026-11-24T12:00:00Z"] {
            let outcome = try site.run("build", "--now", now)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(isLink(site, "site"), "the link was replaced")
            #expect(site.exists("www/status/index.html"))
            #expect(!site.exists("www/status/old.html"))
            let strays = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
                +                 FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("www").path)
            #expect(strays.allSatisfy { !$0.contains(".tmp-") && !$0.contains(".old-") }, "\(strays)")
        }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site"))
        try link(site, "site", to: "nowhere")
        let dangling = try site.run("build", "--now", "2026-11-25T12:00:00Z")
        #expect(dangling.status == 1)
        #expect(dangling.stderr.contains("symbolic link that leads nowhere"), "\(dangling.stderr)")
        #expect(dangling.stderr.split(separator: "\n").count == 1, "\(dangling.stderr)")
    }

    @Test func leftoverStagingFoldersOfThisOutputAreRemovedWithoutFollowingLinks() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write(".site.tmp-0123abcd/index.html", "half a site")
        try site.write(".site.tmp-0123abcd/incidents/a.html", "half a site")
        try site.write(".site.old-89abcdef/index.html", "an old site")
        try site.write("keep/precious.txt", "not sitrep's")
        try link(site, ".site.tmp-deadbeef", to: "keep")
        try site.write(".site.tmp-notmine/file", "kept")
        try site.write(".site.tmp-0123abcd0/file", "kept")
        try site.write(".other.tmp-01234567/file", "kept")
        let outcome = try site.run("build", "--now", "2026-11-23T12:00:00Z")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for gone in [".site.tmp-0123abcd", ".site.old-89abcdef"] { #expect(!site.exists(gone), "\(gone)") }
        #expect(!isLink(site, ".site.tmp-deadbeef"))
        #expect(try site.read("keep/precious.txt") == "not sitrep's")
        for kept in [".site.tmp-notmine/file", ".site.tmp-0123abcd0/file", ".other.tmp-01234567/file"] {
            #expect(site.exists(kept), "\(kept)")
        }
    }

    // MARK: - incident update stays inside content/incidents

    @Test func incidentUpdateChecksTheIdAndNeverReplacesALink() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("content/escape.md", Self.incident)
        let escape = try site.run("incident", "update", "../escape", "--status", "resolved", "--message", "Fixed.")
        #expect(escape.status == 64)
        #expect(escape.stderr.contains("'../escape' is not an incident id"), "\(escape.stderr)")
        #expect(try site.read("content/escape.md") == Self.incident)

        try site.write("shared/2026-11-20-shared.md", Self.incident)
        try link(site, "content/incidents/2026-11-20-shared.md", to: "../../shared/2026-11-20-shared.md")
        let linked = try site.run("incident", "update", "2026-11-20-shared", "--status", "resolved", "--message", "Fixed.")
        #expect(linked.status == 1)
        #expect(linked.stderr.contains("content/incidents/2026-11-20-shared.md is a symbolic link"), "\(linked.stderr)")
        #expect(isLink(site, "content/incidents/2026-11-20-shared.md"))
        #expect(try site.read("shared/2026-11-20-shared.md") == Self.incident)
    }

    // MARK: - The database path

    @Test func aDatabasePathThatIsAFolderIsOneSentence() throws {
        let site = try FixtureSite(config: CLITests.offlineConfig)
        defer { site.remove() }
        try site.write("data/sitrep.sqlite/keep.txt", "a folder")
        for command in ["check", "probe", "build"] {
            let outcome = try site.run(command)
            #expect(outcome.status == 1, "\(command): \(outcome.stdout)")
            #expect(outcome.stderr.contains("'paths.database' (data/sitrep.sqlite) is a folder"), "\(command): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("NSCocoaErrorDomain"))
            #expect(outcome.stderr.split(separator: "\n").count == (command == "check" ? 2 : 1), "\(command): \(outcome.stderr)")
        }
        #expect(try site.read("data/sitrep.sqlite/keep.txt") == "a folder")
    }
}
